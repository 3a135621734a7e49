// Checking a staff decision form: the message, the interview's date, time and place (in UK time),
// and an offered term. Errors are keyed to fields, in the order the form shows them.
import { isRealDate } from './opportunity';
import {
	fillPlaceholders,
	formatTerm,
	formatWhen,
	isDecision,
	placeholdersFor,
	unknownPlaceholders,
	type Decision
} from '../decisions';

export const SUBJECT_MAX = 150;
export const BODY_MAX = 4500;
export const PLACE_MAX = 500;

/** Hours and minutes from what people type: "14:30", "14.30", "2:30pm", "2pm", "12 noon", "midday". */
export function parseTime(raw: string): { hours: number; minutes: number } | null {
	const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
	if (s === 'midday' || s === 'noon' || s === '12 noon') return { hours: 12, minutes: 0 };
	const m = s.match(/^(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})? ?(am|pm|a\.m\.|p\.m\.)?$/);
	if (!m) return null;
	let hours = Number(m[1]);
	const minutes = m[2] === undefined ? 0 : Number(m[2]);
	const half = m[3]?.replace(/\./g, '');
	if (minutes > 59) return null;
	if (half) {
		if (hours < 1 || hours > 12) return null;
		hours = (hours % 12) + (half === 'pm' ? 12 : 0);
	} else {
		// Without am or pm, a bare hour ("2") is ambiguous; ask for minutes or am/pm.
		if (m[2] === undefined || hours > 23) return null;
	}
	return { hours, minutes };
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	timeZoneName: 'longOffset'
});
const wallFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** Minutes the UK is ahead of UTC at an instant (0 in winter, 60 in summer). */
function ukOffsetMinutes(ms: number): number {
	const name = offsetFormat.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const m = name.match(/GMT([+-])(\d{2}):(\d{2})/);
	return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The instant of a UK date and time of day (clock time in London, summer or winter), as ISO text.
 * Null when that time does not exist on that day (the hour skipped when the clocks go forward).
 */
export function ukInstant(day: string, time: { hours: number; minutes: number }): string | null {
	if (!isRealDate(day)) return null;
	const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
	const wall = Date.UTC(y, mo - 1, d, time.hours, time.minutes);
	let ms = wall - ukOffsetMinutes(wall) * 60_000;
	ms = wall - ukOffsetMinutes(ms) * 60_000;
	const back = wallFormat.format(ms).replace(',', '');
	const wanted = `${day} ${String(time.hours).padStart(2, '0')}:${String(time.minutes).padStart(2, '0')}`;
	return back === wanted ? new Date(ms).toISOString() : null;
}

export interface DecisionContext {
	/** The offer is for a steering group place, so the term's dates are needed. */
	needsTerm: boolean;
	now?: Date;
}

export interface DecisionInput {
	decision: Decision;
	requestKey: string;
	subject: string;
	body: string;
	interviewAt: string | null;
	interviewPlace: string | null;
	termStartsOn: string | null;
	termEndsOn: string | null;
}

export type DecisionParse =
	| { ok: true; data: DecisionInput }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's fields as strings. */
export function decisionValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of [
		'decision',
		'request_key',
		'interview_date',
		'interview_time',
		'interview_place',
		'term_starts_on',
		'term_ends_on',
		'subject',
		'body'
	]) {
		const v = form.get(key);
		values[key] = typeof v === 'string' ? v : '';
	}
	return values;
}

const ukToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);

export function parseDecision(values: Record<string, string>, context: DecisionContext): DecisionParse {
	const errors: Record<string, string> = {};
	const now = context.now ?? new Date();
	const decision = values.decision ?? '';
	if (!isDecision(decision)) {
		return { ok: false, errors: { decision: 'Choose what you have decided' }, values };
	}
	const requestKey = (values.request_key ?? '').trim();
	if (!UUID.test(requestKey)) errors.form = 'This form is out of date. Open the decision again and send it.';

	let interviewAt: string | null = null;
	let interviewPlace: string | null = null;
	if (decision === 'interview') {
		const day = (values.interview_date ?? '').trim();
		const rawTime = (values.interview_time ?? '').trim();
		const time = rawTime ? parseTime(rawTime) : null;
		if (!day) errors.interview_date = 'Enter the date of the interview';
		else if (!isRealDate(day))
			errors.interview_date = 'Enter the interview date as a real date, like 2027-03-27';
		else if (day < ukToday(now)) errors.interview_date = 'The interview date must be today or in the future';
		if (!rawTime) errors.interview_time = 'Enter the time of the interview';
		else if (!time) errors.interview_time = 'Enter the time of the interview, like 14:30 or 2:30pm';
		if (!errors.interview_date && time) {
			interviewAt = ukInstant(day, time);
			if (!interviewAt)
				errors.interview_time =
					'That time does not exist on that day, because the clocks go forward. Choose another time';
			else if (Date.parse(interviewAt) <= now.getTime())
				errors.interview_time = 'The interview time must be in the future';
		}
		interviewPlace = (values.interview_place ?? '').trim();
		if (!interviewPlace) errors.interview_place = 'Enter where the interview is, or the link to join it';
		else if (interviewPlace.length > PLACE_MAX)
			errors.interview_place = `The place or link must be ${PLACE_MAX} characters or fewer`;
	}

	let termStartsOn: string | null = null;
	let termEndsOn: string | null = null;
	const withTerm = decision === 'offered' && context.needsTerm;
	if (withTerm) {
		termStartsOn = (values.term_starts_on ?? '').trim();
		termEndsOn = (values.term_ends_on ?? '').trim();
		if (!termStartsOn) errors.term_starts_on = 'Enter the date the term starts';
		else if (!isRealDate(termStartsOn))
			errors.term_starts_on = 'Enter the date the term starts as a real date, like 2027-03-27';
		if (!termEndsOn) errors.term_ends_on = 'Enter the date the term ends';
		else if (!isRealDate(termEndsOn))
			errors.term_ends_on = 'Enter the date the term ends as a real date, like 2027-03-27';
		else if (!errors.term_starts_on && termEndsOn < termStartsOn)
			errors.term_ends_on = 'The term must end on or after the day it starts';
	}

	const allowed = placeholdersFor(decision, { withTerm });
	const subject = (values.subject ?? '').trim().replace(/\s+/g, ' ');
	const body = (values.body ?? '').replace(/\r\n/g, '\n').trim();
	if (!subject) errors.subject = 'Enter a subject for the message';
	else if (subject.length > SUBJECT_MAX)
		errors.subject = `The subject must be ${SUBJECT_MAX} characters or fewer`;
	else if (unknownPlaceholders(subject, allowed).length > 0)
		errors.subject = placeholderProblem(unknownPlaceholders(subject, allowed), allowed);
	if (!body) errors.body = 'Enter the message to the member';
	else if (body.length > BODY_MAX) errors.body = `The message must be ${BODY_MAX} characters or fewer`;
	else if (unknownPlaceholders(body, allowed).length > 0)
		errors.body = placeholderProblem(unknownPlaceholders(body, allowed), allowed);

	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return {
		ok: true,
		data: { decision, requestKey, subject, body, interviewAt, interviewPlace, termStartsOn, termEndsOn }
	};
}

function placeholderProblem(unknown: string[], allowed: string[]): string {
	const list = allowed.map((a) => `{${a}}`).join(', ');
	return `The message has ${unknown.join(' and ')}, which we cannot fill in. Use only ${list}, or take out the curly brackets`;
}

/** Fills in the interview details and term, leaving {name} and {opportunity} for the database. */
export function withDetails(
	text: string,
	input: Pick<DecisionInput, 'interviewAt' | 'interviewPlace' | 'termStartsOn' | 'termEndsOn'>
): string {
	return fillPlaceholders(text, {
		when: input.interviewAt ? formatWhen(input.interviewAt) : undefined,
		where: input.interviewPlace ?? undefined,
		term:
			input.termStartsOn && input.termEndsOn ? formatTerm(input.termStartsOn, input.termEndsOn) : undefined
	});
}

/** The message exactly as one member will get it. */
export function messageFor(
	input: DecisionInput,
	member: { name: string; opportunity: string }
): { subject: string; body: string } {
	const fill = (t: string) =>
		fillPlaceholders(withDetails(t, input), { name: member.name, opportunity: member.opportunity });
	return { subject: fill(input.subject), body: fill(input.body) };
}
