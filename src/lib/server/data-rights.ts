// Members' data rights: downloading everything held about them, asking to be deleted, an admin
// carrying the deletion out (with a plain-words email of what was removed and what is kept, and
// until when), the retention settings, and the scheduled job that applies them.
import type { SupabaseClient } from '@supabase/supabase-js';
import { fail } from './db/fail';
import { serviceClient } from './db/service';
import type { Message } from './mail';

/**
 * Everything held about the signed-in member, their rows only: my_data() (profile, applications,
 * access needs, claims…), my_matching_data() (what they shared for matching, invitations, ideas) and
 * my_activity_data() (bookings, and the feedback they gave with their name).
 */
export async function myData(db: SupabaseClient): Promise<Record<string, unknown>> {
	const parts = await Promise.all(['my_data', 'my_matching_data', 'my_activity_data'].map((f) => db.rpc(f)));
	const all: Record<string, unknown> = {};
	for (const { data, error } of parts) {
		if (error) fail('Your data', error);
		Object.assign(all, data as Record<string, unknown>);
	}
	return all;
}

export interface DeletionRequest {
	id: number;
	member_id: string;
	status: 'waiting' | 'done' | 'cancelled';
	requested_at: string;
	carried_out_at: string | null;
	payment_records_kept_until: string | null;
}

/** The signed-in member's waiting request, if any. */
export async function myWaitingRequest(db: SupabaseClient, me: string): Promise<DeletionRequest | null> {
	const { data, error } = await db
		.from('deletion_requests')
		.select('id, member_id, status, requested_at, carried_out_at, payment_records_kept_until')
		.eq('member_id', me)
		.eq('status', 'waiting')
		.maybeSingle();
	if (error) fail('Deletion request', error);
	return data as DeletionRequest | null;
}

export async function askToBeDeleted(db: SupabaseClient, requestKey: string): Promise<number> {
	const { data, error } = await db.rpc('ask_to_be_deleted', { request_key: requestKey });
	if (error) fail('Asking to be deleted', error);
	return data as number;
}

export async function cancelDeletion(db: SupabaseClient): Promise<void> {
	const { error } = await db.rpc('cancel_deletion_request');
	if (error) fail('Cancelling the deletion request', error);
}

export interface QueueRow extends DeletionRequest {
	member: { full_name: string; email: string; deleted_at: string | null };
}

/** Requests for staff: waiting ones first (oldest first), then the last done. RLS: staff. */
export async function deletionQueue(db: SupabaseClient): Promise<{ waiting: QueueRow[]; done: QueueRow[] }> {
	const select =
		'id, member_id, status, requested_at, carried_out_at, payment_records_kept_until, member:profiles!deletion_requests_member_id_fkey (full_name, email, deleted_at)';
	const [waiting, done] = await Promise.all([
		db.from('deletion_requests').select(select).eq('status', 'waiting').order('requested_at'),
		db
			.from('deletion_requests')
			.select(select)
			.eq('status', 'done')
			.order('carried_out_at', { ascending: false })
			.limit(20)
	]);
	if (waiting.error) fail('Deletion requests', waiting.error);
	if (done.error) fail('Deletion requests', done.error);
	return { waiting: waiting.data as unknown as QueueRow[], done: done.data as unknown as QueueRow[] };
}

export async function countWaitingDeletions(db: SupabaseClient): Promise<number> {
	const { count, error } = await db
		.from('deletion_requests')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'waiting');
	if (error) fail('Counting deletion requests', error);
	return count ?? 0;
}

export async function deletionRequest(db: SupabaseClient, id: number): Promise<QueueRow | null> {
	const { data, error } = await db
		.from('deletion_requests')
		.select(
			'id, member_id, status, requested_at, carried_out_at, payment_records_kept_until, member:profiles!deletion_requests_member_id_fkey (full_name, email, deleted_at)'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Deletion request', error);
	return data as unknown as QueueRow | null;
}

export interface DeletionOutcome {
	email: string;
	name: string;
	removed: Record<string, number>;
	kept: { involvements: number; adjustment_requests: number; claims: number };
	payment_records_kept_until: string | null;
}

export type CarryOutResult = { ok: true; outcome: DeletionOutcome } | { ok: false; reason: string };

/** An admin carries out a request (carry_out_deletion(): one transaction). */
export async function carryOutDeletion(db: SupabaseClient, id: number): Promise<CarryOutResult> {
	const { data, error } = await db.rpc('carry_out_deletion', { request: id });
	if (error && ['not_allowed', 'not_found', 'wrong_status'].includes(error.message))
		return { ok: false, reason: error.message };
	if (error) fail('Deleting', error);
	return { ok: true, outcome: data as DeletionOutcome };
}

const longDate = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/** The plain-words email confirming what was removed and what is kept, and until when. */
export function deletionEmail(outcome: DeletionOutcome): Message {
	const kept: string[] = [];
	if (outcome.kept.involvements > 0)
		kept.push(
			'- That someone took part in our activities, with no name or contact details. We count these to report on our work each year.'
		);
	if (outcome.kept.adjustment_requests > 0)
		kept.push(
			'- What adjustments were arranged and what they cost, with no name and none of the words you or we wrote about them.'
		);
	if (outcome.payment_records_kept_until)
		kept.push(
			`- Your payment records (claims, what we paid and when), with your name, because the law says we must keep them. We will remove your name and the details from them on ${longDate(outcome.payment_records_kept_until)}.`
		);
	return {
		to: outcome.email,
		subject: 'We have deleted your information from Together',
		text:
			`Hello ${outcome.name},\n\n` +
			'You asked us to delete your information. We have done this today.\n\n' +
			'What we removed:\n' +
			'- Your name, email address, phone number and everything else on your profile.\n' +
			'- Your access needs and what you told us about your lived experience.\n' +
			'- Your applications and your answers.\n' +
			'- The opportunities you saved, and your display settings.\n' +
			'- Your bank details.\n' +
			'- Files you sent us, except receipts for claims we paid.\n\n' +
			(kept.length
				? 'What we keep:\n' + kept.join('\n') + '\n\n'
				: 'We keep nothing that could tell anyone who you are.\n\n') +
			'You can no longer sign in to Together. If you want to take part again, you are very welcome: ask us to invite you.\n\n' +
			'If you have questions, call us on 0161 000 0000.\n\nThe co-production team\n'
	};
}

export interface DataSettings {
	payment_records_years: number;
	audit_log_years: number;
	term_reminder_days: number;
	guest_booking_months: number;
	updated_at: string;
}

export async function dataSettings(db: SupabaseClient): Promise<DataSettings> {
	const { data, error } = await db
		.from('data_settings')
		.select('payment_records_years, audit_log_years, term_reminder_days, guest_booking_months, updated_at')
		.single();
	if (error) fail('Data settings', error);
	return data as DataSettings;
}

export async function saveDataSettings(
	db: SupabaseClient,
	me: string,
	changes: Pick<
		DataSettings,
		'payment_records_years' | 'audit_log_years' | 'term_reminder_days' | 'guest_booking_months'
	>
): Promise<void> {
	const { data, error } = await db
		.from('data_settings')
		.update({ ...changes, updated_by: me })
		.eq('id', true)
		.select('id');
	if (error) fail('Saving data settings', error);
	if ((data as unknown[]).length !== 1) throw new Error('Saving data settings: no row was changed');
}

export interface RetentionResult {
	payment_records_anonymised: number;
	receipts_removed: number;
	audit_rows_removed: number;
	guest_bookings_anonymised: number;
}

/** The scheduled job's part: apply the retention periods (service role; see docs/data-rights.md). */
export async function applyRetention(today?: string): Promise<RetentionResult> {
	const { data, error } = await serviceClient().rpc('apply_retention', today ? { today } : {});
	if (error) fail('Applying retention periods', error);
	return data as RetentionResult;
}
