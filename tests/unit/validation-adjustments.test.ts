// The access needs and request forms: what is accepted, and the plain words when it is not.
import { describe, expect, it } from 'vitest';
import { parse } from '$lib/validation/form';
import { passportSchema, requestSchema, scopeSchema, toItems, toValues } from '$lib/validation/adjustments';

const check = (values: Record<string, string | string[]>) => parse(passportSchema, values, values);

describe('access needs form', () => {
	it('turns the fields into items, leaving out empty categories', () => {
		const parsed = check({
			'travel.options': 'taxi',
			'papers.options': ['easy_read', 'large_print'],
			'papers.large_print_size': '18',
			'papers.papers_days_before': ' 14 ',
			'meeting.note': '  A seat near the door.  ',
			'online.note': '   ',
			share_with_staff: 'yes',
			consent: 'yes'
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.data.share_with_staff).toBe(true);
		expect(toItems(parsed.data)).toEqual([
			{
				category: 'travel',
				options: ['taxi'],
				note: null,
				large_print_size: null,
				papers_days_before: null,
				break_every_minutes: null,
				break_minutes: null
			},
			{
				category: 'papers',
				options: ['easy_read', 'large_print'],
				note: null,
				large_print_size: 18,
				papers_days_before: 14,
				break_every_minutes: null,
				break_minutes: null
			},
			{
				category: 'meeting',
				options: [],
				note: 'A seat near the door.',
				large_print_size: null,
				papers_days_before: null,
				break_every_minutes: null,
				break_minutes: null
			}
		]);
	});

	it('asks who may see them', () => {
		const parsed = check({});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.share_with_staff).toBe(
			'Choose whether staff who arrange adjustments may see your access needs'
		);
	});

	it('refuses an option from another category, and numbers that are not whole or out of range', () => {
		const parsed = check({
			'travel.options': ['easy_read'],
			'papers.large_print_size': '200',
			'meeting.break_every_minutes': 'often',
			share_with_staff: 'no'
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors['travel.options']).toBe('Choose from the list for travel');
		expect(parsed.errors['papers.large_print_size']).toBe('The large print size must be from 12 to 72');
		expect(parsed.errors['meeting.break_every_minutes']).toMatch(
			/^Enter how often you need a break as a whole number/
		);
	});

	it('keeps notes to 1000 characters', () => {
		const parsed = check({ 'other.note': 'x'.repeat(1001), share_with_staff: 'yes' });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors['other.note']).toMatch(/1000 characters or fewer/);
	});

	it('fills the form back from items, for the next request', () => {
		const items = [
			{
				category: 'meeting' as const,
				options: ['breaks' as const],
				note: 'Near the door',
				large_print_size: null,
				papers_days_before: null,
				break_every_minutes: 60,
				break_minutes: 10
			}
		];
		const values = toValues(items);
		expect(values).toEqual({
			'meeting.options': ['breaks'],
			'meeting.note': 'Near the door',
			'meeting.break_every_minutes': '60',
			'meeting.break_minutes': '10'
		});
		const again = parse(requestSchema, { ...values, share_with_organisers: 'no' }, values);
		expect(again.ok && toItems(again.data)).toEqual(items);
	});
});

describe('which meeting', () => {
	it('is one meeting or all of them', () => {
		expect(parse(scopeSchema, { meeting: 'all' }, {})).toEqual({ ok: true, data: { meeting: null } });
		expect(parse(scopeSchema, { meeting: '42' }, {})).toEqual({ ok: true, data: { meeting: 42 } });
		const bad = parse(scopeSchema, { meeting: 'next' }, {});
		expect(bad.ok).toBe(false);
	});
});
