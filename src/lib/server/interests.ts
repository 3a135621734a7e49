// What a member hears about (topics, kinds of opportunity, how often). Read and changed as the
// member (RLS: their own row only; the columns they may change are granted in the schema).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { OpportunityType } from '$lib/opportunities';
import type { InterestsInput, NotifyRhythm } from '$lib/validation/interests';
import { fail } from './db/fail';

export interface Interests {
	email: string;
	topics: string[];
	types: OpportunityType[];
	rhythm: NotifyRhythm;
}

export async function getInterests(db: SupabaseClient, memberId: string): Promise<Interests | null> {
	const { data, error } = await db
		.from('profiles')
		.select('email, interests, interest_types, notify_rhythm')
		.eq('id', memberId)
		.maybeSingle();
	if (error) fail('What you hear about', error);
	if (!data) return null;
	const row = data as {
		email: string;
		interests: string[];
		interest_types: OpportunityType[];
		notify_rhythm: NotifyRhythm;
	};
	return { email: row.email, topics: row.interests, types: row.interest_types, rhythm: row.notify_rhythm };
}

export async function saveInterests(
	db: SupabaseClient,
	memberId: string,
	input: InterestsInput
): Promise<void> {
	const { data, error } = await db
		.from('profiles')
		.update({ interests: input.topics, interest_types: input.types, notify_rhythm: input.rhythm })
		.eq('id', memberId)
		.select('id');
	if (error) fail('Saving what you hear about', error);
	if ((data as unknown[]).length !== 1) throw new Error('Saving what you hear about: no row was changed');
}

/** Changes only how often the member is emailed. False if there is no such member. */
export async function setRhythm(
	db: SupabaseClient,
	memberId: string,
	rhythm: NotifyRhythm
): Promise<boolean> {
	const { data, error } = await db
		.from('profiles')
		.update({ notify_rhythm: rhythm })
		.eq('id', memberId)
		.select('id');
	if (error) fail('Changing how often we email you', error);
	return (data as unknown[]).length === 1;
}
