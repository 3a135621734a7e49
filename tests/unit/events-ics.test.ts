// The calendar file a booking sends: valid RFC 5545, in UK local time with Europe/London defined in
// the file, right on both sides of the clock changes.
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, fold, londonLocal } from '$lib/server/events/ics';

const now = new Date('2026-11-26T09:30:00Z');

/** Content lines with folding undone (RFC 5545 3.1). */
function unfold(text: string): string[] {
	return text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
}

/** Checks the structure a calendar program relies on; returns the VEVENTs' properties. */
function validate(text: string): Record<string, string>[] {
	expect(text.endsWith('\r\n')).toBe(true);
	// Every physical line ends in CRLF (no bare LF) and is at most 75 octets.
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	for (const line of text.split('\r\n'))
		expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	const lines = unfold(text);
	for (const line of lines) expect(line).toMatch(/^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/);
	expect(lines[0]).toBe('BEGIN:VCALENDAR');
	expect(lines.at(-1)).toBe('END:VCALENDAR');
	expect(lines).toContain('VERSION:2.0');
	expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
	// Components nest properly.
	const stack: string[] = [];
	for (const line of lines) {
		if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
		if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
	}
	expect(stack).toEqual([]);
	// The time zone every DTSTART names is defined in the file.
	expect(lines).toContain('BEGIN:VTIMEZONE');
	expect(lines).toContain('TZID:Europe/London');
	const events: Record<string, string>[] = [];
	let current: Record<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			current[line.slice(0, colon)] = line.slice(colon + 1);
		}
	}
	for (const e of events) {
		for (const required of ['UID', 'DTSTAMP']) expect(e[required], required).toBeTruthy();
		expect(e['DTSTAMP']).toMatch(/^\d{8}T\d{6}Z$/);
		expect(e['DTSTART;TZID=Europe/London']).toMatch(/^\d{8}T\d{6}$/);
		expect(e['DTEND;TZID=Europe/London']).toMatch(/^\d{8}T\d{6}$/);
		expect(e['DTEND;TZID=Europe/London']! > e['DTSTART;TZID=Europe/London']!).toBe(true);
	}
	return events;
}

describe('calendar files', () => {
	it('give UK local time on both sides of the spring clock change (Sunday 28 March 2027)', () => {
		// Saturday 10am GMT is 10:00Z; Monday 10am BST is 09:00Z.
		expect(londonLocal('2027-03-27T10:00:00Z')).toBe('20270327T100000');
		expect(londonLocal('2027-03-29T09:00:00Z')).toBe('20270329T100000');
		// The change itself: 00:59:59Z is 00:59:59 GMT; 01:00Z is 02:00 BST.
		expect(londonLocal('2027-03-28T00:59:59Z')).toBe('20270328T005959');
		expect(londonLocal('2027-03-28T01:00:00Z')).toBe('20270328T020000');
	});

	it('give UK local time on both sides of the autumn clock change (Sunday 31 October 2027)', () => {
		expect(londonLocal('2027-10-30T09:00:00Z')).toBe('20271030T100000');
		expect(londonLocal('2027-11-01T10:00:00Z')).toBe('20271101T100000');
		expect(londonLocal('2027-10-31T00:30:00Z')).toBe('20271031T013000'); // BST
		expect(londonLocal('2027-10-31T01:30:00Z')).toBe('20271031T013000'); // GMT, the hour again
	});

	it('is a valid iCalendar file with one event per meeting', () => {
		const text = buildCalendar({
			now,
			events: [
				{
					uid: 'booking-7-meeting-1@together',
					title: 'Co-production week festival: day one',
					starts_at: '2027-03-27T10:00:00Z',
					ends_at: '2027-03-27T16:00:00Z',
					location: 'Millennium Hall, 8 Park Place, Cardiff CF10 3DQ',
					description:
						'Step-free throughout; quiet room with low lighting.\nYou told us: a wheelchair accessible taxi, both ways, and a quiet room.',
					url: 'https://together.example.org/my/bookings/7'
				},
				{
					uid: 'booking-7-meeting-2@together',
					title: 'Co-production week festival: day two',
					starts_at: '2027-03-29T09:00:00Z',
					ends_at: '2027-03-29T15:00:00Z'
				}
			]
		});
		const events = validate(text);
		expect(events).toHaveLength(2);
		expect(events[0]).toMatchObject({
			UID: 'booking-7-meeting-1@together',
			DTSTAMP: '20261126T093000Z',
			'DTSTART;TZID=Europe/London': '20270327T100000',
			'DTEND;TZID=Europe/London': '20270327T160000',
			SUMMARY: 'Co-production week festival: day one',
			LOCATION: 'Millennium Hall\\, 8 Park Place\\, Cardiff CF10 3DQ',
			STATUS: 'CONFIRMED'
		});
		expect(events[0]!['DESCRIPTION']).toContain('Step-free throughout\\; quiet room');
		expect(events[0]!['DESCRIPTION']).toContain('lighting.\\nYou told us');
		// Across the change: 10am both days, though the UTC hour differs.
		expect(events[1]!['DTSTART;TZID=Europe/London']).toBe('20270329T100000');
		// The time zone carries both rules.
		expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
		expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
		expect(text).toContain('METHOD:PUBLISH');
	});

	it('cancels with the same UIDs', () => {
		const text = buildCalendar({
			now,
			method: 'CANCEL',
			events: [
				{
					uid: 'booking-7-meeting-1@together',
					title: 'x',
					starts_at: '2027-01-01T10:00:00Z',
					ends_at: '2027-01-01T11:00:00Z'
				}
			]
		});
		const [event] = validate(text);
		expect(text).toContain('METHOD:CANCEL');
		expect(event).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '1' });
	});

	it('escapes text and folds long lines without splitting a character', () => {
		expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
		const long = `DESCRIPTION:${'Café Ŵ '.repeat(30)}`;
		const folded = fold(long);
		for (const line of folded.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.replace(/\r\n /g, '')).toBe(long);
	});
});
