// The jargon list the easy-read checker warns about. Staff read it (RLS); admins change it.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Jargon } from '$lib/easy-read-check';
import { fail } from './db/fail';

export interface JargonRow extends Jargon {
	id: number;
}

export async function listJargon(db: SupabaseClient): Promise<JargonRow[]> {
	const { data, error } = await db.from('easy_read_jargon').select('id, word, instead').order('word');
	if (error) fail('Jargon list', error);
	return data as JargonRow[];
}

/** Adds a word (or changes what to say instead, if it is there already). False when not allowed. */
export async function addJargon(db: SupabaseClient, word: string, instead: string): Promise<boolean> {
	const { data, error } = await db
		.from('easy_read_jargon')
		.upsert({ word: word.trim().toLowerCase(), instead: instead.trim() }, { onConflict: 'word' })
		.select('id');
	if (error?.code === '42501') return false;
	if (error) fail('Adding jargon', error);
	return (data?.length ?? 0) > 0;
}

export async function removeJargon(db: SupabaseClient, id: number): Promise<boolean> {
	const { data, error } = await db.from('easy_read_jargon').delete().eq('id', id).select('id');
	if (error) fail('Removing jargon', error);
	return (data?.length ?? 0) > 0;
}
