// Words for opportunities, shared by pages and forms. Plain words, as members say them.
import type { PictogramKey } from './pictograms';

export const OPPORTUNITY_TYPES = {
	committee: 'Committee',
	expert_reference_group: 'Expert reference group',
	advisory_group: 'Advisory group',
	steering_group_role: 'Steering group role',
	event: 'Event',
	training: 'Training',
	writing: 'Writing',
	speaking: 'Speaking',
	recruitment_panel: 'Recruitment panel'
} as const;
export type OpportunityType = keyof typeof OPPORTUNITY_TYPES;

export const LOCATION_TYPES = {
	in_person: 'In person',
	online: 'Online',
	hybrid: 'In person or online'
} as const;
export type LocationType = keyof typeof LOCATION_TYPES;

export const OPPORTUNITY_STATUSES = {
	draft: 'Draft',
	published: 'Open',
	closed: 'Closed',
	archived: 'Archived'
} as const;
export type OpportunityStatus = keyof typeof OPPORTUNITY_STATUSES;

export const TOPICS = [
	'autism',
	'carers',
	'children and young people',
	'dementia',
	'easy read',
	'housing',
	'learning disability',
	'mental health',
	'older people',
	'physical disability',
	'research',
	'sensory impairment',
	'speaking',
	'training'
] as const;

export interface EasyReadPoint {
	text: string;
	pictogram: PictogramKey | null;
}

/** What a list of opportunities shows of each (a card): no full text. */
export type ListedOpportunity = Pick<
	Opportunity,
	| 'id'
	| 'type'
	| 'title'
	| 'summary'
	| 'title_cy'
	| 'summary_cy'
	| 'location_type'
	| 'closes_at'
	| 'status'
	| 'published_at'
>;

export interface Opportunity {
	id: number;
	type: OpportunityType;
	title: string;
	summary: string;
	description: string;
	easy_read: EasyReadPoint[];
	/** Welsh versions: null or empty when there is none (see localised in $lib/i18n/opportunity-words). */
	title_cy?: string | null;
	summary_cy?: string | null;
	description_cy?: string;
	easy_read_cy?: EasyReadPoint[];
	/** What it looks for, for matching members (keys of MATCH_EXPERIENCE and MATCH_SKILLS). */
	looks_for_experience?: string[];
	looks_for_skills?: string[];
	location_type: LocationType;
	location: string | null;
	starts_on: string | null;
	ends_on: string | null;
	schedule: string | null;
	time_commitment: string | null;
	payment: string | null;
	closes_at: string | null;
	places: number | null;
	status: OpportunityStatus;
	topics: string[];
	created_at: string;
	updated_at: string;
	published_at: string | null;
}

/** How many opportunities a page of the opportunities list shows. */
export const LIST_PAGE_SIZE = 50;

/** Days within which an open opportunity counts as closing soon. */
export const CLOSING_SOON_DAYS = 14;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

/** Formatted dates, kept: a list of 200 opportunities has few distinct dates, and Intl is slow. */
const formatted = new Map<string, string>();

export function formatDate(value: string | null, long = false): string {
	if (!value) return '';
	const key = long ? `L${value}` : value;
	let text = formatted.get(key);
	if (text === undefined) {
		const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
		text = (long ? dateFormat : shortDate).format(date);
		if (formatted.size >= 2000) formatted.clear();
		formatted.set(key, text);
	}
	return text;
}

export function isClosingSoon(o: Pick<Opportunity, 'status' | 'closes_at'>, now = Date.now()): boolean {
	if (o.status !== 'published' || !o.closes_at) return false;
	const closes = Date.parse(o.closes_at);
	return closes >= now && daysBetween(now, closes) <= CLOSING_SOON_DAYS;
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	timeZone: 'Europe/London'
});

const HOUR = 3_600_000;
/** The UK day of each UTC hour, as the time of that day's midnight in UTC. */
const dayStarts = new Map<number, number>();

/**
 * The UK calendar day of an instant (as its midnight in UTC, for counting days). The UK's offset
 * from UTC is whole hours and changes on the hour, so the day is the same throughout each UTC hour:
 * one Intl call per hour rather than per date (a list page asks for hundreds).
 */
function ukDayStart(instant: number): number {
	const hour = Math.floor(instant / HOUR);
	let start = dayStarts.get(hour);
	if (start === undefined) {
		start = Date.parse(`${londonDay.format(hour * HOUR)}T00:00:00Z`);
		if (dayStarts.size >= 5000) dayStarts.clear();
		dayStarts.set(hour, start);
	}
	return start;
}

/** Whole calendar days in the UK from `from` to `to`. */
export function daysBetween(from: number, to: number): number {
	return Math.round((ukDayStart(to) - ukDayStart(from)) / 86_400_000);
}

/** "Closes in 3 days", "Closes today", or the date. */
export function closingText(o: Pick<Opportunity, 'status' | 'closes_at'>, now = Date.now()): string {
	if (o.status === 'closed' || o.status === 'archived') return 'Closed';
	if (!o.closes_at) return 'No closing date';
	const closes = Date.parse(o.closes_at);
	if (closes < now) return 'Closed';
	const days = daysBetween(now, closes);
	if (days === 0) return 'Closes today';
	if (days === 1) return 'Closes tomorrow';
	if (days <= CLOSING_SOON_DAYS) return `Closes in ${days} days`;
	return `Closes on ${formatDate(o.closes_at)}`;
}
