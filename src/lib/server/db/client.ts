// supabase-js acting as the visitor. Signed-in people get a JWT minted for this request
// (role authenticated, sub = their id, app_role), so PostgREST runs every query as them and
// Row Level Security decides what they may read and write.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { config } from '../config';

const JWT_MINUTES = 5;

export interface JwtSubject {
	id: string;
	role: 'member' | 'staff' | 'admin';
}

export async function mintAccessToken(subject: JwtSubject, now = new Date()): Promise<string> {
	const iat = Math.floor(now.getTime() / 1000);
	return new SignJWT({ role: 'authenticated', app_role: subject.role, aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(subject.id)
		.setIssuer('together')
		.setIssuedAt(iat)
		.setExpirationTime(iat + JWT_MINUTES * 60)
		.sign(new TextEncoder().encode(config.jwtSecret));
}

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anonClient(): SupabaseClient {
	return createClient(config.supabaseUrl, config.anonKey, options);
}

export function userClient(subject: JwtSubject): SupabaseClient {
	let token: Promise<string> | undefined;
	return createClient(config.supabaseUrl, config.anonKey, {
		...options,
		// Minted on first use and reused for the rest of the request.
		accessToken: () => (token ??= mintAccessToken(subject))
	});
}
