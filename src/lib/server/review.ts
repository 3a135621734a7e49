// Staff review of applications: the queue, one application with its answers, timeline and private
// notes, and decisions. Every query runs as the signed-in staff member (locals.db), so Row Level
// Security applies; decisions go only through decide_applications (status, message and audit in
// one transaction) and notes through their insert policy (audited by a trigger). Nothing here
// writes applications or events directly.
import type { SupabaseClient } from '@supabase/supabase-js';
import { SENT_STATUSES, isApplicationStatus, type Decision } from '$lib/decisions';
import { type ApplicationStatus } from '$lib/applications';
import type { OpportunityStatus, OpportunityType } from '$lib/opportunities';
import type { DecisionInput } from '$lib/validation/decision';
import type { QuestionKind } from '$lib/applications';
import type { ContactMethod } from '$lib/validation/profile';
import { withDetails } from '$lib/validation/decision';
import { fail } from './db/fail';
import { sendMail, type Message } from './mail';
import { emailLanguage, inLanguage, letter, textToHtml } from './mail/language';
import { m } from '$lib/paraglide/messages';
import { searchText } from '$lib/validation/form';

export interface OpportunityRef {
	id: number;
	title: string;
	type: OpportunityType;
	status: OpportunityStatus;
	closes_at: string | null;
}

export interface MemberRef {
	id: string;
	full_name: string;
	preferred_name: string | null;
}

/** What the member is called in messages: the name they prefer, or their full name (as the database does). */
export const nameOf = (m: Pick<MemberRef, 'full_name' | 'preferred_name'>) => m.preferred_name || m.full_name;

/** Has this opportunity stopped taking applications (closed by staff, or its closing date has passed)? */
export function closedToApplications(
	o: Pick<OpportunityRef, 'status' | 'closes_at'>,
	now = Date.now()
): boolean {
	return o.status !== 'published' || (o.closes_at !== null && Date.parse(o.closes_at) <= now);
}

// The queue ----------------------------------------------------------------------------------------

export interface QueueRow {
	id: number;
	status: ApplicationStatus;
	submitted_at: string;
	opportunity: OpportunityRef;
	member: MemberRef;
}

export interface QueueFilters {
	opportunity: number | null;
	status: ApplicationStatus | '';
	q: string;
	sort: 'newest' | 'opportunity';
}

export function readQueueFilters(params: URLSearchParams): QueueFilters {
	const opportunity = params.get('opportunity') ?? '';
	const status = params.get('status') ?? '';
	return {
		opportunity: /^[1-9]\d{0,14}$/.test(opportunity) ? Number(opportunity) : null,
		status: isApplicationStatus(status) && status !== 'draft' ? status : '',
		q: searchText(params),
		sort: params.get('sort') === 'opportunity' ? 'opportunity' : 'newest'
	};
}

/** The filters as a query string, to come back to the same view. */
export function queueQuery(f: QueueFilters): string {
	const p = new URLSearchParams();
	if (f.opportunity) p.set('opportunity', String(f.opportunity));
	if (f.status) p.set('status', f.status);
	if (f.q) p.set('q', f.q);
	if (f.sort !== 'newest') p.set('sort', f.sort);
	return p.toString();
}

const OPPORTUNITY_COLUMNS = 'id, title, type, status, closes_at';
const MEMBER_COLUMNS = 'id, full_name, preferred_name';

/** Sent applications (never drafts), newest first or grouped by opportunity. */
export async function listQueue(db: SupabaseClient, f: QueueFilters): Promise<QueueRow[]> {
	let query = db
		.from('applications')
		.select(
			`id, status, submitted_at, opportunity:opportunities!applications_opportunity_id_fkey!inner (${OPPORTUNITY_COLUMNS}), member:profiles!applications_member_id_fkey!inner (${MEMBER_COLUMNS})`
		)
		.in('status', f.status ? [f.status] : [...SENT_STATUSES]);
	if (f.opportunity) query = query.eq('opportunity_id', f.opportunity);
	// Words in the name in order, anything between them ("o connor" finds O'Connor). Only the characters
	// that mean something inside a quoted PostgREST value are taken out.
	const words = f.q
		.replace(/[%_*\\"]/g, ' ')
		.trim()
		.split(/\s+/)
		.filter(Boolean);
	if (words.length > 0) {
		const pattern = `*${words.join('*')}*`;
		query = query.or(`full_name.ilike."${pattern}",preferred_name.ilike."${pattern}"`, {
			referencedTable: 'member'
		});
	}
	const { data, error } = await query
		.order('submitted_at', { ascending: false })
		.order('id', { ascending: false })
		.limit(500);
	if (error) fail('Applications', error);
	const rows = data as unknown as QueueRow[];
	if (f.sort === 'opportunity') {
		rows.sort(
			(a, b) =>
				a.opportunity.title.localeCompare(b.opportunity.title, 'en-GB') ||
				b.submitted_at.localeCompare(a.submitted_at)
		);
	}
	return rows;
}

/** Sent applications nobody has decided on yet, for the staff home. */
export async function countWaiting(db: SupabaseClient): Promise<number> {
	const { count, error } = await db
		.from('applications')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'submitted');
	if (error) fail('Applications', error);
	return count ?? 0;
}

/** Opportunities with at least one sent application, for the filter. */
export async function opportunitiesWithApplications(
	db: SupabaseClient
): Promise<Pick<OpportunityRef, 'id' | 'title'>[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, applications!applications_opportunity_id_fkey!inner (id)')
		.neq('applications.status', 'draft')
		.limit(1, { referencedTable: 'applications' })
		.order('title');
	if (error) fail('Opportunities', error);
	return (data as { id: number; title: string }[]).map(({ id, title }) => ({ id, title }));
}

// One application ------------------------------------------------------------------------------------

export interface Answer {
	mode: 'written' | 'audio' | 'phone_call';
	answer: string | null;
	upload_id: string | null;
}

export interface QuestionWithAnswer {
	id: number;
	position: number;
	kind: QuestionKind;
	prompt: string;
	required: boolean;
	answer: Answer | null;
}

export interface TimelineEvent {
	id: number;
	status: ApplicationStatus;
	at: string;
	actor: MemberRef | null;
	request_key: string | null;
	message_subject: string | null;
	message_body: string | null;
	emailed_at: string | null;
}

export interface Note {
	id: number;
	body: string;
	created_at: string;
	author: MemberRef | null;
}

export interface ApplicationDetail {
	id: number;
	status: ApplicationStatus;
	submitted_at: string;
	interview_at: string | null;
	interview_place: string | null;
	term_starts_on: string | null;
	term_ends_on: string | null;
	member: MemberRef & {
		email: string;
		phone: string | null;
		pronouns: string | null;
		contact_methods: ContactMethod[];
	};
	opportunity: OpportunityRef;
}

export interface ApplicationPage extends ApplicationDetail {
	questions: QuestionWithAnswer[];
	events: TimelineEvent[];
	notes: Note[];
}

const DETAIL_COLUMNS = `id, status, submitted_at, interview_at, interview_place, term_starts_on, term_ends_on,
	member:profiles!applications_member_id_fkey!inner (${MEMBER_COLUMNS}, email, phone, pronouns, contact_methods),
	opportunity:opportunities!applications_opportunity_id_fkey!inner (${OPPORTUNITY_COLUMNS})`;

/** An application as staff see it (without answers, timeline or notes). Null for drafts and unknown ids. */
export async function getApplication(db: SupabaseClient, id: number): Promise<ApplicationDetail | null> {
	const { data, error } = await db.from('applications').select(DETAIL_COLUMNS).eq('id', id).maybeSingle();
	if (error) fail('Application', error);
	return data as unknown as ApplicationDetail | null;
}

/** Everything on the staff page of one application: answers in question order, timeline, notes. */
export async function getApplicationPage(db: SupabaseClient, id: number): Promise<ApplicationPage | null> {
	const detail = await getApplication(db, id);
	if (!detail) return null;
	const [questions, answers, events, notes] = await Promise.all([
		db
			.from('application_questions')
			.select('id, position, kind, prompt, required')
			.eq('opportunity_id', detail.opportunity.id)
			.order('position'),
		db.from('application_answers').select('question_id, mode, answer, upload_id').eq('application_id', id),
		db
			.from('application_events')
			.select(
				`id, status, at, request_key, message_subject, message_body, emailed_at, actor:profiles (${MEMBER_COLUMNS})`
			)
			.eq('application_id', id)
			.order('at')
			.order('id'),
		db
			.from('application_notes')
			.select(`id, body, created_at, author:profiles (${MEMBER_COLUMNS})`)
			.eq('application_id', id)
			.order('created_at')
			.order('id')
	]);
	for (const r of [questions, answers, events, notes]) if (r.error) fail('Application', r.error);
	const byQuestion = new Map(
		(answers.data as (Answer & { question_id: number })[]).map((a) => [a.question_id, a])
	);
	return {
		...detail,
		questions: (questions.data as Omit<QuestionWithAnswer, 'answer'>[]).map((q) => {
			const a = byQuestion.get(q.id);
			return { ...q, answer: a ? { mode: a.mode, answer: a.answer, upload_id: a.upload_id } : null };
		}),
		events: events.data as unknown as TimelineEvent[],
		notes: notes.data as unknown as Note[]
	};
}

/** Adds a private staff note, written as the signed-in person. Members never see notes. */
export async function addNote(
	db: SupabaseClient,
	applicationId: number,
	authorId: string,
	body: string
): Promise<void> {
	const { error } = await db
		.from('application_notes')
		.insert({ application_id: applicationId, author_id: authorId, body });
	if (error) fail('Saving the note', error);
}

// Decisions --------------------------------------------------------------------------------------------

export interface DecisionTarget {
	id: number;
	status: ApplicationStatus;
	member: MemberRef & { email: string };
	opportunity: OpportunityRef;
}

/** The applications a decision is about, in the order of their ids; unknown ids and drafts are left out. */
export async function getDecisionTargets(db: SupabaseClient, ids: number[]): Promise<DecisionTarget[]> {
	if (ids.length === 0) return [];
	const { data, error } = await db
		.from('applications')
		.select(
			`id, status, member:profiles!applications_member_id_fkey!inner (${MEMBER_COLUMNS}, email), opportunity:opportunities!applications_opportunity_id_fkey!inner (${OPPORTUNITY_COLUMNS})`
		)
		.in('id', ids)
		.order('id');
	if (error) fail('Applications', error);
	return data as unknown as DecisionTarget[];
}

/** Ids from a form or address: whole numbers only, each once, at most 100. */
export function readIds(values: string[]): number[] {
	const ids = values.filter((v) => /^[1-9]\d{0,14}$/.test(v)).map(Number);
	return [...new Set(ids)].slice(0, 100);
}

export class DecisionError extends Error {
	constructor(
		readonly key: string,
		readonly detail: string | null
	) {
		super(key);
	}
}

const KNOWN_ERRORS = [
	'not_allowed',
	'wrong_status',
	'message_missing',
	'interview_missing',
	'not_found',
	'opportunity_closed'
];

/**
 * Decides one or several applications in one transaction. The same request key again decides
 * nothing twice. Returns the ids of the events written now. Throws DecisionError with the
 * function's key when it refuses (then nothing at all has changed).
 */
export async function decide(db: SupabaseClient, ids: number[], input: DecisionInput): Promise<number[]> {
	const { data, error } = await db.rpc('decide_applications', {
		application_ids: ids,
		decision: input.decision satisfies Decision,
		request_key: input.requestKey,
		subject: withDetails(input.subject, input),
		body: withDetails(input.body, input),
		interview_at: input.interviewAt,
		interview_place: input.interviewPlace,
		term_starts_on: input.termStartsOn,
		term_ends_on: input.termEndsOn
	});
	if (error) {
		if (KNOWN_ERRORS.includes(error.message)) throw new DecisionError(error.message, error.details ?? null);
		fail('Deciding', error);
	}
	return (data as { id: number }[]).map((e) => e.id);
}

export interface DecisionEvent {
	id: number;
	application_id: number;
	status: ApplicationStatus;
	message_subject: string;
	message_body: string;
	emailed_at: string | null;
	/** display_settings: the member's language for the email's own words. */
	member: MemberRef & { email: string; display_settings?: unknown };
}

/** The messages written by one decision (one request key), with whom they go to and whether they went. */
export async function decisionEvents(db: SupabaseClient, requestKey: string): Promise<DecisionEvent[]> {
	if (!/^[0-9a-f-]{36}$/i.test(requestKey)) return [];
	const { data, error } = await db
		.from('application_events')
		.select(
			`id, application_id, status, message_subject, message_body, emailed_at,
			application:applications!application_events_application_id_fkey!inner (member:profiles!applications_member_id_fkey!inner (${MEMBER_COLUMNS}, email, display_settings))`
		)
		.eq('request_key', requestKey)
		.not('message_subject', 'is', null)
		.order('application_id');
	if (error) fail('Decision', error);
	type Row = Omit<DecisionEvent, 'member'> & { application: { member: DecisionEvent['member'] } };
	return (data as unknown as Row[]).map(({ application, ...e }) => ({ ...e, member: application.member }));
}

export interface EmailOutcome {
	sent: DecisionEvent[];
	failed: DecisionEvent[];
}

/**
 * The email a member gets: the message as staff wrote it, and where to read it again. The email's own
 * words are in the member's language; a Welsh speaker is told they can talk about the message in
 * Welsh, as staff write in English.
 */
export function decisionEmail(e: DecisionEvent, origin: string): Message {
	const locale = emailLanguage(e.member.display_settings);
	return inLanguage(locale, () => {
		const again = m.mail_decision_again({ link: `${origin}/my/applications/${e.application_id}` });
		const note = locale === 'cy' ? `${m.mail_in_english()}\n\n` : '';
		return letter(locale, {
			to: e.member.email,
			subject: e.message_subject,
			text: `${note}${e.message_body}\n\n---\n${again}\n`,
			html:
				(note ? textToHtml(note) + '\n' : '') + `${textToHtml(e.message_body)}\n<hr>\n${textToHtml(again)}`
		});
	});
}

/**
 * Emails every message of a decision not yet emailed, whatever the member's notification settings
 * (it is about their own application), then records which went. A failed email leaves the decision
 * as it is and the message unmarked, so it can be sent again.
 */
export async function emailDecision(
	db: SupabaseClient,
	requestKey: string,
	origin: string,
	send: (m: Message) => Promise<void> = sendMail
): Promise<EmailOutcome> {
	const waiting = (await decisionEvents(db, requestKey)).filter((e) => e.emailed_at === null);
	const sent: DecisionEvent[] = [];
	const failed: DecisionEvent[] = [];
	for (const e of waiting) {
		try {
			await send(decisionEmail(e, origin));
			sent.push(e);
		} catch (err) {
			console.error(`Email about application ${e.application_id} did not go:`, err);
			failed.push(e);
		}
	}
	if (sent.length > 0) {
		const { error } = await db.rpc('mark_messages_emailed', { event_ids: sent.map((e) => e.id) });
		if (error) console.error('Recording emailed messages:', error.message);
	}
	return { sent, failed };
}
