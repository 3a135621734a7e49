// Saved opportunities: a member's own bookmarks. Queries run as the member, so RLS keeps them private.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Opportunity } from '$lib/opportunities';
import { fail } from './db/fail';

export interface SavedOpportunity {
	saved_at: string;
	opportunity: Opportunity;
}

export async function listSaved(db: SupabaseClient): Promise<SavedOpportunity[]> {
	const { data, error } = await db
		.from('saved_opportunities')
		.select('saved_at, opportunity:opportunities (*)')
		.order('saved_at', { ascending: false });
	if (error) fail('Saved opportunities', error);
	// An opportunity taken back to draft is no longer visible, so it drops out of the list.
	return (data as unknown as { saved_at: string; opportunity: Opportunity | null }[]).filter(
		(row): row is SavedOpportunity => row.opportunity !== null
	);
}

/** Saving twice is the same as saving once. */
export async function save(db: SupabaseClient, memberId: string, opportunityId: number): Promise<void> {
	const { error } = await db
		.from('saved_opportunities')
		.upsert({ member_id: memberId, opportunity_id: opportunityId }, { ignoreDuplicates: true });
	if (error) fail('Saving the opportunity', error);
}

export async function unsave(db: SupabaseClient, opportunityId: number): Promise<void> {
	const { error } = await db.from('saved_opportunities').delete().eq('opportunity_id', opportunityId);
	if (error) fail('Removing the saved opportunity', error);
}
