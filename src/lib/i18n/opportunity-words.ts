// Words about opportunities in the member's language (member pages). Staff pages use the English
// names in $lib/opportunities.
import { m } from '$lib/paraglide/messages';
import {
	CLOSING_SOON_DAYS,
	TOPICS,
	daysBetween,
	type EasyReadPoint,
	type LocationType,
	type Opportunity,
	type OpportunityType
} from '$lib/opportunities';
import { dateWords } from './date-words';
import type { Locale } from './locale';

type Topic = (typeof TOPICS)[number];

const TYPE_WORDS: Record<OpportunityType, () => string> = {
	committee: m.type_committee,
	expert_reference_group: m.type_expert_reference_group,
	advisory_group: m.type_advisory_group,
	steering_group_role: m.type_steering_group_role,
	event: m.type_event,
	training: m.type_training,
	writing: m.type_writing,
	speaking: m.type_speaking,
	recruitment_panel: m.type_recruitment_panel
};
const LOCATION_WORDS: Record<LocationType, () => string> = {
	in_person: m.location_in_person,
	online: m.location_online,
	hybrid: m.location_hybrid
};

export const typeWords = (type: OpportunityType): string => TYPE_WORDS[type]();
export const locationWords = (type: LocationType): string => LOCATION_WORDS[type]();

/** Every kind of opportunity, named in the member's language (for the filter). */
export function typeOptions(): Record<OpportunityType, string> {
	return Object.fromEntries(Object.entries(TYPE_WORDS).map(([key, words]) => [key, words()])) as Record<
		OpportunityType,
		string
	>;
}

// Dates are in ./date-words, which pages can use without the rest of these words.
export { dateWords, welshDate } from './date-words';

/** As closingText in $lib/opportunities, in the member's language. */
export function closingWords(o: Pick<Opportunity, 'status' | 'closes_at'>, now = Date.now()): string {
	if (o.status === 'closed' || o.status === 'archived') return m.closing_closed();
	if (!o.closes_at) return m.closing_none();
	const closes = Date.parse(o.closes_at);
	if (closes < now) return m.closing_closed();
	const days = daysBetween(now, closes);
	if (days === 0) return m.closing_today();
	if (days === 1) return m.closing_tomorrow();
	if (days <= CLOSING_SOON_DAYS) return m.closing_in_days({ days });
	return m.closing_on({ date: dateWords(o.closes_at) });
}

/** A piece of an opportunity's words, and lang="en" when it is English shown on a Welsh page. */
export interface Words<T = string> {
	value: T;
	lang: 'en' | undefined;
}

export interface LocalisedOpportunity {
	title: Words;
	summary: Words;
	description: Words;
	easyRead: Words<EasyReadPoint[]>;
	/** On a Welsh page: some of the words are only in English (the page says so). */
	englishOnly: boolean;
}

/**
 * An opportunity's words in the page's language: its Welsh version where it has one, else the
 * English, marked lang="en" so screen readers and read aloud say it as English.
 */
export function localised(
	o: Pick<Opportunity, 'title' | 'summary'> &
		Partial<
			Pick<
				Opportunity,
				'description' | 'easy_read' | 'title_cy' | 'summary_cy' | 'description_cy' | 'easy_read_cy'
			>
		>,
	locale: Locale
): LocalisedOpportunity {
	const welsh = locale === 'cy';
	const pick = <T>(cy: T | null | undefined, en: T, present: (v: T) => boolean): Words<T> =>
		welsh && cy != null && present(cy)
			? { value: cy, lang: undefined }
			: { value: en, lang: welsh ? 'en' : undefined };
	const text = (v: string) => v.trim().length > 0;
	const title = pick(o.title_cy, o.title, text);
	const summary = pick(o.summary_cy, o.summary, text);
	// A list's card has no full text: only the title and summary.
	const description = o.description?.trim()
		? pick(o.description_cy, o.description, text)
		: { value: '', lang: undefined };
	const easyRead =
		(o.easy_read?.length ?? 0) > 0 || (o.easy_read_cy?.length ?? 0) > 0
			? pick(o.easy_read_cy, o.easy_read ?? [], (v) => v.length > 0)
			: { value: [], lang: undefined };
	const englishOnly = [title, summary, description, easyRead].some((w) => w.lang === 'en');
	return { title, summary, description, easyRead, englishOnly };
}

const TOPIC: Record<Topic, () => string> = {
	autism: m.topic_autism,
	carers: m.topic_carers,
	'children and young people': m.topic_children_and_young_people,
	dementia: m.topic_dementia,
	'easy read': m.topic_easy_read,
	housing: m.topic_housing,
	'learning disability': m.topic_learning_disability,
	'mental health': m.topic_mental_health,
	'older people': m.topic_older_people,
	'physical disability': m.topic_physical_disability,
	research: m.topic_research,
	'sensory impairment': m.topic_sensory_impairment,
	speaking: m.topic_speaking,
	training: m.topic_training
};

/** A topic's name in the page's language; an unknown topic as it is. */
export function topicWords(topic: string): string {
	const words = TOPIC[topic as Topic];
	return words ? words() : topic;
}

export function topicOptions(): Record<string, string> {
	return Object.fromEntries(TOPICS.map((t) => [t, topicWords(t)]));
}

/** An opportunity's title in the page's language (lang="en" when only in English on a Welsh page). */
export function titleWords(
	o: Pick<Opportunity, 'title'> & Partial<Pick<Opportunity, 'title_cy'>>,
	locale: Locale
): Words {
	if (locale === 'cy' && o.title_cy?.trim()) return { value: o.title_cy, lang: undefined };
	return { value: o.title, lang: locale === 'cy' ? 'en' : undefined };
}
