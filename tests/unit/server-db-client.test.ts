import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import { decodeJwt, jwtVerify } from 'jose';
// config.ts reads the secret from this object on every call (see server-auth-sign-in.test.ts).
import { env } from '$env/dynamic/private';
import { mintAccessToken, userClient } from '$lib/server/db/client';

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

describe('userClient', () => {
	// A stand-in for the API that notes the token each request carries.
	const tokens: string[] = [];
	let server: Server;
	beforeAll(async () => {
		server = createServer((req, res) => {
			tokens.push((req.headers.authorization ?? '').replace(/^Bearer /, ''));
			res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		vars.SUPABASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		vars.SUPABASE_ANON_KEY = 'unit-test-anon-key';
		vars.SUPABASE_JWT_SECRET = 'unit-test-jwt-secret-0123456789-abcdefghij';
	});
	afterAll(() => {
		vi.useRealTimers();
		server.close();
		server.closeAllConnections();
	});
	const ask = async (subject: { id: string; role: 'member' | 'staff' }) => {
		await userClient(subject).from('opportunities').select('id');
		return decodeJwt(tokens.at(-1)!);
	};

	it('acts as each person, keeping one client for each person and role', async () => {
		const a = { id: 'aaaaaaaa-0000-4000-8000-000000000001', role: 'member' } as const;
		const b = { id: 'bbbbbbbb-0000-4000-8000-000000000002', role: 'member' } as const;
		expect(userClient(a)).toBe(userClient({ ...a }));
		expect(userClient(a)).not.toBe(userClient(b));
		expect(userClient(a)).not.toBe(userClient({ ...a, role: 'staff' }));
		expect(await ask(a)).toMatchObject({ sub: a.id, app_role: 'member' });
		expect(await ask(b)).toMatchObject({ sub: b.id, app_role: 'member' });
		expect(await ask({ ...a, role: 'staff' })).toMatchObject({ sub: a.id, app_role: 'staff' });
	});

	it('uses a token for at most a minute, and not once the secret has changed', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const c = { id: 'cccccccc-0000-4000-8000-000000000003', role: 'member' } as const;
		vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
		const first = await ask(c);
		vi.setSystemTime(new Date('2026-11-27T10:00:59Z'));
		expect(await ask(c)).toEqual(first);
		vi.setSystemTime(new Date('2026-11-27T10:01:00Z'));
		const second = await ask(c);
		expect(second.iat).toBe(first.iat! + 60);
		vars.SUPABASE_JWT_SECRET = 'another-unit-test-secret-0123456789-abcdef';
		await ask(c);
		await expect(
			jwtVerify(tokens.at(-1)!, new TextEncoder().encode(vars.SUPABASE_JWT_SECRET), {
				currentDate: new Date('2026-11-27T10:01:00Z')
			})
		).resolves.toBeTruthy();
	});
});
