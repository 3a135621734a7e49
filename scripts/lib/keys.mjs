// The anon and service-role API keys of the local stack: JWTs signed with the stack's JWT secret,
// the same shape as a Supabase project's legacy keys. Fixed dates keep them the same on every start.
import { SignJWT } from 'jose';

async function key(role, secret) {
	return new SignJWT({ role, iss: 'supabase-demo' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(1767225600)
		.setExpirationTime(2082758400)
		.sign(new TextEncoder().encode(secret));
}

export async function apiKeys(jwtSecret) {
	return { anonKey: await key('anon', jwtSecret), serviceRoleKey: await key('service_role', jwtSecret) };
}
