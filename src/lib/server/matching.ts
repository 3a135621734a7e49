// Matching members to opportunities. A member reads and saves only what they share for matching;
// staff see suggestions only through staff_suggested_members(), which returns names and those shared
// words (never access needs). Invitations are written by functions; the member answers them.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ListedOpportunity } from '$lib/opportunities';
import { whyFits, type LooksFor, type MatchingProfile, type Reasons } from '$lib/matching';
import { fail } from './db/fail';
import { OPEN_LIST_COLUMNS } from './opportunities';
import { m } from '$lib/paraglide/messages';
import { sendMail } from './mail';
import { emailLanguage, inLanguage, letter } from './mail/language';
import { config } from './config';

export async function myMatchingProfile(db: SupabaseClient, memberId: string): Promise<MatchingProfile> {
	const { data, error } = await db
		.from('matching_profiles')
		.select('experience, skills, develop')
		.eq('member_id', memberId)
		.maybeSingle();
	if (error) fail('What you share for matching', error);
	return (data as MatchingProfile | null) ?? { experience: [], skills: [], develop: [] };
}

export async function saveMatchingProfile(db: SupabaseClient, p: MatchingProfile): Promise<void> {
	const { error } = await db.rpc('save_matching_profile', {
		experience: p.experience,
		skills: p.skills,
		develop: p.develop
	});
	if (error) fail('Saving what you share for matching', error);
}

export interface Fit {
	opportunity: ListedOpportunity;
	reasons: Reasons;
}

/**
 * Open opportunities that look for something the member shares, best first, from every open one
 * (public.opportunities_that_fit, which scores as whyFits explains). A page that has read the
 * member's profile already passes it, so it is not read twice.
 */
export async function opportunitiesThatFit(
	db: SupabaseClient,
	memberId: string,
	limit = 3,
	known: { mine?: MatchingProfile } = {}
): Promise<Fit[]> {
	const mine = known.mine ?? (await myMatchingProfile(db, memberId));
	if (mine.experience.length + mine.skills.length + mine.develop.length === 0) return [];
	const { data, error } = await db
		.rpc('opportunities_that_fit', { how_many: limit })
		.select(`${OPEN_LIST_COLUMNS}, looks_for_experience, looks_for_skills`);
	if (error) fail('Opportunities that fit you', error);
	return (data as unknown as (ListedOpportunity & LooksFor)[]).map(
		({ looks_for_experience, looks_for_skills, ...opportunity }) => ({
			opportunity,
			reasons: whyFits(mine, { looks_for_experience, looks_for_skills })
		})
	);
}

export interface Suggestion extends Reasons {
	member_id: string;
	name: string;
	invitation_status: 'invited' | 'accepted' | 'declined' | null;
	applied: boolean;
}

export async function suggestedMembers(db: SupabaseClient, opportunityId: number): Promise<Suggestion[]> {
	const { data, error } = await db.rpc('staff_suggested_members', { opportunity: opportunityId });
	if (error) fail('Suggested members', error);
	return data as Suggestion[];
}

export interface Invitation extends Reasons {
	id: number;
	opportunity_id: number;
	member_id: string;
	status: 'invited' | 'accepted' | 'declined';
	created_at: string;
	answered_at: string | null;
	opportunity: { id: number; title: string; type: string; status: string; closes_at: string | null };
}

const INVITATION_COLUMNS =
	'id, opportunity_id, member_id, status, created_at, answered_at, experience, skills, develop, opportunity:opportunities (id, title, type, status, closes_at)';

/** The member's invitations still waiting for an answer, newest first. */
export async function myWaitingInvitations(db: SupabaseClient, memberId: string): Promise<Invitation[]> {
	const { data, error } = await db
		.from('match_invitations')
		.select(INVITATION_COLUMNS)
		.eq('member_id', memberId)
		.eq('status', 'invited')
		.order('created_at', { ascending: false })
		.limit(10);
	if (error) fail('Invitations', error);
	return data as unknown as Invitation[];
}

export async function getInvitation(db: SupabaseClient, id: number): Promise<Invitation | null> {
	const { data, error } = await db
		.from('match_invitations')
		.select(INVITATION_COLUMNS)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Invitation', error);
	return data as unknown as Invitation | null;
}

export async function answerInvitation(db: SupabaseClient, id: number, accept: boolean): Promise<boolean> {
	const { error } = await db.rpc('answer_match_invitation', { invitation: id, accept });
	if (error?.message.includes('not_found')) return false;
	if (error) fail('Answering the invitation', error);
	return true;
}

export type InviteOutcome = 'sent' | 'already' | 'not_open' | 'not_found';

/** Staff invite a suggested member; the member is emailed once, in plain words. */
export async function inviteToOpportunity(
	db: SupabaseClient,
	opportunity: { id: number; title: string },
	memberId: string
): Promise<InviteOutcome> {
	const { data, error } = await db.rpc('staff_invite_to_opportunity', {
		opportunity: opportunity.id,
		member: memberId
	});
	if (error?.message.includes('not_open')) return 'not_open';
	if (error?.message.includes('not_found')) return 'not_found';
	if (error) fail('Inviting', error);
	const result = data as { id: number; new: boolean };
	if (!result.new) return 'already';
	const { data: person } = await db
		.from('profiles')
		.select('email, full_name, preferred_name, display_settings')
		.eq('id', memberId)
		.maybeSingle();
	if (person) {
		const p = person as {
			email: string;
			full_name: string;
			preferred_name: string | null;
			display_settings: unknown;
		};
		const locale = emailLanguage(p.display_settings);
		await sendMail(
			inLanguage(locale, () =>
				letter(locale, {
					to: p.email,
					subject: m.mail_match_subject({ title: opportunity.title }),
					text:
						[
							m.mail_hello({ name: p.preferred_name ?? p.full_name }),
							m.mail_match_invite({ title: opportunity.title }),
							m.mail_match_choose(),
							m.mail_match_see({ link: `${config.origin}/my/invitations/${result.id}` }),
							m.mail_call_questions()
						].join('\n\n') + '\n'
				})
			)
		);
	}
	return 'sent';
}

/** Invitations staff sent for an opportunity, with the member's answer. */
export async function invitationsFor(
	db: SupabaseClient,
	opportunityId: number
): Promise<{ id: number; status: string; created_at: string; member: { full_name: string } }[]> {
	const { data, error } = await db
		.from('match_invitations')
		.select('id, status, created_at, member:profiles!match_invitations_member_id_fkey (full_name)')
		.eq('opportunity_id', opportunityId)
		.order('created_at');
	if (error) fail('Invitations', error);
	return data as unknown as {
		id: number;
		status: string;
		created_at: string;
		member: { full_name: string };
	}[];
}

/** For the member's home page: invitations waiting, and open opportunities that fit them. */
export async function forHomePage(db: SupabaseClient, memberId: string) {
	const [invitations, mine] = await Promise.all([
		myWaitingInvitations(db, memberId),
		myMatchingProfile(db, memberId)
	]);
	const shared = mine.experience.length + mine.skills.length + mine.develop.length > 0;
	return {
		invitations,
		shared,
		fits: shared ? await opportunitiesThatFit(db, memberId, 3, { mine }) : []
	};
}
