import { describe, expect, it } from 'vitest';
import { parseReminderDays } from '$lib/events';
import { eventSettingsToValues, parseEventSettings } from '$lib/validation/event-settings';

const good = {
	places: '30',
	held_for_members: '10',
	closes_day: '2027-03-28',
	closes_time: '5pm',
	questions: 'Which workshops?\n\n  Will anyone come with you?  ',
	public_booking: 'yes',
	reminder_days: '1, 7',
	offer_hours: '24'
};

describe('booking settings', () => {
	it('are read as staff type them, the closing time in UK time (BST after the clocks change)', () => {
		const r = parseEventSettings(good);
		expect(r).toEqual({
			ok: true,
			data: {
				places: 30,
				held_for_members: 10,
				booking_closes_at: '2027-03-28T16:00:00.000Z',
				public_booking: true,
				questions: ['Which workshops?', 'Will anyone come with you?'],
				reminder_days: [7, 1],
				offer_hours: 24
			}
		});
		if (r.ok) expect(parseEventSettings(eventSettingsToValues(r.data))).toEqual(r);
	});

	it('say everything wrong at once', () => {
		const r = parseEventSettings({
			...good,
			places: '0',
			held_for_members: '40',
			closes_day: '2027-02-30',
			reminder_days: '7, 100',
			offer_hours: '1000'
		});
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(Object.keys(r.errors)).toEqual([
				'places',
				'held_for_members',
				'closes_day',
				'reminder_days',
				'offer_hours'
			]);
		const more = parseEventSettings({ ...good, held_for_members: '31' });
		expect(!more.ok && more.errors.held_for_members).toBe('You cannot hold back more places than there are');
	});

	it('reminder days: none, or up to four from 1 to 60', () => {
		expect(parseReminderDays('')).toEqual([]);
		expect(parseReminderDays('7 1 7')).toEqual([7, 1]);
		expect(parseReminderDays('0')).toBeNull();
		expect(parseReminderDays('1,2,3,4,5')).toBeNull();
		expect(parseReminderDays('a week')).toBeNull();
	});
});
