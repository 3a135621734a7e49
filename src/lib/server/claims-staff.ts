// Claims as staff see them: the queue, one claim with its lines, receipts and history, and the
// decisions (approve, question, reject). The decision itself is public.decide_claim(): one
// transaction, audited, and the same request key twice (a double press) makes one decision.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	QUEUE_STATUSES,
	type ClaimCategory,
	type ClaimStatus,
	type PaymentMethod,
	type QueueStatus,
	type Vehicle
} from '$lib/payments-staff';
import {
	CATEGORY_INFO,
	OPTIONS,
	type AccessOption,
	type AdjustmentStatus,
	type Category
} from '$lib/adjustments';
import { hasPermission, type SessionUser } from './auth/session';
import { config } from './config';
import { fail } from './db/fail';
import { sendMail } from './mail';
import { emailLanguage, inLanguage, letter } from './mail/language';
import { m } from '$lib/paraglide/messages';
import { recordId, searchText } from '$lib/validation/form';

export interface QueueFilters {
	status: QueueStatus | '';
	opportunity: number | null;
	q: string;
}

export function readClaimFilters(params: URLSearchParams): QueueFilters {
	const status = params.get('status') ?? 'submitted';
	return {
		// With no choice made the queue shows what is waiting; "every status" is an empty choice.
		status: status in QUEUE_STATUSES ? (status as QueueStatus) : '',
		opportunity: recordId(params.get('opportunity')),
		q: searchText(params)
	};
}

export interface QueueClaim {
	id: number;
	reference: string;
	status: ClaimStatus;
	payment_method: PaymentMethod | null;
	activity_on: string;
	submitted_at: string | null;
	total_pence: number;
	member: { full_name: string };
	involvement: { opportunity: { id: number; title: string } };
}

/** ilike patterns treat % and _ as wildcards: a name is matched as typed. */
function likeEscape(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listClaimQueue(db: SupabaseClient, f: QueueFilters): Promise<QueueClaim[]> {
	let query = db
		.from('claims')
		.select(
			'id, reference, status, payment_method, activity_on, submitted_at, total_pence, ' +
				'member:profiles!claims_member_id_fkey!inner(full_name), ' +
				'involvement:involvements!inner(opportunity_id, opportunity:opportunities(id, title))'
		)
		.neq('status', 'draft')
		.order('submitted_at', { ascending: true })
		.limit(300);
	if (f.status) query = query.eq('status', f.status);
	if (f.opportunity) query = query.eq('involvement.opportunity_id', f.opportunity);
	if (f.q) query = query.ilike('member.full_name', `%${likeEscape(f.q)}%`);
	const { data, error } = await query;
	if (error) fail('Loading the claims queue', error);
	return data as unknown as QueueClaim[];
}

/** Opportunities that have sent claims, for the filter. */
export async function opportunitiesWithClaims(db: SupabaseClient): Promise<{ id: number; title: string }[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, involvements!inner(claims!inner(id))')
		.neq('involvements.claims.status', 'draft')
		.order('title');
	if (error) fail('Loading opportunities with claims', error);
	return (data ?? []).map((o) => ({ id: o.id as number, title: o.title as string }));
}

export async function countClaimsToApprove(db: SupabaseClient): Promise<number> {
	const { count, error } = await db
		.from('claims')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'submitted');
	if (error) fail('Counting claims', error);
	return count ?? 0;
}

export interface ClaimLine {
	id: number;
	category: ClaimCategory;
	description: string | null;
	amount_pence: number;
	miles: number | null;
	vehicle: Vehicle | null;
	minutes: number | null;
	taxi_agreed_adjustment: boolean | null;
	receipt: { id: string; content_type: string; size_bytes: number } | null;
}

export interface ClaimEvent {
	id: number;
	status: ClaimStatus;
	message: string | null;
	at: string;
	actor: { full_name: string } | null;
}

export interface StaffClaim {
	id: number;
	reference: string;
	status: ClaimStatus;
	payment_method: PaymentMethod | null;
	activity_on: string;
	submitted_at: string | null;
	decided_at: string | null;
	message: string | null;
	reply: string | null;
	paid_on: string | null;
	paid_reference: string | null;
	fees_pence: number;
	expenses_pence: number;
	total_pence: number;
	member: { id: string; full_name: string; preferred_name: string | null; email: string };
	involvement: { role: string; opportunity: { id: number; title: string; type: string } };
	meeting: {
		id: number;
		title: string;
		starts_at: string;
		ends_at: string;
		location_type: string;
		place: string | null;
	} | null;
	payment_run: { id: number; reference: string; status: string } | null;
	lines: ClaimLine[];
	events: ClaimEvent[];
}

export async function getClaimForStaff(db: SupabaseClient, id: number): Promise<StaffClaim | null> {
	const { data, error } = await db
		.from('claims')
		.select(
			'id, reference, status, payment_method, activity_on, submitted_at, decided_at, message, reply, ' +
				'paid_on, paid_reference, fees_pence, expenses_pence, total_pence, ' +
				'member:profiles!claims_member_id_fkey(id, full_name, preferred_name, email), ' +
				'involvement:involvements(role, opportunity:opportunities(id, title, type)), ' +
				'meeting:meetings(id, title, starts_at, ends_at, location_type, place), ' +
				'payment_run:payment_runs(id, reference, status), ' +
				'lines:claim_lines(id, category, description, amount_pence, miles, vehicle, minutes, ' +
				'taxi_agreed_adjustment, receipt:uploads(id, content_type, size_bytes)), ' +
				'events:claim_events(id, status, message, at, actor:profiles(full_name))'
		)
		.eq('id', id)
		.neq('status', 'draft')
		.order('id', { referencedTable: 'claim_lines' })
		.order('at', { referencedTable: 'claim_events' })
		.maybeSingle();
	if (error) fail('Loading the claim', error);
	return data as unknown as StaffClaim | null;
}

export type Decision = 'approved' | 'query' | 'rejected';

const DECISION_PROBLEMS: Record<string, string> = {
	wrong_status:
		'Someone has already dealt with this claim, or the member has not answered the question yet. The page now shows where it is.',
	message_needed: 'Write a message to the member.',
	not_found: 'We could not find that claim.',
	not_allowed: 'Only the co-production team can decide claims.'
};

export type DecideResult = { ok: true; status: ClaimStatus } | { ok: false; problem: string };

/**
 * Records a decision. A question is emailed to the member, without the words (they may be personal):
 * the email says to look in the portal. A repeat of the same press sends nothing more.
 */
export async function decideClaim(
	db: SupabaseClient,
	claimId: number,
	decision: Decision,
	message: string | null,
	requestKey: string
): Promise<DecideResult> {
	const { data, error } = await db.rpc('decide_claim', {
		claim: claimId,
		decision,
		message,
		request_key: requestKey
	});
	if (error) {
		const key = Object.keys(DECISION_PROBLEMS).find((k) => error.message.includes(k));
		if (key) return { ok: false, problem: DECISION_PROBLEMS[key]! };
		fail('Deciding the claim', error);
	}
	const status = (data as { status: ClaimStatus }).status;
	if (status === 'query') {
		// Only the first of several presses with this key is told to send the email.
		const { data: due, error: dueError } = await db.rpc('claim_question_email_due', {
			claim: claimId,
			request_key: requestKey
		});
		if (dueError) fail('Emailing the question', dueError);
		if (due === true) {
			const { data: member, error: memberError } = await db
				.from('profiles')
				.select('email, preferred_name, full_name, display_settings')
				.eq('id', (data as { member_id: string }).member_id)
				.single();
			if (memberError) fail('Emailing the question', memberError);
			await emailQuestion(member, (data as { reference: string }).reference, claimId);
		}
	}
	return { ok: true, status };
}

async function emailQuestion(
	member: { email: string; preferred_name: string | null; full_name: string; display_settings?: unknown },
	reference: string,
	claimId: number
): Promise<void> {
	const locale = emailLanguage(member.display_settings);
	try {
		await sendMail(
			inLanguage(locale, () =>
				letter(locale, {
					to: member.email,
					subject: m.mail_claim_question_subject(),
					text:
						[
							m.mail_hello({ name: member.preferred_name ?? member.full_name }),
							`${m.mail_claim_question_text({ reference })}\n${config.origin}/my/claims/${claimId}`,
							m.mail_claim_question_help(),
							m.mail_sign_team_short()
						].join('\n\n') + '\n'
				})
			)
		);
	} catch (e) {
		// The question is saved and shows on the member's claim; the email is only a nudge.
		console.error('Claim question email not sent', e);
	}
}

/** An adjustment agreed for what a claim is for, as staff who arrange adjustments see it. */
export interface AgreedAdjustment {
	itemId: number;
	category: string;
	/** The item in plain words, e.g. "Taxi to and from the meeting". */
	lines: string[];
	status: AdjustmentStatus;
	arranged: string | null;
	wholeOpportunity: boolean;
}

/**
 * The adjustments agreed for the claim's meeting (or all the opportunity's meetings), so a taxi or a
 * personal assistant claimed can be checked. Only for staff who arrange adjustments: others get
 * null and never reach the function. Each read is audited in the database (via 'claim').
 */
export async function agreedAdjustmentsFor(
	db: SupabaseClient,
	user: SessionUser | null,
	claim: number
): Promise<AgreedAdjustment[] | null> {
	if (!hasPermission(user, 'arrange_adjustments')) return null;
	const { data, error } = await db.rpc('staff_claim_adjustments', { claim });
	if (error) fail('Loading the adjustments agreed for a claim', error);
	return (
		(data ?? []) as {
			item_id: number;
			category: Category;
			options: AccessOption[];
			status: AdjustmentStatus;
			decision_note: string | null;
			arranged_what: string | null;
			arranged_when: string | null;
			whole_opportunity: boolean;
		}[]
	).map((r) => ({
		itemId: r.item_id,
		category: CATEGORY_INFO[r.category]?.label ?? r.category,
		lines: [r.options.map((o) => OPTIONS[o] ?? o).join(', '), r.decision_note ?? ''].filter(Boolean),
		status: r.status,
		arranged: r.arranged_what ? [r.arranged_what, r.arranged_when].filter(Boolean).join(', ') : null,
		wholeOpportunity: r.whole_opportunity
	}));
}
