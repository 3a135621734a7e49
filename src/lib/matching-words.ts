// Member-facing labels for the matching words, from the message catalogue (English or Welsh).
import { m } from '$lib/paraglide/messages';
import type { MatchExperience, MatchSkill } from './matching';

const EXPERIENCE: Record<MatchExperience, () => string> = {
	disabled_person: m.match_exp_disabled_person,
	carer: m.match_exp_carer,
	mental_health: m.match_exp_mental_health,
	learning_disability: m.match_exp_learning_disability,
	autism: m.match_exp_autism,
	sensory_impairment: m.match_exp_sensory_impairment,
	long_term_condition: m.match_exp_long_term_condition,
	older_person: m.match_exp_older_person,
	young_person: m.match_exp_young_person,
	homelessness: m.match_exp_homelessness
};

const SKILLS: Record<MatchSkill, () => string> = {
	chairing: m.match_skill_chairing,
	reviewing_documents: m.match_skill_reviewing_documents,
	interviewing: m.match_skill_interviewing,
	speaking: m.match_skill_speaking,
	writing: m.match_skill_writing,
	training: m.match_skill_training,
	research: m.match_skill_research,
	social_media: m.match_skill_social_media,
	peer_support: m.match_skill_peer_support
};

/** Options for Choices: key → label in the member's language (the keys of MATCH_EXPERIENCE and
 * MATCH_SKILLS in $lib/matching, in the same order; their English labels stay out of member pages). */
export const experienceOptions = (): Record<string, string> =>
	Object.fromEntries(Object.entries(EXPERIENCE).map(([k, words]) => [k, words()]));
export const skillOptions = (): Record<string, string> =>
	Object.fromEntries(Object.entries(SKILLS).map(([k, words]) => [k, words()]));

export const experienceWords = (keys: string[]): string =>
	keys.map((k) => EXPERIENCE[k as MatchExperience]?.() ?? k).join(', ');
export const skillWords = (keys: string[]): string =>
	keys.map((k) => SKILLS[k as MatchSkill]?.() ?? k).join(', ');
