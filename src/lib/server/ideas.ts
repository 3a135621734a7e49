// Members' ideas. Staff open calls for ideas; members send an idea (written, a recording, or "please
// call me") and read their own; everyone signed in reads the ideas staff publish, without who sent
// them, through published_ideas(). Staff shortlist, choose, link chosen ideas to projects and tell
// each member what happened to their idea.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { IdeaStatus } from '$lib/matching';
import { fail } from './db/fail';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { sendMail, type Message } from './mail';
import { emailLanguages, inLanguage, letter } from './mail/language';
import { config } from './config';

export interface IdeaCall {
	id: number;
	question: string;
	details: string | null;
	closes_on: string;
	created_at: string;
}

export type IdeaMode = 'written' | 'audio' | 'phone_call';

export interface Idea {
	id: number;
	call_id: number;
	member_id: string;
	title: string;
	mode: IdeaMode;
	body: string | null;
	upload_id: string | null;
	status: IdeaStatus;
	published_at: string | null;
	outcome: string | null;
	outcome_sent_at: string | null;
	project_id: number | null;
	created_at: string;
}

export interface PublishedIdea {
	id: number;
	title: string;
	mode: IdeaMode;
	body: string | null;
	status: IdeaStatus;
}

/** Today in the UK, as YYYY-MM-DD. */
export const ukToday = (): string =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export const isOpenCall = (c: Pick<IdeaCall, 'closes_on'>): boolean => c.closes_on >= ukToday();

export async function listCalls(db: SupabaseClient): Promise<IdeaCall[]> {
	const { data, error } = await db
		.from('idea_calls')
		.select('id, question, details, closes_on, created_at')
		.order('closes_on', { ascending: false })
		.limit(50);
	if (error) fail('Calls for ideas', error);
	return data as IdeaCall[];
}

export async function getCall(db: SupabaseClient, id: number): Promise<IdeaCall | null> {
	const { data, error } = await db
		.from('idea_calls')
		.select('id, question, details, closes_on, created_at')
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Call for ideas', error);
	return data as IdeaCall | null;
}

export async function openCall(
	db: SupabaseClient,
	call: { question: string; details: string | null; closes_on: string },
	staffId: string
): Promise<number> {
	const { data, error } = await db
		.from('idea_calls')
		.insert({ ...call, created_by: staffId })
		.select('id')
		.single();
	if (error) fail('Opening the call for ideas', error);
	return (data as { id: number }).id;
}

const IDEA_COLUMNS =
	'id, call_id, member_id, title, mode, body, upload_id, status, published_at, outcome, outcome_sent_at, project_id, created_at';

/** The signed-in member's own ideas (RLS: their own, or all for staff, so filtered by member). */
export async function myIdeas(db: SupabaseClient, memberId: string): Promise<Idea[]> {
	const { data, error } = await db
		.from('ideas')
		.select(IDEA_COLUMNS)
		.eq('member_id', memberId)
		.order('created_at', { ascending: false });
	if (error) fail('Your ideas', error);
	return data as Idea[];
}

export async function getIdea(db: SupabaseClient, id: number): Promise<Idea | null> {
	const { data, error } = await db.from('ideas').select(IDEA_COLUMNS).eq('id', id).maybeSingle();
	if (error) fail('Idea', error);
	return data as Idea | null;
}

export async function publishedIdeas(db: SupabaseClient, callId: number): Promise<PublishedIdea[]> {
	const { data, error } = await db.rpc('published_ideas', { call: callId });
	if (error) fail('Ideas members have sent', error);
	return data as PublishedIdea[];
}

export type SubmitResult = { ok: true; id: number } | { ok: false; reason: 'closed' | 'upload_missing' };

export async function submitIdea(
	db: SupabaseClient,
	idea: {
		call: number;
		title: string;
		mode: IdeaMode;
		body: string | null;
		upload: string | null;
		request_key: string;
	}
): Promise<SubmitResult> {
	const { data, error } = await db.rpc('submit_idea', idea);
	if (error?.message.includes('closed')) return { ok: false, reason: 'closed' };
	if (error?.message.includes('upload_missing')) return { ok: false, reason: 'upload_missing' };
	if (error) fail('Sending your idea', error);
	return { ok: true, id: data as number };
}

// Staff ---------------------------------------------------------------------------------------------

export interface StaffIdea extends Idea {
	member: { full_name: string; email: string; phone: string | null };
}

export async function ideasForCall(db: SupabaseClient, callId: number): Promise<StaffIdea[]> {
	const { data, error } = await db
		.from('ideas')
		.select(`${IDEA_COLUMNS}, member:profiles!ideas_member_id_fkey (full_name, email, phone)`)
		.eq('call_id', callId)
		.order('created_at');
	if (error) fail('Ideas', error);
	return data as unknown as StaffIdea[];
}

export async function updateIdea(
	db: SupabaseClient,
	id: number,
	changes: { status: IdeaStatus; published: boolean; outcome: string | null; project_id: number | null },
	wasPublishedAt: string | null
): Promise<boolean> {
	const { data, error } = await db
		.from('ideas')
		.update({
			status: changes.status,
			published_at: changes.published ? (wasPublishedAt ?? new Date().toISOString()) : null,
			outcome: changes.outcome,
			project_id: changes.project_id
		})
		.eq('id', id)
		.select('id');
	if (error) fail('Saving the idea', error);
	return (data as unknown[]).length === 1;
}

/**
 * Tells each member whose idea has a message not yet sent what happened to it: one email per idea,
 * and the message is shown on their idea. Returns how many were told.
 */
export async function tellMembers(db: SupabaseClient, callId: number): Promise<number> {
	const ideas = (await ideasForCall(db, callId)).filter((i) => i.outcome && !i.outcome_sent_at);
	const languages = await emailLanguages(
		db,
		ideas.map((i) => i.member_id)
	);
	let told = 0;
	for (const idea of ideas) {
		const { data, error } = await db
			.from('ideas')
			.update({ outcome_sent_at: new Date().toISOString() })
			.eq('id', idea.id)
			.is('outcome_sent_at', null)
			.select('id');
		if (error) fail('Telling members', error);
		if ((data as unknown[]).length !== 1) continue; // someone else told them meanwhile
		await sendMail(ideaOutcomeEmail(idea, languages.get(idea.member_id) ?? 'en'));
		told++;
	}
	return told;
}

/** What happened to a member's idea, in their language, with the team's message as written. */
export function ideaOutcomeEmail(
	idea: { id: number; title: string; outcome: string | null; member: { full_name: string; email: string } },
	locale: Locale
): Message {
	return inLanguage(locale, () => {
		const note = locale === 'cy' ? [m.mail_in_english()] : [];
		return letter(locale, {
			to: idea.member.email,
			subject: m.mail_idea_subject({ title: idea.title }),
			text:
				[
					m.mail_hello({ name: idea.member.full_name }),
					...note,
					m.mail_idea_thanks({ title: idea.title }),
					idea.outcome ?? '',
					m.mail_idea_see({ link: `${config.origin}/my/ideas/${idea.id}` }),
					m.mail_call_questions()
				].join('\n\n') + '\n'
		});
	});
}

/** Projects a chosen idea can join (staff read them). */
export async function projectChoices(db: SupabaseClient): Promise<{ id: number; name: string }[]> {
	const { data, error } = await db.from('projects').select('id, name').order('name').limit(500);
	if (error) fail('Projects', error);
	return data as { id: number; name: string }[];
}
