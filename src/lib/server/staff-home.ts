// The staff home page's "work waiting": each count with the queue it links to. A count that needs
// a permission is asked for only for staff who hold it (the database refuses the others anyway).
// Every count names no member, so none of them is an audited read.
import type { SupabaseClient } from '@supabase/supabase-js';
import { hasPermission, type SessionUser } from './auth/session';
import { countWaiting } from './review';
import { staffCounts, type StaffCounts } from './adjustments-staff';
import { countClaimsToApprove } from './claims-staff';
import { countRunsToMake } from './payment-runs';
import { countWaitingDeletions } from './data-rights';
import { eventCounts } from './bookings';
import { fail } from './db/fail';

export interface WorkWaiting {
	applications: number;
	/** Null for staff who do not arrange adjustments. */
	adjustments: (StaffCounts & { changed: number }) | null;
	claims: number;
	/** Null for staff without the finance permission. */
	runs: { toMake: number; unpaid: number } | null;
	deletions: number;
	reports: number;
	termsEnding: { count: number; days: number };
	events: { events_this_week: number; attendance_to_mark: number };
}

async function accessNeedChanges(db: SupabaseClient): Promise<number> {
	const { data, error } = await db.rpc('staff_access_need_changes');
	if (error) fail('Access need changes', error);
	return data as number;
}

async function countReports(db: SupabaseClient): Promise<number> {
	const { count, error } = await db
		.from('accessibility_reports')
		.select('id', { count: 'exact', head: true });
	if (error) fail('Counting accessibility reports', error);
	return count ?? 0;
}

const ukToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

async function termsEnding(db: SupabaseClient): Promise<{ count: number; days: number }> {
	const { data: settings, error } = await db.from('data_settings').select('term_reminder_days').single();
	if (error) fail('Settings', error);
	const days = (settings as { term_reminder_days: number }).term_reminder_days;
	const today = ukToday();
	const until = new Date(`${today}T12:00:00Z`);
	until.setUTCDate(until.getUTCDate() + days);
	const { count, error: countError } = await db
		.from('involvements')
		.select(
			'id, opportunity:opportunities!inner (type), member:profiles!involvements_member_id_fkey!inner (status)',
			{
				count: 'exact',
				head: true
			}
		)
		.eq('opportunity.type', 'steering_group_role')
		.neq('member.status', 'left')
		.gte('ends_on', today)
		.lte('ends_on', until.toISOString().slice(0, 10));
	if (countError) fail('Counting terms ending', countError);
	return { count: count ?? 0, days };
}

export async function workWaiting(db: SupabaseClient, user: SessionUser): Promise<WorkWaiting> {
	const arranges = hasPermission(user, 'arrange_adjustments');
	const finance = hasPermission(user, 'finance');
	const [applications, adjustments, changed, claims, runs, deletions, reports, terms, events] =
		await Promise.all([
			countWaiting(db),
			arranges ? staffCounts(db) : Promise.resolve(null),
			arranges ? accessNeedChanges(db) : Promise.resolve(0),
			countClaimsToApprove(db),
			finance ? countRunsToMake(db) : Promise.resolve(null),
			countWaitingDeletions(db),
			countReports(db),
			termsEnding(db),
			eventCounts(db)
		]);
	return {
		applications,
		adjustments: adjustments ? { ...adjustments, changed } : null,
		claims,
		runs,
		deletions,
		reports,
		termsEnding: terms,
		events
	};
}
