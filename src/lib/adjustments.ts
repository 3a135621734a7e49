// Access needs and adjustments: the categories and options in plain words, the statuses and the
// error keys. The keys mirror the database's enums (access_category, access_option,
// adjustment_status, adjustment_event_kind in supabase/migrations/20261126110000_adjustments.sql),
// in the same order; a unit test keeps the two in step.
import { formatPence } from './payments';

export const CATEGORIES = [
	'travel',
	'overnight',
	'assistant',
	'dog',
	'papers',
	'communication',
	'meeting',
	'online',
	'other'
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryInfo {
	/** The heading, as a member would say it. */
	label: string;
	/** One short sentence under the heading. */
	hint: string;
	/** The question over the options (a fieldset's legend). */
	question: string;
	/** The options that belong to this category, with their labels. */
	options: readonly { key: AccessOption; label: string }[];
}

export const OPTIONS = {
	taxi: 'A taxi',
	parking: 'A parking space close to the door',
	accessible_transport: 'Accessible transport (for example a wheelchair accessible vehicle)',
	travel_companion: 'Someone to travel with me',
	stay_night_before: 'A place to stay the night before',
	accessible_room: 'An accessible hotel room',
	room_for_assistant: 'A room for my personal assistant or carer',
	personal_assistant: 'My personal assistant comes with me',
	carer: 'My carer comes with me',
	assistant_costs: 'Their costs are paid (travel, time, meals)',
	assistance_dog: 'My assistance dog comes with me',
	support_dog: 'My support dog comes with me',
	easy_read: 'Easy read',
	large_print: 'Large print',
	braille: 'Braille',
	audio: 'Audio',
	electronic: 'Electronic (for example Word, for a screen reader)',
	printed: 'Printed and posted to me',
	bsl_interpreter: 'A British Sign Language (BSL) interpreter',
	lipspeaker: 'A lipspeaker',
	speech_to_text: 'A speech-to-text reporter',
	captions: 'Captions',
	hearing_loop: 'A hearing loop',
	breaks: 'More breaks, or longer breaks',
	quiet_room: 'A quiet room',
	step_free: 'Step-free access',
	accessible_toilet: 'An accessible toilet',
	food_and_drink: 'Food and drink that suits my needs',
	seating: 'A particular kind of seat, or place to sit',
	phone_instead_of_video: 'Join by phone instead of video',
	camera_off: 'Keep my camera off',
	online_captions: 'Captions on the video call'
} as const;
export type AccessOption = keyof typeof OPTIONS;

function options(...keys: AccessOption[]) {
	return keys.map((key) => ({ key, label: OPTIONS[key] }));
}

export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
	travel: {
		question: 'What would help you travel to meetings?',
		label: 'Travel',
		hint: 'Getting to and from meetings.',
		options: options('taxi', 'parking', 'accessible_transport', 'travel_companion')
	},
	overnight: {
		question: 'What would help if you need to stay overnight?',
		label: 'Staying overnight',
		hint: 'If a meeting is far away or starts early.',
		options: options('stay_night_before', 'accessible_room', 'room_for_assistant')
	},
	assistant: {
		question: 'Does someone come with you to support you?',
		label: 'Personal assistant or carer',
		hint: 'Someone who comes with you to support you.',
		options: options('personal_assistant', 'carer', 'assistant_costs')
	},
	dog: {
		question: 'Does a dog come with you?',
		label: 'Assistance or support dog',
		hint: 'We make sure the venue is ready for your dog.',
		options: options('assistance_dog', 'support_dog')
	},
	papers: {
		question: 'How would you like your papers?',
		label: 'Papers',
		hint: 'How you would like meeting papers, and how early.',
		options: options('easy_read', 'large_print', 'braille', 'audio', 'electronic', 'printed')
	},
	communication: {
		question: 'What would help you communicate?',
		label: 'Communication',
		hint: 'Support to follow and take part in what is said.',
		options: options('bsl_interpreter', 'lipspeaker', 'speech_to_text', 'captions', 'hearing_loop')
	},
	meeting: {
		question: 'What would help you in the meeting?',
		label: 'The meeting itself',
		hint: 'The room, breaks, food and seating.',
		options: options('breaks', 'quiet_room', 'step_free', 'accessible_toilet', 'food_and_drink', 'seating')
	},
	online: {
		question: 'What would help you in online meetings?',
		label: 'Online meetings',
		hint: 'Meetings on a video call.',
		options: options('phone_instead_of_video', 'camera_off', 'online_captions')
	},
	other: {
		question: '',
		label: 'Anything else',
		hint: 'Anything we have not asked about.',
		options: []
	}
};

export function categoryOf(option: AccessOption): Category {
	for (const c of CATEGORIES) if (CATEGORY_INFO[c].options.some((o) => o.key === option)) return c;
	throw new Error(`Unknown option ${option}`);
}

/** One category of a member's access needs, or of a request. Numbers go with papers and meeting only. */
export interface NeedItem {
	category: Category;
	options: AccessOption[];
	note: string | null;
	large_print_size: number | null;
	papers_days_before: number | null;
	break_every_minutes: number | null;
	break_minutes: number | null;
}

/** The numbers a category can carry, with their labels and limits (as the database checks them). */
export const NUMBERS = {
	large_print_size: { category: 'papers', label: 'Large print size (in points)', min: 12, max: 72 },
	papers_days_before: {
		category: 'papers',
		label: 'How many days before a meeting you need the papers',
		min: 1,
		max: 60
	},
	break_every_minutes: {
		category: 'meeting',
		label: 'How often you need a break (in minutes)',
		min: 15,
		max: 240
	},
	break_minutes: { category: 'meeting', label: 'How long each break should be (in minutes)', min: 5, max: 60 }
} as const satisfies Record<string, { category: Category; label: string; min: number; max: number }>;
export type NumberField = keyof typeof NUMBERS;
export const NUMBER_FIELDS = Object.keys(NUMBERS) as NumberField[];

/** How many days before a meeting papers are due when the member did not say. */
export const DEFAULT_PAPERS_DAYS = 14;

/** An item in plain words, for lists and check-your-answers: "Easy read, Large print (size 18)". */
export function describeItem(item: NeedItem): string[] {
	const lines: string[] = [];
	if (item.options.length) lines.push(item.options.map((o) => OPTIONS[o]).join(', '));
	if (item.large_print_size) lines.push(`Large print size ${item.large_print_size}`);
	if (item.papers_days_before) lines.push(`Papers ${item.papers_days_before} days before the meeting`);
	if (item.break_every_minutes || item.break_minutes) {
		const every = item.break_every_minutes ? `every ${minutes(item.break_every_minutes)}` : '';
		const long = item.break_minutes ? `for ${minutes(item.break_minutes)}` : '';
		lines.push(['A break', every, long].filter(Boolean).join(' '));
	}
	if (item.note) lines.push(item.note);
	return lines;
}

export function minutes(n: number): string {
	if (n === 60) return 'hour';
	if (n % 60 === 0) return `${n / 60} hours`;
	return `${n} minutes`;
}

// Requests -----------------------------------------------------------------------------------------

export const STATUSES = [
	'requested',
	'agreed',
	'partly_agreed',
	'not_possible',
	'arranged',
	'cancelled'
] as const;
export type AdjustmentStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<AdjustmentStatus, string> = {
	requested: 'Asked for',
	agreed: 'Agreed',
	partly_agreed: 'Partly agreed',
	not_possible: 'Not possible',
	arranged: 'Arranged',
	cancelled: 'No longer asked for'
};

/** StatusTag tones by status. */
export const STATUS_TONES: Record<AdjustmentStatus, 'grey' | 'blue' | 'green' | 'yellow' | 'red'> = {
	requested: 'blue',
	agreed: 'green',
	partly_agreed: 'yellow',
	not_possible: 'red',
	arranged: 'green',
	cancelled: 'grey'
};

export const EVENT_KINDS = [
	'requested',
	'changed',
	'changed_after_agreement',
	'cancelled',
	'agreed',
	'partly_agreed',
	'not_possible',
	'arranged',
	'papers_ready',
	'cost_recorded'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_LABELS: Record<EventKind, string> = {
	requested: 'You asked for this',
	changed: 'You changed this',
	changed_after_agreement: 'You changed this after it was agreed',
	cancelled: 'You took this out of your request',
	agreed: 'Agreed',
	partly_agreed: 'Partly agreed',
	not_possible: 'Not possible',
	arranged: 'Arranged',
	papers_ready: 'Papers ready',
	cost_recorded: 'Cost recorded'
};

export interface AdjustmentItem extends NeedItem {
	id: number;
	request_id: number;
	status: AdjustmentStatus;
	decision_note: string | null;
	decision_reason: string | null;
	decision_alternative: string | null;
	decided_at: string | null;
	arranged_what: string | null;
	arranged_when: string | null;
	arranged_at: string | null;
	estimated_pence: number | null;
	actual_pence: number | null;
	updated_at: string;
}

export interface AdjustmentRequest {
	id: number;
	member_id: string;
	opportunity_id: number;
	meeting_id: number | null;
	share_with_organisers: boolean;
	changed_after_agreement_at: string | null;
	submitted_at: string;
	updated_at: string;
}

export interface AdjustmentEvent {
	id: number;
	request_id: number;
	item_id: number | null;
	category: Category | null;
	meeting_id: number | null;
	kind: EventKind;
	at: string;
	details: Record<string, string | number>;
}

/** A request's overall state in a word, from its items. */
export function overallStatus(items: Pick<AdjustmentItem, 'status'>[]): {
	label: string;
	tone: 'grey' | 'blue' | 'green' | 'yellow' | 'red';
} {
	const live = items.filter((i) => i.status !== 'cancelled');
	if (!live.length) return { label: 'Nothing asked for', tone: 'grey' };
	if (live.some((i) => i.status === 'requested')) return { label: 'Waiting for an answer', tone: 'blue' };
	if (live.every((i) => i.status === 'arranged' || i.status === 'not_possible')) {
		return live.some((i) => i.status === 'arranged')
			? { label: 'Arranged', tone: 'green' }
			: { label: 'Not possible', tone: 'red' };
	}
	return { label: 'Answered, being arranged', tone: 'yellow' };
}

/** Pence as pounds: 3850 → "£38.50"; a cost nobody has entered is "Not known". */
export function formatCost(pence: number | null): string {
	return pence === null ? 'Not known' : formatPence(pence);
}

// Errors -------------------------------------------------------------------------------------------

export const ADJUSTMENT_ERRORS = {
	not_allowed: 'You cannot do that. If you think you should be able to, ask the co-production team.',
	not_found: 'We could not find that. The link may be wrong, or it may not be yours.',
	not_taking_part: 'You can ask for adjustments only for something you are taking part in.',
	meeting_past: 'That meeting has already happened. Choose a meeting that is still to come.',
	nothing_asked: 'Choose at least one adjustment, or write what you need.',
	invalid_items: 'Some of your answers could not be saved. Check them and try again.',
	consent_needed: 'Tick the box to agree that we can keep your access needs.',
	not_shared: 'This member has chosen not to share their access needs with staff.',
	reason_needed: 'Say in plain words why it cannot be done in full.',
	alternative_needed: 'Say what you can offer instead.',
	wrong_status: 'That step does not fit this adjustment now. Reload the page to see where it is.',
	what_needed: 'Say what has been arranged.',
	no_papers: 'This request does not ask for papers.',
	invalid_cost: 'Costs are amounts in pounds and pence, from £0 to £100,000.'
} as const;
export type AdjustmentErrorKey = keyof typeof ADJUSTMENT_ERRORS;

export function isAdjustmentErrorKey(key: string): key is AdjustmentErrorKey {
	return Object.hasOwn(ADJUSTMENT_ERRORS, key);
}

/** The consent wording shown on the access needs page. Stored exactly as shown when agreed. */
export const CONSENT_WORDING =
	'I agree that Together keeps the access needs I write here, so that the co-production team can arrange adjustments for me. ' +
	'I know this is information about my health. I can change it or delete it at any time.';
