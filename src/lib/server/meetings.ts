// The dated meetings of an opportunity. Staff add, change and remove them (Row Level Security lets
// only staff write); anyone reads those of published and closed opportunities. The joining link is
// not readable from the table: it comes from meeting_joining_link(), which gives it only to staff
// and to the people taking part.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { LocationType } from '$lib/opportunities';
import type { MeetingInput } from '$lib/validation/meeting';
import { fail } from './db/fail';

export interface Meeting {
	id: number;
	opportunity_id: number;
	title: string;
	starts_at: string;
	ends_at: string;
	location_type: LocationType;
	place: string | null;
	step_free: boolean | null;
	hearing_loop: boolean | null;
	accessible_toilet: boolean | null;
	quiet_room: boolean | null;
	parking: boolean | null;
	access_notes: string | null;
	/** Only for staff and the people taking part; null otherwise, or when there is none. */
	joining_link: string | null;
}

// Every column but the joining link, which is not granted.
export const MEETING_COLUMNS =
	'id, opportunity_id, title, starts_at, ends_at, location_type, place, step_free, hearing_loop, accessible_toilet, quiet_room, parking, access_notes';

/** Meetings with their joining links, asked for only when `links` (someone is signed in). */
export async function withLinks(db: SupabaseClient, rows: Omit<Meeting, 'joining_link'>[], links: boolean) {
	if (!links) return rows.map((m) => ({ ...m, joining_link: null }));
	return Promise.all(
		rows.map(async (m) => {
			if (m.location_type === 'in_person') return { ...m, joining_link: null };
			const { data, error } = await db.rpc('meeting_joining_link', { meeting: m.id });
			if (error) fail('Joining link', error);
			return { ...m, joining_link: (data as string | null) ?? null };
		})
	);
}

export async function countMeetings(db: SupabaseClient, opportunityId: number): Promise<number> {
	const { count, error } = await db
		.from('meetings')
		.select('id', { count: 'exact', head: true })
		.eq('opportunity_id', opportunityId);
	if (error) fail('Meetings', error);
	return count ?? 0;
}

/** Every meeting of an opportunity, earliest first, with joining links (for staff). */
export async function listMeetings(db: SupabaseClient, opportunityId: number): Promise<Meeting[]> {
	const { data, error } = await db
		.from('meetings')
		.select(MEETING_COLUMNS)
		.eq('opportunity_id', opportunityId)
		.order('starts_at')
		.order('id');
	if (error) fail('Meetings', error);
	return withLinks(db, data as Omit<Meeting, 'joining_link'>[], true);
}

export async function getMeeting(
	db: SupabaseClient,
	opportunityId: number,
	id: number
): Promise<Meeting | null> {
	const { data, error } = await db
		.from('meetings')
		.select(MEETING_COLUMNS)
		.eq('opportunity_id', opportunityId)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Meeting', error);
	if (!data) return null;
	return (await withLinks(db, [data as Omit<Meeting, 'joining_link'>], true))[0]!;
}

/** The new meeting's id. */
export async function addMeeting(
	db: SupabaseClient,
	opportunityId: number,
	input: MeetingInput
): Promise<number> {
	const { data, error } = await db
		.from('meetings')
		.insert({ ...input, opportunity_id: opportunityId })
		.select('id')
		.single();
	if (error) fail('Add meeting', error);
	return (data as { id: number }).id;
}

/** False when there is no such meeting (or it may not be changed). */
export async function updateMeeting(
	db: SupabaseClient,
	opportunityId: number,
	id: number,
	input: MeetingInput
): Promise<boolean> {
	const { data, error } = await db
		.from('meetings')
		.update(input)
		.eq('opportunity_id', opportunityId)
		.eq('id', id)
		.select('id');
	if (error) fail('Change meeting', error);
	return (data ?? []).length > 0;
}

/** "in_use" when something else (such as an adjustment request) still refers to the meeting. */
export async function removeMeeting(
	db: SupabaseClient,
	opportunityId: number,
	id: number
): Promise<'removed' | 'missing' | 'in_use'> {
	const { data, error } = await db
		.from('meetings')
		.delete()
		.eq('opportunity_id', opportunityId)
		.eq('id', id)
		.select('id');
	if (error?.code === '23503') return 'in_use';
	if (error) fail('Remove meeting', error);
	return (data ?? []).length > 0 ? 'removed' : 'missing';
}
