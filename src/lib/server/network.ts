// The network, for staff: the members directory, one member's page, pausing and marking as left,
// co-opted members, the steering group roster and the reminder before terms end.
//
// Lived experience and access needs are special-category data: staff read them only through
// database functions that write the audit row in the same call (staff_lived_experience,
// staff_member_access_needs, and the directory when filtered by lived experience).
import type { SupabaseClient } from '@supabase/supabase-js';
import { fail } from './db/fail';
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';
import { searchText } from '$lib/validation/form';

export { LIVED_EXPERIENCE, REGIONS };

export const MEMBER_STATUSES = {
	invited: 'Invited',
	active: 'Active',
	paused: 'Paused',
	left: 'Left'
} as const;
export type MemberStatus = keyof typeof MEMBER_STATUSES;

export const LAST_INVOLVED = {
	year: 'In the last 12 months',
	over_year: 'More than 12 months ago',
	never: 'Never'
} as const;

export interface DirectoryFilters {
	q: string;
	interest: string;
	region: string;
	lived: string;
	status: string;
	last: string;
}

export interface DirectoryRow {
	id: string;
	full_name: string;
	preferred_name: string | null;
	email: string;
	role: 'member' | 'staff' | 'admin';
	status: MemberStatus;
	region: string | null;
	interests: string[];
	co_opted: boolean;
	last_involved_on: string | null;
}

const clean = (s: string | null, max = 100) => (s ?? '').trim().slice(0, max);

/** The filters from the address, each checked against what it may be. */
export function directoryFilters(params: URLSearchParams): DirectoryFilters {
	const status = clean(params.get('status'));
	const last = clean(params.get('last'));
	const lived = clean(params.get('lived'));
	const region = clean(params.get('region'));
	return {
		q: searchText(params)
			.replace(/[%_\\]/g, ' ')
			.trim(),
		interest: searchText(params, 'interest', 60),
		region: (REGIONS as readonly string[]).includes(region) ? region : '',
		lived: (LIVED_EXPERIENCE as readonly string[]).includes(lived) ? lived : '',
		status: Object.hasOwn(MEMBER_STATUSES, status) ? status : '',
		last: Object.hasOwn(LAST_INVOLVED, last) ? last : ''
	};
}

/** The directory. RPC: staff only; a lived experience filter writes an audit row per member listed. */
export async function findMembers(db: SupabaseClient, f: DirectoryFilters): Promise<DirectoryRow[]> {
	const { data, error } = await db.rpc('staff_member_directory', {
		q: f.q || null,
		interest: f.interest || null,
		region_is: f.region || null,
		lived: f.lived || null,
		status_is: f.status || null,
		last_involved: f.last || null
	});
	if (error) fail('Members directory', error);
	return data as DirectoryRow[];
}

export interface MemberRecord {
	profile: DirectoryRow & {
		pronouns: string | null;
		phone: string | null;
		created_at: string;
		deleted_at: string | null;
	};
	involvements: {
		id: number;
		role: string;
		starts_on: string | null;
		ends_on: string | null;
		opportunity: { id: number; title: string; type: string };
	}[];
	applications: {
		id: number;
		status: string;
		submitted_at: string | null;
		opportunity: { id: number; title: string };
	}[];
	/** Only for staff with the finance permission; null for others. */
	claims:
		| {
				id: number;
				reference: string;
				status: string;
				activity_on: string;
				total_pence: number;
		  }[]
		| null;
}

/** One member's page: their profile, involvements, applications and (for finance) claims. No special-category data. */
export async function memberRecord(
	db: SupabaseClient,
	id: string,
	withClaims: boolean
): Promise<MemberRecord | null> {
	const { data: profile, error } = await db
		.from('profiles')
		.select(
			'id, full_name, preferred_name, email, role, status, region, interests, co_opted, pronouns, phone, created_at, deleted_at'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Member', error);
	if (!profile) return null;
	const [involvements, applications, claims] = await Promise.all([
		db
			.from('involvements')
			.select('id, role, starts_on, ends_on, opportunity:opportunities (id, title, type)')
			.eq('member_id', id)
			.order('starts_on', { ascending: false, nullsFirst: false }),
		db
			.from('applications')
			.select('id, status, submitted_at, opportunity:opportunities (id, title)')
			.eq('member_id', id)
			.order('submitted_at', { ascending: false }),
		withClaims
			? db
					.from('claims')
					.select('id, reference, status, activity_on, total_pence')
					.eq('member_id', id)
					.neq('status', 'draft')
					.order('activity_on', { ascending: false })
			: Promise.resolve({ data: null, error: null })
	]);
	if (involvements.error) fail('Member involvements', involvements.error);
	if (applications.error) fail('Member applications', applications.error);
	if (claims.error) fail('Member claims', claims.error);
	const lastInvolved =
		(involvements.data as unknown as MemberRecord['involvements'])
			.filter((i) => !i.starts_on || i.starts_on <= today())
			.map((i) => (i.ends_on && i.ends_on < today() ? i.ends_on : today()))
			.sort()
			.at(-1) ?? null;
	return {
		profile: { ...(profile as MemberRecord['profile']), last_involved_on: lastInvolved },
		involvements: involvements.data as unknown as MemberRecord['involvements'],
		applications: applications.data as unknown as MemberRecord['applications'],
		claims: claims.data as MemberRecord['claims']
	};
}

function today(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** Audited read of a member's lived experience. */
export async function readLivedExperience(db: SupabaseClient, member: string): Promise<string[]> {
	const { data, error } = await db.rpc('staff_lived_experience', { member });
	if (error) fail('Lived experience', error);
	return data as string[];
}

export type AccessNeedsRead =
	| { ok: true; needs: { updated_at: string; items: Record<string, unknown>[] } | null }
	| { ok: false; reason: 'not_shared' | 'not_allowed' };

/** Audited read of a member's access needs (staff who arrange adjustments). */
export async function readAccessNeeds(db: SupabaseClient, member: string): Promise<AccessNeedsRead> {
	const { data, error } = await db.rpc('staff_member_access_needs', { member });
	if (error?.message === 'not_shared' || error?.message === 'not_allowed')
		return { ok: false, reason: error.message };
	if (error) fail('Access needs', error);
	return { ok: true, needs: data as { updated_at: string; items: Record<string, unknown>[] } | null };
}

export async function setStatus(
	db: SupabaseClient,
	member: string,
	status: 'active' | 'paused' | 'left'
): Promise<{ ok: true } | { ok: false; reason: string }> {
	const { error } = await db.rpc('staff_set_member_status', { member, new_status: status });
	if (error && ['not_allowed', 'not_found', 'wrong_status'].includes(error.message))
		return { ok: false, reason: error.message };
	if (error) fail('Changing status', error);
	return { ok: true };
}

export async function setCoOpted(db: SupabaseClient, member: string, coOpted: boolean): Promise<void> {
	const { error } = await db.rpc('staff_set_co_opted', { member, co_opted: coOpted });
	if (error) fail('Co-opted', error);
}

export interface RosterRow {
	id: number;
	role: string;
	starts_on: string | null;
	ends_on: string | null;
	member: { id: string; full_name: string; co_opted: boolean; status: MemberStatus };
}

/** The steering group now: every steering group involvement whose term has not ended, soonest end first. */
export async function steeringRoster(db: SupabaseClient): Promise<RosterRow[]> {
	const { data, error } = await db
		.from('involvements')
		.select(
			'id, role, starts_on, ends_on, member:profiles!involvements_member_id_fkey!inner (id, full_name, co_opted, status), opportunity:opportunities!inner (type)'
		)
		.eq('opportunity.type', 'steering_group_role')
		.neq('member.status', 'left')
		.or(`ends_on.is.null,ends_on.gte.${today()}`)
		.order('ends_on', { ascending: true, nullsFirst: false });
	if (error) fail('Steering group', error);
	return (data as unknown as (RosterRow & { opportunity: unknown })[]).map(
		({ opportunity: _o, ...row }) => row
	);
}

export async function setTerm(
	db: SupabaseClient,
	involvement: number,
	starts: string,
	ends: string
): Promise<{ ok: true } | { ok: false; reason: string }> {
	const { error } = await db.rpc('staff_set_term', { involvement, starts, ends });
	if (error && ['dates_out_of_order', 'not_found', 'not_allowed'].includes(error.message))
		return { ok: false, reason: error.message };
	if (error) fail('Setting the term', error);
	return { ok: true };
}

export async function reminderDays(db: SupabaseClient): Promise<number> {
	const { data, error } = await db.from('data_settings').select('term_reminder_days').single();
	if (error) fail('Settings', error);
	return (data as { term_reminder_days: number }).term_reminder_days;
}

/** Members and staff by name, for the audit log's filters (deleted members are left out: they have no name). */
export async function auditPeople(
	db: SupabaseClient
): Promise<{ members: Record<string, string>; staff: Record<string, string> }> {
	const { data, error } = await db
		.from('profiles')
		.select('id, full_name, email, role')
		.is('deleted_at', null)
		.order('full_name')
		.limit(2000);
	if (error) fail('People', error);
	const rows = data as { id: string; full_name: string; email: string; role: string }[];
	const label = (r: { full_name: string; email: string }) => `${r.full_name} (${r.email})`;
	return {
		members: Object.fromEntries(rows.filter((r) => r.role === 'member').map((r) => [r.id, label(r)])),
		staff: Object.fromEntries(rows.filter((r) => r.role !== 'member').map((r) => [r.id, label(r)]))
	};
}
