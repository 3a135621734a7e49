// Words for staff decisions on applications, and the messages members are sent about them.
// Client-safe: no server imports. The database fills in {name} and {opportunity} for each member;
// the server fills in {when}, {where} and {term} from the interview or term details first.

import { APPLICATION_STATUSES, type ApplicationStatus } from './applications';

/** Statuses staff can see and filter by (a draft is the member's own until they send it). */
export const SENT_STATUSES = [
	'submitted',
	'shortlisted',
	'interview',
	'offered',
	'accepted',
	'not_selected',
	'withdrawn'
] as const satisfies readonly ApplicationStatus[];

export const DECISIONS = ['shortlisted', 'interview', 'offered', 'accepted', 'not_selected'] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
	return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
	return typeof value === 'string' && Object.hasOwn(APPLICATION_STATUSES, value);
}

/** What staff may decide next, for each status: the same moves decide_applications allows. */
const MOVES: Record<ApplicationStatus, readonly Decision[]> = {
	draft: [],
	submitted: ['shortlisted', 'interview', 'offered', 'not_selected'],
	shortlisted: ['interview', 'offered', 'not_selected'],
	interview: ['interview', 'offered', 'not_selected'],
	offered: ['accepted', 'not_selected'],
	accepted: [],
	not_selected: [],
	withdrawn: []
};

export function decisionsFor(status: ApplicationStatus): readonly Decision[] {
	return MOVES[status];
}

/** Decisions open to every one of several applications at once, in the usual order. */
export function commonDecisions(statuses: readonly ApplicationStatus[]): Decision[] {
	if (statuses.length === 0) return [];
	return DECISIONS.filter((d) => statuses.every((s) => MOVES[s].includes(d)));
}

/** The words on the button or choice for a decision. */
export function decisionLabel(
	decision: Decision,
	from?: ApplicationStatus | readonly ApplicationStatus[]
): string {
	const already = Array.isArray(from)
		? from.every((s) => s === 'interview') && from.length > 0
		: from === 'interview';
	switch (decision) {
		case 'shortlisted':
			return 'Shortlist';
		case 'interview':
			return already ? 'Invite to interview again' : 'Invite to interview';
		case 'offered':
			return 'Offer a place';
		case 'accepted':
			return 'Record that they accepted';
		case 'not_selected':
			return 'Not this time';
	}
}

/** What the decision does, in a sentence for the confirmation step. */
export function decisionSentence(decision: Decision): string {
	switch (decision) {
		case 'shortlisted':
			return 'put on the shortlist';
		case 'interview':
			return 'invited to interview';
		case 'offered':
			return 'offered a place';
		case 'accepted':
			return 'recorded as having accepted their place';
		case 'not_selected':
			return 'told “not this time”';
	}
}

export interface MessageTemplate {
	subject: string;
	body: string;
}

const SIGN_OFF =
	'If you have any questions, or need anything to take part, call us on 0161 000 0000 or reply to this email.\n\nThe co-production team';

/** The default message for each decision. With a term (steering group places) the offer says when it runs. */
export function templateFor(decision: Decision, { withTerm = false } = {}): MessageTemplate {
	switch (decision) {
		case 'shortlisted':
			return {
				subject: 'You are on the shortlist for {opportunity}',
				body:
					'Dear {name},\n\nThank you for applying for {opportunity}. We are pleased to tell you that you are on the shortlist.\n\n' +
					'We will be in touch soon about the next step. You do not need to do anything now.\n\n' +
					SIGN_OFF
			};
		case 'interview':
			return {
				subject: 'Invitation to a conversation about {opportunity}',
				body:
					'Dear {name},\n\nThank you for applying for {opportunity}. We would like to invite you to a relaxed conversation about it. ' +
					'It is not a test. You can bring a supporter with you.\n\n' +
					'When: {when}\nWhere: {where}\n\n' +
					'Please tell us if this time does not suit you, or if you need anything to take part, such as papers in easy read, ' +
					'longer breaks or help with travel. Call us on 0161 000 0000 or reply to this email.\n\nThe co-production team'
			};
		case 'offered':
			return {
				subject: 'We would like to offer you a place: {opportunity}',
				body:
					'Dear {name},\n\nWe are delighted to offer you a place on {opportunity}.\n\n' +
					(withTerm ? 'The term runs {term}.\n\n' : '') +
					'Please tell us on Together whether you would like to take it: sign in and go to My applications.\n\n' +
					SIGN_OFF
			};
		case 'accepted':
			return {
				subject: 'Welcome to {opportunity}',
				body:
					'Dear {name},\n\nThank you for telling us you would like to take your place on {opportunity}. We are very pleased to have you.\n\n' +
					'We will send you the dates and papers before the first meeting. Tell us what you need to take part, ' +
					'and we will arrange it.\n\n' +
					SIGN_OFF
			};
		case 'not_selected':
			return {
				subject: 'About your application for {opportunity}',
				body:
					'Dear {name},\n\nThank you for applying for {opportunity}, and for the time you gave to it.\n\n' +
					'We had many strong applications, and this time we have not offered you a place.\n\n' +
					'Please do apply for other opportunities. We would love to hear from you again. ' +
					'If you would like to talk about your application, call us on 0161 000 0000 or reply to this email.\n\nThe co-production team'
			};
	}
}

/** The words in curly brackets a message may use for this decision. */
export function placeholdersFor(decision: Decision, { withTerm = false } = {}): string[] {
	const names = ['name', 'opportunity'];
	if (decision === 'interview') names.push('when', 'where');
	if (decision === 'offered' && withTerm) names.push('term');
	return names;
}

/** Placeholders in a text that cannot be filled in, such as a typo ("{nmae}") or {when} when not inviting. */
export function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
	const found = [...text.matchAll(/\{([^{}\n]{0,40})\}/g)].map((m) => m[1]!);
	return [...new Set(found.filter((p) => !allowed.includes(p)))].map((p) => `{${p}}`);
}

/** Replaces each {key} with its value, leaving other words in brackets as they are. */
export function fillPlaceholders(text: string, values: Partial<Record<string, string>>): string {
	return text.replace(/\{([a-z]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const longDay = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const clock = new Intl.DateTimeFormat('en-GB', {
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
	timeZone: 'Europe/London'
});

/** "2:30pm", "10am", "12 noon": the time of day in the UK, as people say it. */
export function formatTime(instant: string | Date): string {
	const parts = clock.formatToParts(new Date(instant));
	const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
	const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
	const half = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '');
	if (hour === '12' && minute === '00' && half === 'pm') return '12 noon';
	return `${hour}${minute === '00' ? '' : `:${minute}`}${half}`;
}

/** "Thursday 3 December 2026" (GOV.UK style: no comma after the day's name), in UK time. */
function dayInWords(date: Date): string {
	const part = (type: string) => longDay.formatToParts(date).find((p) => p.type === type)?.value ?? '';
	return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "Thursday 3 December 2026 at 2:30pm", in UK time. */
export function formatWhen(instant: string | Date): string {
	return `${dayInWords(new Date(instant))} at ${formatTime(instant)}`;
}

/** "Monday 4 January 2027": a calendar day (YYYY-MM-DD) in words. */
export function formatDay(day: string): string {
	return dayInWords(new Date(`${day}T12:00:00Z`));
}

/** "from 1 January 2027 to 31 December 2029" */
export function formatTerm(starts: string, ends: string): string {
	return `from ${formatDay(starts)} to ${formatDay(ends)}`;
}

/** When something happened, for timelines: "3 December 2026, 2:30pm". */
export function formatMoment(instant: string): string {
	const day = new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London'
	}).format(new Date(instant));
	return `${day}, ${formatTime(instant)}`;
}

/** Plain words for each error the decision function can give. */
export const DECISION_ERRORS: Record<string, string> = {
	not_allowed: 'Only the co-production team can decide applications. Sign in again with a staff account.',
	wrong_status:
		'The application has changed since you opened this page, so this decision no longer fits. Nothing was sent. Go back to the application to see where it is now.',
	message_missing: 'Enter a subject and a message for the member.',
	interview_missing: 'Enter the date, time and place of the interview.',
	not_found: 'We could not find that application. Nothing was sent.',
	opportunity_closed: 'This opportunity is closed. Nothing was sent.'
};
