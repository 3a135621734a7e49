// What a member hears about: topics, kinds of opportunity, and how often we email them.
import * as v from 'valibot';
import { OPPORTUNITY_TYPES, TOPICS, type OpportunityType } from '$lib/opportunities';
import { m } from '$lib/paraglide/messages';
import { capitalise, list } from './form';

export const RHYTHMS = {
	as_they_come: 'As they come',
	weekly: 'Once a week',
	off: 'Do not email me about new opportunities'
} as const;
export type NotifyRhythm = keyof typeof RHYTHMS;

/** What each rhythm means, in a sentence that follows "We will …". */
export const RHYTHM_PROMISES: Record<NotifyRhythm, string> = {
	as_they_come: 'email you soon after each new opportunity that matches is published',
	weekly: 'email you at most once a week, listing the new opportunities that match',
	off: 'not email you about new opportunities'
};

/** Topics as checkbox labels: the known list, then any older ones the member already has. */
export function topicOptions(current: readonly string[] = []): Record<string, string> {
	const all = [...TOPICS, ...current.filter((t) => !(TOPICS as readonly string[]).includes(t))];
	return Object.fromEntries(all.map((t) => [t, capitalise(t)]));
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** `allowedTopics`: the known topics plus any the member already has, so nothing of theirs is lost. */
export const interestsSchema = (allowedTopics: readonly string[] = TOPICS) =>
	v.object({
		topics: v.pipe(
			v.optional(v.unknown(), []),
			v.transform(list),
			v.array(v.picklist([...allowedTopics], () => m.hear_err_topics())),
			v.transform(unique)
		),
		types: v.pipe(
			v.optional(v.unknown(), []),
			v.transform(list),
			v.array(v.picklist(Object.keys(OPPORTUNITY_TYPES) as OpportunityType[], () => m.hear_err_types())),
			v.transform(unique)
		),
		// A missing answer is an empty one, so it gets the same plain words.
		rhythm: v.pipe(
			v.optional(v.string(), ''),
			v.picklist(Object.keys(RHYTHMS) as NotifyRhythm[], () => m.hear_err_rhythm())
		)
	});

export type InterestsInput = v.InferOutput<ReturnType<typeof interestsSchema>>;
