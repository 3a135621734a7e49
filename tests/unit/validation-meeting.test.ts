import { describe, expect, it } from 'vitest';
import { meetingToValues, parseMeeting, ukDayAndTime } from '../../src/lib/validation/meeting';
import { formatMeetingWhen, formatTime, venueAccess } from '../../src/lib/meetings';

const good = {
	title: 'Committee meeting 3',
	day: '2027-03-10',
	starts: '10:00',
	ends: '4pm',
	location_type: 'in_person',
	place: 'Meeting Room 2, Temple Quay House, Bristol BS1 6PN',
	joining_link: '',
	step_free: 'yes',
	hearing_loop: 'no',
	accessible_toilet: 'yes',
	quiet_room: 'unknown',
	parking: '',
	access_notes: ''
};

describe('a meeting staff add', () => {
	it('turns UK clock times into instants, winter and summer', () => {
		const winter = parseMeeting(good);
		expect(winter.ok && winter.data.starts_at).toBe('2027-03-10T10:00:00.000Z');
		expect(winter.ok && winter.data.ends_at).toBe('2027-03-10T16:00:00.000Z');
		const summer = parseMeeting({ ...good, day: '2027-07-01' });
		expect(summer.ok && summer.data.starts_at).toBe('2027-07-01T09:00:00.000Z');
	});

	it('keeps Yes, No and Not known apart (not known is null)', () => {
		const r = parseMeeting(good);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.data.step_free).toBe(true);
		expect(r.data.hearing_loop).toBe(false);
		expect(r.data.quiet_room).toBeNull();
		expect(r.data.parking).toBeNull();
		expect(r.data.access_notes).toBeNull();
	});

	it('says plainly when the end is not after the start', () => {
		const r = parseMeeting({ ...good, starts: '14:00', ends: '13:30' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			ends: 'The meeting must end after it starts. Enter an end time later than the start time'
		});
		const same = parseMeeting({ ...good, starts: '2pm', ends: '14:00' });
		expect(same.ok).toBe(false);
	});

	it('needs a place in person and hybrid, not online', () => {
		for (const type of ['in_person', 'hybrid']) {
			const r = parseMeeting({ ...good, location_type: type, place: '  ' });
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors.place).toBe('Enter where the meeting is, with the room and the address');
		}
		const online = parseMeeting({ ...good, location_type: 'online', place: 'Ignored' });
		expect(online.ok && online.data.place).toBeNull();
	});

	it('takes a joining link only when it starts with https://, and keeps it only online or hybrid', () => {
		for (const link of ['http://meet.example.org/x', 'meet.example.org/x', 'javascript:alert(1)']) {
			const r = parseMeeting({ ...good, location_type: 'online', joining_link: link });
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors.joining_link).toBe('The joining link must start with https://');
		}
		const spaced = parseMeeting({
			...good,
			location_type: 'online',
			joining_link: 'https://meet.example.org/a b'
		});
		expect(spaced.ok).toBe(false);
		const hybrid = parseMeeting({
			...good,
			location_type: 'hybrid',
			joining_link: ' https://meet.example.org/x '
		});
		expect(hybrid.ok && hybrid.data.joining_link).toBe('https://meet.example.org/x');
		const inPerson = parseMeeting({ ...good, joining_link: 'https://meet.example.org/x' });
		expect(inPerson.ok && inPerson.data.joining_link).toBeNull();
	});

	it('asks for every missing thing at once, in the order of the form', () => {
		const r = parseMeeting({});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.errors)).toEqual(['title', 'day', 'starts', 'ends', 'location_type']);
		expect(r.errors.day).toBe('Enter the date of the meeting');
		expect(r.errors.location_type).toBe('Choose whether the meeting is in person, online or hybrid');
	});

	it('refuses dates that are not on the calendar and times it cannot read', () => {
		const r = parseMeeting({ ...good, day: '2027-02-30', starts: '25:00', ends: '3' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.day).toBe('Enter the date as a real date, like 2027-03-27');
		expect(r.errors.starts).toBe('Enter the start time like 10:00 or 10am');
		expect(r.errors.ends).toBe('Enter the end time like 16:00 or 4pm');
	});

	it('refuses a time skipped when the clocks go forward', () => {
		const r = parseMeeting({ ...good, day: '2027-03-28', starts: '01:30', ends: '03:00' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.starts).toMatch(/clocks go forward/);
	});

	it('refuses an access answer that is not one of the three', () => {
		const r = parseMeeting({ ...good, parking: 'maybe' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.parking).toBe('Choose Yes, No or Not known for parking');
	});

	it('fills the form back from a saved meeting in UK time', () => {
		const r = parseMeeting({
			...good,
			day: '2027-07-01',
			location_type: 'hybrid',
			joining_link: 'https://meet.example.org/x'
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const values = meetingToValues(r.data);
		expect(values).toMatchObject({
			day: '2027-07-01',
			starts: '10:00',
			ends: '16:00',
			step_free: 'yes',
			hearing_loop: 'no',
			quiet_room: 'unknown',
			joining_link: 'https://meet.example.org/x'
		});
		expect(ukDayAndTime('2027-01-05T23:30:00Z')).toEqual(['2027-01-05', '23:30']);
	});
});

describe('meeting words', () => {
	it('says when in UK time', () => {
		expect(formatMeetingWhen({ starts_at: '2027-07-01T09:00:00Z', ends_at: '2027-07-01T11:30:00Z' })).toBe(
			'Thursday 1 July 2027, 10am to 12:30pm'
		);
		expect(formatTime('2027-01-05T12:00:00Z')).toBe('12 noon');
	});

	it('says Not known yet for an empty access answer', () => {
		const lines = venueAccess({
			step_free: true,
			hearing_loop: false,
			accessible_toilet: null,
			quiet_room: null,
			parking: true
		});
		expect(lines.map((l) => `${l.label}: ${l.answer}`)).toEqual([
			'Step-free access: Yes',
			'Hearing loop: No',
			'Accessible toilet: Not known yet',
			'Quiet room: Not known yet',
			'Parking: Yes'
		]);
	});
});
