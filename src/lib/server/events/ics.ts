// Calendar files (RFC 5545 iCalendar) for a booked event: one VEVENT per meeting, in UK local time
// with the Europe/London time zone defined in the file (VTIMEZONE), so a calendar shows 10am as
// 10am whether the day falls in GMT or BST. Lines end in CRLF and are folded at 75 octets; text is
// escaped. Pure: tested without a server.

export interface CalendarEvent {
	/** Stable and unique, so a second file for the same booking updates the entry, not a copy. */
	uid: string;
	title: string;
	starts_at: string;
	ends_at: string;
	location?: string | null;
	description?: string | null;
	url?: string | null;
}

export interface CalendarInput {
	events: CalendarEvent[];
	/** PUBLISH for a booking; CANCEL takes the entries out of the calendar again. */
	method?: 'PUBLISH' | 'CANCEL';
	now?: Date;
}

export const TZID = 'Europe/London';

// The UK's rule since 1996: BST from 01:00 GMT on the last Sunday in March to 01:00 GMT on the last
// Sunday in October. DTSTART of each part is the local time of the change before it happens.
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	'X-LIC-LOCATION:Europe/London',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0000',
	'TZOFFSETTO:+0100',
	'TZNAME:BST',
	'DTSTART:19700329T010000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0000',
	'TZNAME:GMT',
	'DTSTART:19701025T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

const london = new Intl.DateTimeFormat('en-GB', {
	timeZone: TZID,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** An instant as UK local time, "20270328T100000" (for DTSTART;TZID=Europe/London). */
export function londonLocal(instant: string | Date): string {
	const parts = Object.fromEntries(
		london.formatToParts(new Date(instant)).map((p) => [p.type, p.value])
	) as Record<string, string>;
	return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** An instant in UTC, "20270328T090000Z" (for DTSTAMP). */
export function utcStamp(instant: Date): string {
	return instant
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** TEXT values: backslash, semicolon, comma and new lines escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function fold(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
		if (octets + size > limit) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	out.push(current);
	return out.join('\r\n ');
}

export function buildCalendar(input: CalendarInput): string {
	const method = input.method ?? 'PUBLISH';
	const stamp = utcStamp(input.now ?? new Date());
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Together//Events//EN',
		'CALSCALE:GREGORIAN',
		`METHOD:${method}`,
		...VTIMEZONE
	];
	for (const e of input.events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${stamp}`,
			`DTSTART;TZID=${TZID}:${londonLocal(e.starts_at)}`,
			`DTEND;TZID=${TZID}:${londonLocal(e.ends_at)}`,
			`SUMMARY:${escapeText(e.title)}`
		);
		if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if (e.url) lines.push(`URL:${e.url}`);
		lines.push(
			`STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
			`SEQUENCE:${method === 'CANCEL' ? 1 : 0}`,
			'TRANSP:OPAQUE',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
