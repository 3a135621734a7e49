// Words for applications, shared by members' and staff pages. Plain words, as members say them.
// Safe for the browser: no database code here.
import type { Opportunity } from './opportunities';

export const APPLICATION_STATUSES = {
	draft: 'Draft',
	submitted: 'Sent',
	shortlisted: 'Shortlisted',
	interview: 'Invited to interview',
	offered: 'Offered a place',
	accepted: 'Accepted',
	not_selected: 'Not this time',
	withdrawn: 'Withdrawn'
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

/** The colour family of each status tag. The words always say the status; colour only adds to them. */
export const STATUS_TONES: Record<ApplicationStatus, 'yellow' | 'blue' | 'green' | 'grey'> = {
	draft: 'yellow',
	submitted: 'blue',
	shortlisted: 'blue',
	interview: 'blue',
	offered: 'green',
	accepted: 'green',
	not_selected: 'grey',
	withdrawn: 'grey'
};

/** Sent applications a member may still withdraw: not yet accepted, turned down or withdrawn. */
export const WITHDRAWABLE: readonly ApplicationStatus[] = [
	'submitted',
	'shortlisted',
	'interview',
	'offered'
];

export function canWithdraw(status: ApplicationStatus): boolean {
	return WITHDRAWABLE.includes(status);
}

/** Short names of the kinds of question, for lists. */
export const QUESTION_KINDS = {
	text: 'Written answer',
	choice: 'Choose from a list',
	yes_no: 'Yes or no'
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;

export const ANSWER_MODES = {
	written: 'Written',
	audio: 'Recorded',
	phone_call: 'By phone'
} as const;
export type AnswerMode = keyof typeof ANSWER_MODES;

export const YES_NO = { yes: 'Yes', no: 'No' } as const;

export interface Question {
	id: number;
	opportunity_id: number;
	position: number;
	kind: QuestionKind;
	prompt: string;
	hint: string | null;
	options: string[];
	required: boolean;
}

export interface Answer {
	question_id: number;
	mode: AnswerMode;
	answer: string | null;
	upload_id: string | null;
	updated_at: string;
}

export interface Application {
	id: number;
	opportunity_id: number;
	member_id: string;
	status: ApplicationStatus;
	submitted_at: string | null;
	interview_at: string | null;
	interview_place: string | null;
	term_starts_on: string | null;
	term_ends_on: string | null;
	created_at: string;
	updated_at: string;
}

/** An application in a list, with the opportunity's title and dates. */
export interface ApplicationListItem extends Application {
	/** Null when the opportunity is no longer shown to members. */
	opportunity: Pick<Opportunity, 'id' | 'title' | 'title_cy' | 'status' | 'closes_at' | 'type'> | null;
}

export interface ApplicationEvent {
	id: number;
	application_id: number;
	status: ApplicationStatus;
	at: string;
	actor_id: string | null;
	message_subject: string | null;
	message_body: string | null;
}

/** An answer as words, for summaries: the chosen option, Yes or No, or how it was given. */
export function answerText(question: Pick<Question, 'kind'>, answer: Answer | undefined): string {
	if (!answer) return '';
	if (answer.mode === 'phone_call') return 'You asked us to phone you about this question.';
	if (answer.mode === 'audio') return 'Recorded answer';
	if (question.kind === 'yes_no') return answer.answer === 'yes' ? 'Yes' : answer.answer === 'no' ? 'No' : '';
	return answer.answer ?? '';
}

/**
 * What happened at each step, as the member reads it in their timeline. A withdrawal straight after
 * an offer is the member turning the place down.
 */
export function eventText(status: ApplicationStatus, previous: ApplicationStatus | null = null): string {
	switch (status) {
		case 'draft':
			return 'You started your application';
		case 'submitted':
			return 'You sent your application';
		case 'shortlisted':
			return 'You were shortlisted';
		case 'interview':
			return 'You were invited to an interview';
		case 'offered':
			return 'You were offered a place';
		case 'accepted':
			return 'You accepted the place';
		case 'not_selected':
			return 'You were not offered a place this time';
		case 'withdrawn':
			return previous === 'offered' ? 'You said no to the place' : 'You withdrew your application';
	}
}

/** The database's error keys for applications, in plain words for the person who met them. */
export const APPLICATION_ERRORS = {
	opportunity_closed: 'This opportunity has closed, so it is not taking applications now.',
	books_places: 'This event takes bookings, not applications. Book a place on its page.',
	not_found: 'We could not find that application. The link may be wrong, or it may not be yours.',
	answers_missing: 'Some questions still need an answer before you can send your application.',
	not_allowed: 'You cannot do that. If you think you should be able to, call the co-production team.',
	wrong_status: 'This application has moved on to another stage, so that cannot be done now.',
	message_missing: 'Write the subject and the message the member will get.',
	interview_missing: 'Give the date, time and place of the interview.'
} as const;
export type ApplicationErrorKey = keyof typeof APPLICATION_ERRORS;

export function isApplicationErrorKey(key: string): key is ApplicationErrorKey {
	return Object.hasOwn(APPLICATION_ERRORS, key);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
	timeZone: 'Europe/London'
});

/** "11:00am", "2:30pm": the time of day in the UK, as GOV.UK writes it. */
export function formatTime(instant: string): string {
	return timeFormat
		.formatToParts(new Date(instant))
		.map((p) => (p.type === 'dayPeriod' ? p.value.toLowerCase().replace(/\s|\./g, '') : p.value))
		.join('')
		.replace(/\s+(?=[ap]m$)/, '')
		.replace(':00', '');
}
