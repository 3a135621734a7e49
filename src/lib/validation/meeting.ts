// Checking a meeting staff add to an opportunity: its title, the day and times in UK time, where it
// happens (a place in person, a joining link online, both for hybrid), and what the venue offers.
import type { LocationType } from '../opportunities';
import { isRealDate } from './opportunity';
import { parseTime, ukInstant } from './decision';
import { VENUE_ACCESS, VENUE_ACCESS_KEYS, type VenueAccessKey } from '../meetings';

// The venue's access points live in $lib/meetings, which member pages use without this module.
export { VENUE_ACCESS, VENUE_ACCESS_KEYS, type VenueAccessKey } from '../meetings';

/** The three answers for each access point: null in the database means "not known yet". */
export const ACCESS_ANSWERS = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;
export type AccessAnswer = keyof typeof ACCESS_ANSWERS;

export const MEETING_PLACES = {
	in_person: 'In person',
	online: 'Online',
	hybrid: 'Hybrid: in person, and online for those who prefer'
} as const;

export const TITLE_MAX = 120;
export const PLACE_MAX = 300;
export const LINK_MAX = 500;
export const NOTES_MAX = 1000;

export interface MeetingInput {
	title: string;
	starts_at: string;
	ends_at: string;
	location_type: LocationType;
	place: string | null;
	joining_link: string | null;
	step_free: boolean | null;
	hearing_loop: boolean | null;
	accessible_toilet: boolean | null;
	quiet_room: boolean | null;
	parking: boolean | null;
	access_notes: string | null;
}

export type MeetingParse =
	| { ok: true; data: MeetingInput }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

export const MEETING_FIELDS = [
	'title',
	'day',
	'starts',
	'ends',
	'location_type',
	'place',
	'joining_link',
	...VENUE_ACCESS_KEYS,
	'access_notes'
] as const;

/** The form's fields as strings. */
export function meetingValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of MEETING_FIELDS) {
		const v = form.get(key);
		values[key] = typeof v === 'string' ? v : '';
	}
	return values;
}

const tidy = (s: string | undefined) => (s ?? '').trim().replace(/[ \t]+/g, ' ');

/** Errors keyed to fields, in the order the form shows them. */
export function parseMeeting(values: Record<string, string>): MeetingParse {
	const errors: Record<string, string> = {};
	const title = tidy(values.title);
	if (!title) errors.title = 'Enter a title for the meeting, like “Committee meeting 1”';
	else if (title.length < 3) errors.title = 'The title must be 3 characters or more';
	else if (title.length > TITLE_MAX) errors.title = `The title must be ${TITLE_MAX} characters or fewer`;

	const day = tidy(values.day);
	if (!day) errors.day = 'Enter the date of the meeting';
	else if (!isRealDate(day)) errors.day = 'Enter the date as a real date, like 2027-03-27';

	const rawStarts = tidy(values.starts);
	const rawEnds = tidy(values.ends);
	const starts = rawStarts ? parseTime(rawStarts) : null;
	const ends = rawEnds ? parseTime(rawEnds) : null;
	if (!rawStarts) errors.starts = 'Enter the time the meeting starts';
	else if (!starts) errors.starts = 'Enter the start time like 10:00 or 10am';
	if (!rawEnds) errors.ends = 'Enter the time the meeting ends';
	else if (!ends) errors.ends = 'Enter the end time like 16:00 or 4pm';

	let startsAt: string | null = null;
	let endsAt: string | null = null;
	if (!errors.day && starts && ends) {
		startsAt = ukInstant(day, starts);
		endsAt = ukInstant(day, ends);
		if (!startsAt)
			errors.starts =
				'That time does not exist on that day, because the clocks go forward. Choose another time';
		else if (!endsAt)
			errors.ends =
				'That time does not exist on that day, because the clocks go forward. Choose another time';
		else if (Date.parse(endsAt) <= Date.parse(startsAt))
			errors.ends = 'The meeting must end after it starts. Enter an end time later than the start time';
	}

	const type = values.location_type ?? '';
	if (!Object.hasOwn(MEETING_PLACES, type))
		errors.location_type = 'Choose whether the meeting is in person, online or hybrid';
	const locationType = type as LocationType;

	const place = tidy(values.place);
	if ((type === 'in_person' || type === 'hybrid') && !place)
		errors.place = 'Enter where the meeting is, with the room and the address';
	else if (place.length > PLACE_MAX) errors.place = `The place must be ${PLACE_MAX} characters or fewer`;

	const link = (values.joining_link ?? '').trim();
	if (link) {
		if (!/^https:\/\//i.test(link)) errors.joining_link = 'The joining link must start with https://';
		else if (/\s/.test(link) || link.length <= 'https://'.length)
			errors.joining_link = 'Enter the joining link without spaces, like https://meet.example.org/committee';
		else if (link.length > LINK_MAX)
			errors.joining_link = `The joining link must be ${LINK_MAX} characters or fewer`;
	}

	const access: Partial<Record<VenueAccessKey, boolean | null>> = {};
	for (const key of VENUE_ACCESS_KEYS) {
		const answer = values[key] || 'unknown';
		if (!Object.hasOwn(ACCESS_ANSWERS, answer))
			errors[key] = `Choose Yes, No or Not known for ${VENUE_ACCESS[key].toLowerCase()}`;
		access[key] = answer === 'yes' ? true : answer === 'no' ? false : null;
	}

	const notes = (values.access_notes ?? '').trim();
	if (notes.length > NOTES_MAX) errors.access_notes = `Notes must be ${NOTES_MAX} characters or fewer`;

	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return {
		ok: true,
		data: {
			title,
			starts_at: startsAt!,
			ends_at: endsAt!,
			location_type: locationType,
			// A place is kept only where people go; a link is kept only where people join online.
			place: locationType === 'online' ? null : place,
			joining_link:
				locationType === 'in_person' ? null : link ? link.replace(/^https:\/\//i, 'https://') : null,
			step_free: access.step_free ?? null,
			hearing_loop: access.hearing_loop ?? null,
			accessible_toilet: access.accessible_toilet ?? null,
			quiet_room: access.quiet_room ?? null,
			parking: access.parking ?? null,
			access_notes: notes || null
		}
	};
}

const ukWall = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The UK day and clock time of an instant: ["2027-03-27", "10:00"]. */
export function ukDayAndTime(instant: string): [string, string] {
	const [day, time] = ukWall.format(new Date(instant)).split(', ') as [string, string];
	return [day, time];
}

const answerOf = (b: boolean | null): AccessAnswer => (b === true ? 'yes' : b === false ? 'no' : 'unknown');

/** The form's fields for an existing meeting. */
export function meetingToValues(
	m: Omit<MeetingInput, 'joining_link'> & { joining_link?: string | null }
): Record<string, string> {
	const [day, starts] = ukDayAndTime(m.starts_at);
	const [, ends] = ukDayAndTime(m.ends_at);
	const values: Record<string, string> = {
		title: m.title,
		day,
		starts,
		ends,
		location_type: m.location_type,
		place: m.place ?? '',
		joining_link: m.joining_link ?? '',
		access_notes: m.access_notes ?? ''
	};
	for (const key of VENUE_ACCESS_KEYS) values[key] = answerOf(m[key]);
	return values;
}
