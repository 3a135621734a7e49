// Members' data rights: downloading everything held about them, asking to be deleted, an admin
// carrying the deletion out (with a plain-words email of what was removed and what is kept, and
// until when), the retention settings, and the scheduled job that applies them.
import type { SupabaseClient } from '@supabase/supabase-js';
import { fail } from './db/fail';
import { serviceClient } from './db/service';
import type { Message } from './mail';
import { inLanguage, letter } from './mail/language';
import { welshDate } from '$lib/i18n/date-words';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';

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

/** "5 April 2032", or in Welsh "5 Ebrill 2032". */
const longDate = (iso: string, locale: Locale) => {
	const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
	if (locale === 'cy') return welshDate(date);
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
};

/**
 * The plain-words email confirming what was removed and what is kept, and until when, in the
 * member's language (read before their display settings were deleted).
 */
export function deletionEmail(outcome: DeletionOutcome, locale: Locale = 'en'): Message {
	return inLanguage(locale, () => {
		const kept: string[] = [];
		if (outcome.kept.involvements > 0) kept.push(m.mail_del_kept_involvements());
		if (outcome.kept.adjustment_requests > 0) kept.push(m.mail_del_kept_adjustments());
		if (outcome.payment_records_kept_until)
			kept.push(m.mail_del_kept_payments({ date: longDate(outcome.payment_records_kept_until, locale) }));
		const removed = [
			m.mail_del_removed(),
			m.mail_del_removed_profile(),
			m.mail_del_removed_needs(),
			m.mail_del_removed_applications(),
			m.mail_del_removed_saved(),
			m.mail_del_removed_bank(),
			m.mail_del_removed_files()
		];
		return letter(locale, {
			to: outcome.email,
			subject: m.mail_del_subject(),
			text:
				[
					m.mail_hello({ name: outcome.name }),
					m.mail_del_done(),
					removed.join('\n'),
					kept.length ? [m.mail_del_kept(), ...kept].join('\n') : m.mail_del_kept_nothing(),
					m.mail_del_no_sign_in(),
					m.mail_call_questions(),
					m.mail_sign_team_short()
				].join('\n\n') + '\n'
		});
	});
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
