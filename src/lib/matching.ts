// Words for matching members to opportunities, shared by member and staff pages. Stored as keys; staff
// pages show the English labels here, member pages the message catalogue's (match_exp_…, match_skill_…).

/** Lived experience areas a member may share for matching (the same areas as on the profile). */
export const MATCH_EXPERIENCE = {
	disabled_person: 'Being a disabled person',
	carer: 'Being a carer',
	mental_health: 'Mental health',
	learning_disability: 'Learning disability',
	autism: 'Autism',
	sensory_impairment: 'Sight or hearing loss',
	long_term_condition: 'A long-term condition',
	older_person: 'Being an older person',
	young_person: 'Being a young person',
	homelessness: 'Homelessness'
} as const;

/** Skills a member has, or wants to develop, and an opportunity may look for. */
export const MATCH_SKILLS = {
	chairing: 'Chairing meetings',
	reviewing_documents: 'Reviewing documents',
	interviewing: 'Interviewing people',
	speaking: 'Speaking at events',
	writing: 'Writing',
	training: 'Training others',
	research: 'Research',
	social_media: 'Social media',
	peer_support: 'Supporting other members'
} as const;

export type MatchExperience = keyof typeof MATCH_EXPERIENCE;
export type MatchSkill = keyof typeof MATCH_SKILLS;

export interface MatchingProfile {
	experience: string[];
	skills: string[];
	develop: string[];
}

export interface LooksFor {
	looks_for_experience: string[];
	looks_for_skills: string[];
}

export interface Reasons {
	experience: string[];
	skills: string[];
	develop: string[];
}

/** Only known keys, once each, in the list's order. */
export function known<T extends Record<string, string>>(options: T, input: unknown): (keyof T & string)[] {
	const given = new Set((Array.isArray(input) ? input : input ? [input] : []).map(String));
	return (Object.keys(options) as (keyof T & string)[]).filter((k) => given.has(k));
}

/** Why an opportunity fits a member: the shared words in common. */
export function whyFits(member: MatchingProfile, o: LooksFor): Reasons {
	const both = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
	return {
		experience: both(member.experience, o.looks_for_experience ?? []),
		skills: both(member.skills, o.looks_for_skills ?? []),
		develop: both(member.develop, o.looks_for_skills ?? [])
	};
}

/** A staff-facing sentence: "Shares: carer. Skills: chairing meetings. Wants to develop: interviewing people." */
export function reasonsInWords(r: Reasons): string {
	const parts: string[] = [];
	const exp = r.experience.map((k) => MATCH_EXPERIENCE[k as MatchExperience] ?? k);
	const skills = r.skills.map((k) => MATCH_SKILLS[k as MatchSkill] ?? k);
	const develop = r.develop.map((k) => MATCH_SKILLS[k as MatchSkill] ?? k);
	if (exp.length) parts.push(`Lived experience: ${exp.join(', ').toLowerCase()}.`);
	if (skills.length) parts.push(`Good at: ${skills.join(', ').toLowerCase()}.`);
	if (develop.length) parts.push(`Wants to develop: ${develop.join(', ').toLowerCase()}.`);
	return parts.join(' ');
}

export const IDEA_STATUSES = {
	sent: 'Sent',
	shortlisted: 'Shortlisted',
	chosen: 'Chosen',
	not_chosen: 'Not chosen'
} as const;
export type IdeaStatus = keyof typeof IDEA_STATUSES;
