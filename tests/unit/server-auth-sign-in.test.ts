import { describe, it, expect, beforeEach, afterEach } from 'vitest';
// In vitest, $env/dynamic/private is a snapshot of the environment taken when Vite starts, so
// process.env (or vi.stubEnv) set in a test does not reach it. The module's `env` object is what
// config.ts reads on every call, so the tests set the secret there.
import { env } from '$env/dynamic/private';
import { codeHash, formatCode, normaliseEmail, safeNext } from '$lib/server/auth/sign-in';

const vars = env as Record<string, string | undefined>;
const SECRET = 'unit-test-secret-0123456789-abcdefghijkl';
const ORIGIN = 'https://together.example';

describe('normaliseEmail', () => {
	it('trims and lowercases', () => {
		expect(normaliseEmail('  Sam.Smith@Example.ORG\n')).toBe('sam.smith@example.org');
		expect(normaliseEmail('member@example.org')).toBe('member@example.org');
	});
});

describe('safeNext', () => {
	it('accepts paths on this site', () => {
		for (const next of [
			'/my/profile',
			'/opportunities/3?view=easy-read',
			'/admin/opportunities/new',
			'/my#top'
		]) {
			expect(safeNext(next), next).toBe(next);
		}
	});

	it('accepts up to 300 characters', () => {
		const longest = `/${'a'.repeat(299)}`;
		expect(safeNext(longest)).toBe(longest);
		expect(safeNext(`${longest}a`)).toBeNull();
	});

	it('rejects nothing', () => {
		expect(safeNext(null)).toBeNull();
		expect(safeNext(undefined)).toBeNull();
		expect(safeNext('')).toBeNull();
	});

	it('rejects other sites and anything that is not a path', () => {
		for (const next of [
			'//evil.example',
			'//evil.example/my',
			'/\\evil.example',
			'https://x',
			'https://evil.example/my',
			'javascript:alert(1)',
			'my/profile',
			'evil.example',
			'/'
		]) {
			expect(safeNext(next), next).toBeNull();
		}
	});

	it('rejects going back to signing in or out', () => {
		for (const next of [
			'/sign-in',
			'/sign-in/code',
			'/sign-in/link?token=x',
			'/sign-in?next=/my',
			'/sign-out'
		]) {
			expect(safeNext(next), next).toBeNull();
		}
	});

	it('never gives a path that a browser would take to another site', () => {
		for (const next of ['/%2F%2Fevil.example', '/ /evil.example', '/my//evil.example', '/@evil.example']) {
			const safe = safeNext(next);
			expect(safe === null || new URL(safe, ORIGIN).origin === ORIGIN, next).toBe(true);
		}
	});

	// Browsers remove tabs and new lines from a URL before reading it, so "/\t/evil.example"
	// in a Location header goes to //evil.example: an open redirect after sign-in.
	it('rejects paths with tabs or new lines, which browsers read as another site', () => {
		for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\t\\evil.example']) {
			expect(new URL(next, ORIGIN).origin, next).toBe('https://evil.example');
			expect(safeNext(next), JSON.stringify(next)).toBeNull();
		}
	});
});

describe('formatCode', () => {
	it('puts a space in the middle of the code', () => {
		expect(formatCode('123456')).toBe('123 456');
		expect(formatCode('000042')).toBe('000 042');
	});
});

describe('codeHash', () => {
	let saved: string | undefined;
	beforeEach(() => {
		saved = vars.SUPABASE_JWT_SECRET;
		vars.SUPABASE_JWT_SECRET = SECRET;
	});
	afterEach(() => {
		if (saved === undefined) delete vars.SUPABASE_JWT_SECRET;
		else vars.SUPABASE_JWT_SECRET = saved;
	});

	const request = '6f1c2b1e-8c1a-4d6e-9b7a-2f3e4d5c6b7a';
	const other = '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';

	it('is a 64-character hex digest that does not show the code', () => {
		expect(SECRET).toHaveLength(40);
		const hash = codeHash(request, '123456');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).not.toContain('123456');
	});

	it('is the same for the same request and code', () => {
		expect(codeHash(request, '123456')).toBe(codeHash(request, '123456'));
	});

	it('differs per request id, so a hash cannot be reused for another request', () => {
		expect(codeHash(request, '123456')).not.toBe(codeHash(other, '123456'));
	});

	it('differs per code', () => {
		const hashes = new Set(['000000', '123456', '123457', '999999'].map((code) => codeHash(request, code)));
		expect(hashes.size).toBe(4);
	});

	it('depends on the secret, so it cannot be worked out without it', () => {
		const withSecret = codeHash(request, '123456');
		vars.SUPABASE_JWT_SECRET = `${SECRET.slice(0, -1)}X`;
		expect(codeHash(request, '123456')).not.toBe(withSecret);
	});

	it('says which setting is missing when there is no secret', () => {
		delete vars.SUPABASE_JWT_SECRET;
		expect(() => codeHash(request, '123456')).toThrow('The setting SUPABASE_JWT_SECRET is missing');
	});
});
