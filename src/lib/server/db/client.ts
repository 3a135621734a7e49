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

/** How many signed-in people's clients are kept (about 11 KB each), the least recently used let go first. */
const USER_CLIENTS_KEPT = 500;
/** A token is used for this long, then a new one is made (each is valid for JWT_MINUTES). */
const TOKEN_REUSE_MS = 60_000;
const userClients = new Map<string, { url: string; key: string; client: SupabaseClient }>();

/**
 * The client that acts as this person: one kept for each person and role rather than made on each
 * request (making one is some tenth of a millisecond, on every signed-in request). It carries
 * nothing but their identity: a token minted for them when first needed, used for at most a minute
 * and only while the signing secret is the same.
 */
export function userClient(subject: JwtSubject): SupabaseClient {
	const url = config.supabaseUrl;
	const anonKey = config.anonKey;
	const name = `${subject.id} ${subject.role}`;
	const kept = userClients.get(name);
	userClients.delete(name);
	if (kept?.url === url && kept.key === anonKey) {
		userClients.set(name, kept);
		return kept.client;
	}
	const who: JwtSubject = { id: subject.id, role: subject.role };
	let token: { value: Promise<string>; secret: string; until: number } | undefined;
	const client = createClient(url, anonKey, {
		...options,
		accessToken: () => {
			const now = Date.now();
			if (!token || now >= token.until || token.secret !== config.jwtSecret)
				token = { value: mintAccessToken(who), secret: config.jwtSecret, until: now + TOKEN_REUSE_MS };
			return token.value;
		}
	});
	if (userClients.size >= USER_CLIENTS_KEPT) userClients.delete(userClients.keys().next().value!);
	userClients.set(name, { url, key: anonKey, client });
	return client;
}
