// Booking settings for an event or training, as staff type them: places, places held back for
// members, when booking closes (UK date and time), questions (one a line), public booking, the
// days before the event that reminders go, and how long an offered place is kept.
import { parseReminderDays } from '../events';
import { parseTime, ukInstant } from './decision';
import { ukDayAndTime } from './meeting';

export const EVENT_SETTING_FIELDS = [
	'places',
	'held_for_members',
	'closes_day',
	'closes_time',
	'questions',
	'public_booking',
	'reminder_days',
	'offer_hours'
] as const;

export interface EventSettingsInput {
	places: number;
	held_for_members: number;
	booking_closes_at: string | null;
	public_booking: boolean;
	questions: string[];
	reminder_days: number[];
	offer_hours: number;
}

export type EventSettingsParse =
	| { ok: true; data: EventSettingsInput }
	| { ok: false; values: Record<string, string>; errors: Record<string, string> };

export function eventSettingValues(form: FormData): Record<string, string> {
	return Object.fromEntries(EVENT_SETTING_FIELDS.map((k) => [k, String(form.get(k) ?? '').trim()]));
}

function wholeNumber(raw: string): number | null {
	return /^\d{1,5}$/.test(raw) ? Number(raw) : null;
}

export function parseEventSettings(values: Record<string, string>): EventSettingsParse {
	const errors: Record<string, string> = {};
	const places = wholeNumber(values.places ?? '');
	if (!values.places) errors.places = 'Enter how many places there are';
	else if (places === null || places < 1 || places > 5000)
		errors.places = 'Places must be a whole number from 1 to 5,000';
	const held = values.held_for_members ? wholeNumber(values.held_for_members) : 0;
	if (held === null || held < 0) errors.held_for_members = 'Places held back must be a whole number, or 0';
	else if (places !== null && held > places)
		errors.held_for_members = 'You cannot hold back more places than there are';

	let closes: string | null = null;
	if (values.closes_day || values.closes_time) {
		const time = values.closes_time ? parseTime(values.closes_time) : { hours: 17, minutes: 0 };
		if (!values.closes_day) errors.closes_day = 'Enter the day booking closes, or leave the time empty too';
		else if (!time) errors.closes_time = 'Enter the time like 17:00 or 5pm';
		else {
			closes = ukInstant(values.closes_day, time);
			if (!closes) errors.closes_day = 'Enter a real date, like 2027-03-27';
		}
	}

	const questions = (values.questions ?? '')
		.split(/\r?\n/)
		.map((q) => q.trim())
		.filter(Boolean);
	if (questions.length > 5) errors.questions = 'Ask at most 5 booking questions';
	else if (questions.some((q) => q.length < 3 || q.length > 200))
		errors.questions = 'Each question must be from 3 to 200 characters';

	const reminders = parseReminderDays(values.reminder_days ?? '');
	if (reminders === null) errors.reminder_days = 'Enter up to 4 numbers of days from 1 to 60, like 7, 1';

	const hours = values.offer_hours ? wholeNumber(values.offer_hours) : 48;
	if (hours === null || hours < 1 || hours > 336)
		errors.offer_hours = 'Enter how many hours to keep an offered place, from 1 to 336 (2 weeks)';

	if (Object.keys(errors).length) return { ok: false, values, errors };
	return {
		ok: true,
		data: {
			places: places!,
			held_for_members: held!,
			booking_closes_at: closes,
			public_booking: values.public_booking === 'yes',
			questions,
			reminder_days: reminders!,
			offer_hours: hours!
		}
	};
}

export function eventSettingsToValues(s: EventSettingsInput | null): Record<string, string> {
	if (!s)
		return {
			places: '',
			held_for_members: '0',
			closes_day: '',
			closes_time: '',
			questions: '',
			public_booking: 'no',
			reminder_days: '7, 1',
			offer_hours: '48'
		};
	const [day, time] = s.booking_closes_at ? ukDayAndTime(s.booking_closes_at) : ['', ''];
	return {
		places: String(s.places),
		held_for_members: String(s.held_for_members),
		closes_day: day,
		closes_time: time,
		questions: s.questions.join('\n'),
		public_booking: s.public_booking ? 'yes' : 'no',
		reminder_days: s.reminder_days.join(', '),
		offer_hours: String(s.offer_hours)
	};
}
