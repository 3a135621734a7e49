// supabase-js acting as the visitor. Signed-in people get a JWT minted for this request
// (role authenticated, sub = their id, app_role), so PostgREST runs every query as them and
// Row Level Security decides what they may read and write.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { config } from '../config';

const JWT_MINUTES = 5;

export interface JwtSubject {
	id: string;
	role: 'member' | 'staff' | 'admin';
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** The signing key, imported once for each secret (config reads the setting at run time). */
let key: { secret: string; object: KeyObject } | undefined;

function signingKey(): KeyObject {
	const secret = config.jwtSecret;
	if (key?.secret !== secret) key = { secret, object: createSecretKey(Buffer.from(secret, 'utf8')) };
	return key.object;
}

/**
 * An HS256 JWT for this person (RFC 7519), signed with node:crypto's HMAC: the same token a JOSE
 * library makes, at a small part of the cost (it runs on every signed-in request).
 */
export async function mintAccessToken(subject: JwtSubject, now = new Date()): Promise<string> {
	const iat = Math.floor(now.getTime() / 1000);
	const payload = Buffer.from(
		JSON.stringify({
			role: 'authenticated',
			app_role: subject.role,
			aud: 'authenticated',
			sub: subject.id,
			iss: 'together',
			iat,
			exp: iat + JWT_MINUTES * 60
		})
	).toString('base64url');
	const signature = createHmac('sha256', signingKey()).update(`${HEADER}.${payload}`).digest('base64url');
	return `${HEADER}.${payload}.${signature}`;
}

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/**
 * The one client for visitors who are not signed in: it holds only the public API key and never a
 * session (nothing calls its auth), so every such request can share it rather than build its own.
 */
let anon: { url: string; key: string; client: SupabaseClient } | undefined;

export function anonClient(): SupabaseClient {
	const url = config.supabaseUrl;
	const anonKey = config.anonKey;
	if (anon?.url !== url || anon.key !== anonKey)
		anon = { url, key: anonKey, client: createClient(url, anonKey, options) };
	return anon.client;
}

export function userClient(subject: JwtSubject): SupabaseClient {
	let token: Promise<string> | undefined;
	return createClient(config.supabaseUrl, config.anonKey, {
		...options,
		// Minted on first use and reused for the rest of the request.
		accessToken: () => (token ??= mintAccessToken(subject))
	});
}
