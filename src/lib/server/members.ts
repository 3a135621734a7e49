// Members' profiles. A member reads and changes only their own (RLS); staff read all and invite.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ContactMethod } from '$lib/validation/profile';
import { fail } from './db/fail';

export interface Profile {
	id: string;
	email: string;
	full_name: string;
	preferred_name: string | null;
	pronouns: string | null;
	phone: string | null;
	contact_methods: ContactMethod[];
	interests: string[];
	role: 'member' | 'staff' | 'admin';
	status: 'invited' | 'active' | 'paused' | 'left';
	region: string | null;
	created_at: string;
}

// Topics (interests) are chosen on /my/notifications, with how often we email: see interests.ts.
export type ProfileChanges = Pick<
	Profile,
	'full_name' | 'preferred_name' | 'pronouns' | 'phone' | 'contact_methods' | 'region'
>;

/** The signed-in member's own lived experience (RLS: their own row only). */
export async function myLivedExperience(db: SupabaseClient, id: string): Promise<string[]> {
	const { data, error } = await db.from('lived_experience').select('tags').eq('member_id', id).maybeSingle();
	if (error) fail('Lived experience', error);
	return (data as { tags: string[] } | null)?.tags ?? [];
}

export async function saveLivedExperience(db: SupabaseClient, tags: string[]): Promise<void> {
	const { error } = await db.rpc('save_lived_experience', { tags });
	if (error) fail('Saving lived experience', error);
}

export async function getProfile(db: SupabaseClient, id: string): Promise<Profile | null> {
	const { data, error } = await db.from('profiles').select('*').eq('id', id).maybeSingle();
	if (error) fail('Profile', error);
	return data as Profile | null;
}

export async function updateProfile(db: SupabaseClient, id: string, changes: ProfileChanges): Promise<void> {
	const { data, error } = await db.from('profiles').update(changes).eq('id', id).select('id');
	if (error) fail('Saving your profile', error);
	if ((data as unknown[]).length !== 1) throw new Error('Saving your profile: no row was changed');
}

export async function listMembers(db: SupabaseClient, q = ''): Promise<Profile[]> {
	let query = db.from('profiles').select('*');
	if (q) {
		const safe = q.replace(/[%_,()*\\]/g, ' ').trim();
		if (safe)
			query = query.or(`full_name.ilike.*${safe}*,preferred_name.ilike.*${safe}*,email.ilike.*${safe}*`);
	}
	const { data, error } = await query.order('full_name').limit(500);
	if (error) fail('Members', error);
	return data as Profile[];
}

export type InviteResult = { ok: true; id: string } | { ok: false; reason: 'exists' };

export async function inviteMember(
	db: SupabaseClient,
	invite: { email: string; full_name: string },
	invitedBy: string
): Promise<InviteResult> {
	const { data, error } = await db
		.from('profiles')
		.insert({ email: invite.email, full_name: invite.full_name, status: 'invited', invited_by: invitedBy })
		.select('id')
		.single();
	if (error?.code === '23505') return { ok: false, reason: 'exists' };
	if (error) fail('Inviting', error);
	return { ok: true, id: (data as { id: string }).id };
}
