import { describe, it, expect } from 'vitest';
import { jwtVerify } from 'jose';
// config.ts reads the secret from this object on every call (see server-auth-sign-in.test.ts).
import { env } from '$env/dynamic/private';
import { mintAccessToken } from '$lib/server/db/client';

const vars = env as Record<string, string | undefined>;

describe('mintAccessToken', () => {
	it('makes an HS256 JWT that a JOSE library accepts, with the claims PostgREST and RLS read', async () => {
		const secret = 'unit-test-jwt-secret-0123456789-abcdefghij';
		vars.SUPABASE_JWT_SECRET = secret;
		const now = new Date();
		const token = await mintAccessToken({ id: '00000000-0000-4000-8000-000000000001', role: 'staff' }, now);
		const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
			audience: 'authenticated',
			issuer: 'together',
			currentDate: now
		});
		expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(payload).toMatchObject({
			role: 'authenticated',
			app_role: 'staff',
			sub: '00000000-0000-4000-8000-000000000001'
		});
		expect(payload.exp! - payload.iat!).toBe(300);
	});

	it('signs with the secret set now, and a token made with another secret is refused', async () => {
		vars.SUPABASE_JWT_SECRET = 'first-secret-0123456789-abcdefghijklmnop';
		const first = await mintAccessToken({ id: 'a', role: 'member' });
		vars.SUPABASE_JWT_SECRET = 'second-secret-0123456789-abcdefghijklmno';
		const second = await mintAccessToken({ id: 'a', role: 'member' });
		const key = new TextEncoder().encode('second-secret-0123456789-abcdefghijklmno');
		await expect(jwtVerify(second, key)).resolves.toBeTruthy();
		await expect(jwtVerify(first, key)).rejects.toThrow();
	});
});
