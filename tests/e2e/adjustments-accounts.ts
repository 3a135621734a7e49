// The people the staff side of adjustments uses in browser tests: one set per project, so the phone
// and desktop runs never sign in as the same person (see supabase/seeds/21_adjustments_staff.sql).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
export const STAFF_ACCOUNTS = {
	phone: {
		member: 'vikram.rao@example.org',
		staff: 'dafydd.morris@example.org',
		admin: 'anwen.davies@example.org'
	},
	desktop: {
		member: 'luis.fernandes@example.org',
		staff: 'hannah.okoro@example.org',
		admin: 'gethin.lewis@example.org'
	}
} as const;

/** Staff who add meetings (any staff may), in the meetings journey only. */
export const MEETING_STAFF = {
	phone: 'ffion.rowlands@example.org',
	desktop: 'tomos.bevan@example.org'
} as const;

/** Staff without the permission to arrange adjustments (used by the desktop run only). */
export const STAFF_WITHOUT_PERMISSION = 'selin.aydin@example.org';

// A member's own view through the API, with their own JWT (Row Level Security decides, as for their pages).

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the browser tests with "npm run test:e2e".`);
	return value;
}

function serviceDb(): SupabaseClient {
	return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), options);
}

export async function asMember(email: string): Promise<{ id: string; db: SupabaseClient }> {
	const { data, error } = await serviceDb().from('profiles').select('id').eq('email', email).single();
	if (error) throw new Error(`No member ${email}: ${error.message}`);
	const id = (data as { id: string }).id;
	const token = new SignJWT({ role: 'authenticated', app_role: 'member', aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(id)
		.setIssuedAt()
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(env('SUPABASE_JWT_SECRET')));
	return {
		id,
		db: createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), { ...options, accessToken: () => token })
	};
}

/** The id of an opportunity's meeting, by their titles. */
export async function meetingId(
	opportunityLike: string,
	title: string
): Promise<{ opportunity: number; meeting: number }> {
	const { data, error } = await serviceDb()
		.from('meetings')
		.select('id, opportunity_id, opportunities!inner (title)')
		.like('opportunities.title', opportunityLike)
		.eq('title', title)
		.single();
	if (error) throw new Error(`No meeting ${title}: ${error.message}`);
	const m = data as { id: number; opportunity_id: number };
	return { opportunity: m.opportunity_id, meeting: m.id };
}
