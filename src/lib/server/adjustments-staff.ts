// The staff side of adjustments: the queue, one request with the member's needs, answering and
// arranging each item, costs, papers, and the emails that tell a member to look at the portal.
//
// Staff have no direct read of access needs or requests: every read here goes through a database
// function that checks the arrange_adjustments permission and writes the audit row in the same
// call (staff_adjustment_queue, staff_adjustment_request, staff_access_needs, staff_papers_due).
// Emails say only that something is ready and where to look: never what the needs are.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { QueueRow } from '$lib/adjustments-staff';
import type { AnswerInput, ArrangeInput, CostInput } from '$lib/validation/adjustment-staff';
import { fail } from './db/fail';
import { ADJUSTMENT_ERRORS } from '$lib/adjustments';
import { sendAnswerChangedEmail, sendArrangedEmail, sendPapersReadyEmail } from './adjustments';

/** The database's short error keys, in plain words for staff (where staff need other words than members). */
export const PROBLEMS: Record<string, string> = {
	...ADJUSTMENT_ERRORS,
	not_allowed: 'Only staff who arrange adjustments can do this.',
	not_found: 'We could not find that. It may have been changed or cancelled by the member.',
	wrong_status:
		'This item has changed since you opened it (the member may have cancelled it). Look at it again below.',
	reason_needed: 'Say in plain words why, so the member understands.',
	alternative_needed: 'Say what you can offer instead.',
	what_needed: 'Say what you have arranged.',
	no_papers: 'This request does not ask for papers.',
	invalid_cost: 'Enter costs from £0 to £100,000.',
	not_shared: 'The member has chosen not to share their access needs profile with staff.',
	not_taking_part: 'The member does not take part in this opportunity.'
};

/** A refusal from the database as { key, words }, or null when it is something else. */
export function problemOf(error: { message: string } | null): { key: string; words: string } | null {
	if (!error) return null;
	const key = error.message.trim();
	return Object.hasOwn(PROBLEMS, key) ? { key, words: PROBLEMS[key]! } : null;
}

export interface StaffCounts {
	to_answer: number;
	to_arrange: number;
	papers_due: number;
	papers_overdue: number;
}

/** Counts for the staff home page; they name no member, so reading them is not audited. */
export async function staffCounts(db: SupabaseClient): Promise<StaffCounts> {
	const { data, error } = await db.rpc('staff_adjustment_counts').single();
	if (error) fail('Adjustment counts', error);
	return data as StaffCounts;
}

export async function loadQueue(db: SupabaseClient): Promise<QueueRow[]> {
	const { data, error } = await db.rpc('staff_adjustment_queue');
	if (error) fail('Adjustment queue', error);
	return data as QueueRow[];
}

export interface PapersRow {
	request_id: number;
	member_id: string;
	member_name: string;
	opportunity_id: number;
	opportunity_title: string;
	meeting_id: number;
	meeting_title: string;
	starts_at: string;
	days_before: number;
	due_on: string;
	formats: string[];
	large_print_size: number | null;
	ready_at: string | null;
	overdue: boolean;
}

export async function loadPapersDue(db: SupabaseClient, includeReady = false): Promise<PapersRow[]> {
	const { data, error } = await db.rpc('staff_papers_due', { include_ready: includeReady });
	if (error) fail('Papers due', error);
	return data as PapersRow[];
}

export interface RequestItem {
	id: number;
	category: string;
	options: string[];
	note: string | null;
	large_print_size: number | null;
	papers_days_before: number | null;
	break_every_minutes: number | null;
	break_minutes: number | null;
	status: 'requested' | 'agreed' | 'partly_agreed' | 'not_possible' | 'arranged' | 'cancelled';
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

export interface RequestMeeting {
	id: number;
	title: string;
	starts_at: string;
	ends_at: string;
	location_type: 'in_person' | 'online' | 'hybrid';
	place: string | null;
	step_free: boolean | null;
	hearing_loop: boolean | null;
	accessible_toilet: boolean | null;
	quiet_room: boolean | null;
	parking: boolean | null;
	access_notes: string | null;
}

export interface RequestEvent {
	id: number;
	item_id: number | null;
	category: string | null;
	meeting_id: number | null;
	kind: string;
	at: string;
	details: Record<string, unknown>;
	actor_name: string | null;
}

export interface StaffRequest {
	request: {
		id: number;
		member_id: string;
		opportunity_id: number;
		meeting_id: number | null;
		share_with_organisers: boolean;
		changed_after_agreement_at: string | null;
		submitted_at: string;
		updated_at: string;
	};
	member: { id: string; name: string; full_name: string; email: string };
	opportunity: { id: number; title: string };
	meetings: RequestMeeting[];
	items: RequestItem[];
	papers: {
		meeting_id: number;
		meeting_title: string;
		starts_at: string;
		due_on: string;
		days_before: number;
		ready_at: string | null;
		overdue: boolean;
	}[];
	events: RequestEvent[];
	profile_shared: boolean;
}

/** One request in full (audited), or null when there is no such request. */
export async function loadRequest(db: SupabaseClient, id: number): Promise<StaffRequest | null> {
	const { data, error } = await db.rpc('staff_adjustment_request', { request: id });
	if (problemOf(error)?.key === 'not_found') return null;
	if (error) fail('Adjustment request', error);
	return data as StaffRequest;
}

export type Outcome = { ok: true } | { ok: false; problem: string };

const outcome = (context: string, error: { message: string } | null): Outcome => {
	if (!error) return { ok: true };
	const problem = problemOf(error);
	if (problem) return { ok: false, problem: problem.words };
	fail(context, error);
};

export interface Answered {
	request_id: number;
	member_id: string;
	opportunity_title: string;
	repeat: boolean;
	/** An answer the member already had is now different: they are told. */
	changed_answer: boolean;
}

export async function answerItem(
	db: SupabaseClient,
	input: AnswerInput
): Promise<{ ok: true; answered: Answered } | { ok: false; problem: string }> {
	const { data, error } = await db.rpc('respond_to_adjustment', {
		item: input.item,
		decision: input.decision,
		note: input.note,
		reason: input.reason,
		alternative: input.alternative,
		request_key: input.requestKey
	});
	const result = outcome('Answer adjustment', error);
	if (!result.ok) return result;
	return { ok: true, answered: data as Answered };
}

export interface Arranged {
	request_id: number;
	member_id: string;
	opportunity_title: string;
	all_arranged: boolean;
	repeat: boolean;
}

export async function arrangeItem(
	db: SupabaseClient,
	input: ArrangeInput
): Promise<{ ok: true; arranged: Arranged } | { ok: false; problem: string }> {
	const { data, error } = await db.rpc('arrange_adjustment', {
		item: input.item,
		what: input.what,
		when_text: input.when,
		request_key: input.requestKey
	});
	const result = outcome('Arrange adjustment', error);
	if (!result.ok) return result;
	return { ok: true, arranged: data as Arranged };
}

export async function recordCost(db: SupabaseClient, input: CostInput): Promise<Outcome> {
	const { error } = await db.rpc('record_adjustment_cost', {
		item: input.item,
		estimated_pence: input.estimated,
		actual_pence: input.actual
	});
	return outcome('Record cost', error);
}

export interface PapersReady {
	request_id: number;
	member_id: string;
	opportunity_title: string;
	meeting_title: string;
	first_time: boolean;
}

export async function markPapersReady(
	db: SupabaseClient,
	request: number,
	meeting: number
): Promise<{ ok: true; ready: PapersReady } | { ok: false; problem: string }> {
	const { data, error } = await db.rpc('mark_papers_ready', { request, meeting });
	const result = outcome('Papers ready', error);
	if (!result.ok) return result;
	return { ok: true, ready: data as PapersReady };
}

export interface CostTotal {
	opportunity_id: number;
	opportunity_title: string;
	requests: number;
	items: number;
	estimated_pence: number;
	actual_pence: number;
}

export async function costTotals(
	db: SupabaseClient,
	opportunity: number | null = null
): Promise<CostTotal[]> {
	const { data, error } = await db.rpc('adjustment_cost_totals', { opportunity });
	if (error) fail('Cost totals', error);
	return (data as CostTotal[]).map((t) => ({
		...t,
		estimated_pence: Number(t.estimated_pence),
		actual_pence: Number(t.actual_pence)
	}));
}

/** The member's access needs profile for this opportunity (audited): null when none, 'not_shared' when withheld. */
export async function loadAccessNeeds(
	db: SupabaseClient,
	member: string,
	opportunity: number
): Promise<{ items: RequestItem[]; updated_at: string } | null | 'not_shared'> {
	const { data, error } = await db.rpc('staff_access_needs', { member, opportunity });
	if (problemOf(error)?.key === 'not_shared') return 'not_shared';
	if (error) fail('Access needs', error);
	return (data as { items: RequestItem[]; updated_at: string } | null) ?? null;
}

// Emails: adjust-member's helpers say only that something is ready and where to look. A failed
// email is logged and the staff member's step stands (it is saved; the member sees it on the portal).

export async function tellArranged(db: SupabaseClient, a: Arranged): Promise<boolean> {
	try {
		await sendArrangedEmail(db, a);
		return true;
	} catch (err) {
		console.error(`The "arranged" email for request ${a.request_id} did not go:`, err);
		return false;
	}
}

export async function tellAnswerChanged(db: SupabaseClient, a: Answered): Promise<boolean> {
	try {
		await sendAnswerChangedEmail(db, a);
		return true;
	} catch (err) {
		console.error(`The "answer changed" email for request ${a.request_id} did not go:`, err);
		return false;
	}
}

export async function tellPapersReady(db: SupabaseClient, p: PapersReady): Promise<boolean> {
	try {
		await sendPapersReadyEmail(db, p);
		return true;
	} catch (err) {
		console.error(`The "papers ready" email for request ${p.request_id} did not go:`, err);
		return false;
	}
}

// The audit log of staff reads (admins) ---------------------------------------------------------

export const READ_KINDS = {
	all: 'Access needs and requests',
	needs: 'Access needs profiles',
	requests: 'Adjustment requests',
	lived: 'Lived experience',
	everything: 'Everything: every read and change'
} as const;
export type ReadKind = keyof typeof READ_KINDS;

const ACTIONS: Record<ReadKind, string[] | null> = {
	all: ['access needs read', 'adjustment request read'],
	needs: ['access needs read'],
	requests: ['adjustment request read'],
	lived: ['lived experience read'],
	everything: null
};

/** Who the audit log is narrowed to: a member (what was read or done about them) and a member of staff (what they did). */
export interface AuditFilters {
	member?: string | null;
	staff?: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

export interface ReadEntry {
	id: number;
	at: string;
	/** The action as recorded: 'access needs read', 'member paused', … */
	what: string;
	who: string;
	member: string;
	opportunity: string | null;
	/** Where the read happened: the queue, papers due, a request, a profile. */
	via: string | null;
	requestId: number | null;
}

/** One page of staff reads of members' access needs and requests, newest first. RLS: admins only. */
export async function listReads(
	db: SupabaseClient,
	kind: ReadKind,
	page: number,
	filters: AuditFilters = {}
): Promise<{ entries: ReadEntry[]; total: number }> {
	const from = (page - 1) * AUDIT_PAGE_SIZE;
	const actions = ACTIONS[kind];
	const memberOr = filters.member
		? `entity_id.eq.${filters.member},details->>member_id.eq.${filters.member}`
		: null;
	let query = db.from('audit_log').select('id, at, actor_id, action, entity_id, details', { count: 'exact' });
	if (actions) query = query.in('action', actions);
	if (filters.staff) query = query.eq('actor_id', filters.staff);
	if (memberOr) query = query.or(memberOr);
	const { data, count, error } = await query
		.order('at', { ascending: false })
		.order('id', { ascending: false })
		.range(from, from + AUDIT_PAGE_SIZE - 1);
	if (error?.code === 'PGRST103') {
		// A page past the end (an old link, a typed address): nothing on it, and how many there are.
		let counting = db.from('audit_log').select('id', { count: 'exact', head: true });
		if (actions) counting = counting.in('action', actions);
		if (filters.staff) counting = counting.eq('actor_id', filters.staff);
		if (memberOr) counting = counting.or(memberOr);
		const { count: total, error: countError } = await counting;
		if (countError) fail('Audit log', countError);
		return { entries: [], total: total ?? 0 };
	}
	if (error) fail('Audit log', error);
	type Row = {
		id: number;
		at: string;
		actor_id: string | null;
		action: string;
		entity_id: string;
		details: { member_id?: string; opportunity_id?: number; via?: string };
	};
	const rows = data as Row[];
	const people = [
		...new Set(rows.flatMap((r) => [r.actor_id, r.details.member_id]).filter((x): x is string => !!x))
	];
	const opportunities = [
		...new Set(rows.map((r) => r.details.opportunity_id).filter((x): x is number => typeof x === 'number'))
	];
	const [names, titles] = await Promise.all([
		people.length
			? db.from('profiles').select('id, full_name').in('id', people)
			: Promise.resolve({ data: [], error: null }),
		opportunities.length
			? db.from('opportunities').select('id, title').in('id', opportunities)
			: Promise.resolve({ data: [], error: null })
	]);
	if (names.error) fail('Audit log names', names.error);
	if (titles.error) fail('Audit log opportunities', titles.error);
	const nameOf = new Map((names.data as { id: string; full_name: string }[]).map((p) => [p.id, p.full_name]));
	const titleOf = new Map((titles.data as { id: number; title: string }[]).map((o) => [o.id, o.title]));
	return {
		total: count ?? 0,
		entries: rows.map((r) => ({
			id: r.id,
			at: r.at,
			what: r.action,
			who: r.actor_id ? (nameOf.get(r.actor_id) ?? 'Someone no longer here') : 'The system',
			member: r.details.member_id ? (nameOf.get(r.details.member_id) ?? 'A member no longer here') : '',
			opportunity: r.details.opportunity_id ? (titleOf.get(r.details.opportunity_id) ?? null) : null,
			via: r.details.via ?? (r.action === 'access needs read' ? 'profile' : null),
			requestId: r.action === 'adjustment request read' ? Number(r.entity_id) : null
		}))
	};
}
