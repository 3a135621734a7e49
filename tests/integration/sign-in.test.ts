// Passwordless sign-in and sessions against the running stack: real PostgREST, real SMTP catcher.
import { describe, expect, it } from 'vitest';
import { requestSignIn, verifyCode, verifyLink } from '$lib/server/auth/sign-in';
import { LIFETIMES, validateSessionToken } from '$lib/server/auth/session';
import { sha256Hex } from '$lib/server/auth/hash';
import { ACCOUNTS, mailTo, nextMail, service } from './helpers';

const ORIGIN = 'http://localhost:4173';
let client = 0;
/** Each test its own client address, so per-client limits do not spill between tests. */
const newClient = () => `192.0.2.${++client}`;

function codeFrom(text: string): string {
	const match = text.match(/sign in to Together is (\d{3}) (\d{3})/);
	if (!match) throw new Error(`No code in: ${text}`);
	return match[1]! + match[2]!;
}

function linkTokenFrom(text: string): string {
	const match = text.match(/\/sign-in\/link\?token=([A-Za-z0-9_-]{43})/);
	if (!match) throw new Error(`No link in: ${text}`);
	return match[1]!;
}

async function freshCode(email: string, ip = newClient()) {
	const seen = new Set((await mailTo(email)).map((m) => m.id));
	const result = await requestSignIn(email, ip, ORIGIN, null);
	if (!('requestId' in result)) throw new Error('rate limited');
	const mail = await nextMail(email, seen);
	return {
		requestId: result.requestId,
		code: codeFrom(mail.text),
		token: linkTokenFrom(mail.text),
		mail,
		ip
	};
}

describe('asking for a code', () => {
	it('emails a registered member a 6-digit code and a link, stored only as hashes', async () => {
		const { requestId, code, token, mail } = await freshCode(ACCOUNTS.memberB.email);
		expect(mail.subject).toBe(`Your Together sign-in code is ${code.slice(0, 3)} ${code.slice(3)}`);
		const { data } = await service().from('sign_in_codes').select('*').eq('id', requestId).single();
		expect(data.code_hash).not.toContain(code);
		expect(data.link_hash).toBe(sha256Hex(token));
		expect(Date.parse(data.expires_at) - Date.parse(data.created_at)).toBeLessThanOrEqual(10 * 60_000 + 1000);
	});

	it('writes the email in the language of the page the code was asked from', async () => {
		// A member of their own, so the sends per address of the other tests are not used up.
		const email = `welsh.sign-in.${Date.now()}@example.org`;
		const made = await service().from('profiles').insert({
			email,
			full_name: 'Gwen Signintest',
			role: 'member',
			status: 'active',
			notify_rhythm: 'off'
		});
		expect(made.error).toBeNull();
		const english = await freshCode(email);
		expect(english.mail.headers['content-language']).toBe('en-GB');
		expect(english.mail.html).toContain('<html lang="en-GB">');
		expect(english.mail.text).toContain('The code and the link work once, for 10 minutes.');

		const seen = new Set((await mailTo(email)).map((m) => m.id));
		const result = await requestSignIn(email, newClient(), ORIGIN, null, 'cy');
		expect('requestId' in result).toBe(true);
		const mail = await nextMail(email, seen);
		const code = mail.subject.match(/^Eich cod mewngofnodi i Together yw (\d{3} \d{3})$/)?.[1];
		expect(code).toBeDefined();
		expect(mail.text).toContain(`Eich cod i fewngofnodi i Together yw ${code}`);
		expect(mail.text).toContain('Mae’r cod a’r ddolen yn gweithio unwaith, am 10 munud.');
		expect(mail.text).not.toContain('sign in');
		expect(mail.headers['content-language']).toBe('cy');
		expect(mail.html).toContain('<html lang="cy">');
		expect(mail.html).toContain(`>${code}</p>`);
		expect(mail.html).toMatch(
			/<a href="http:\/\/localhost:4173\/sign-in\/link\?token=[A-Za-z0-9_-]{43}">Mewngofnodi i Together<\/a>/
		);
		expect(linkTokenFrom(mail.text)).toHaveLength(43);
	});

	it('answers an unknown address exactly as a known one, and sends nothing', async () => {
		const result = await requestSignIn('nobody.here@example.org', newClient(), ORIGIN, null);
		expect(Object.keys(result)).toEqual(['requestId']);
		await new Promise((r) => setTimeout(r, 300));
		expect(await mailTo('nobody.here@example.org')).toEqual([]);
		const { data } = await service()
			.from('sign_in_codes')
			.select('id')
			.eq('email', 'nobody.here@example.org');
		expect(data).toEqual([]);
	});

	it('limits codes per address, whether or not the address is registered', async () => {
		const email = 'limit.test@example.org';
		const outcomes = [];
		for (let i = 0; i < 6; i++)
			outcomes.push('limited' in (await requestSignIn(email, newClient(), ORIGIN, null)));
		expect(outcomes).toEqual([false, false, false, false, false, true]);
	});

	it('limits codes per client', async () => {
		const ip = newClient();
		const outcomes = [];
		for (let i = 0; i < 21; i++)
			outcomes.push('limited' in (await requestSignIn(`client${i}@example.org`, ip, ORIGIN, null)));
		expect(outcomes.slice(0, 20).every((x) => x === false)).toBe(true);
		expect(outcomes[20]).toBe(true);
	});
});

describe('using a code', () => {
	it('signs in once with the right code; the same code cannot be used again', async () => {
		const { requestId, code, ip } = await freshCode(ACCOUNTS.memberA.email);
		const first = await verifyCode(requestId, `${code.slice(0, 3)} ${code.slice(3)}`, ip);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.next).toBe('/my');
		const again = await verifyCode(requestId, code, ip);
		expect(again).toEqual({ ok: false, reason: 'expired' });
	});

	it('refuses a wrong code, and stops after 5 tries even with the right one', async () => {
		const { requestId, code, ip } = await freshCode(ACCOUNTS.memberA.email);
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++)
			expect(await verifyCode(requestId, wrong, ip)).toEqual({ ok: false, reason: 'wrong' });
		expect(await verifyCode(requestId, code, ip)).toEqual({ ok: false, reason: 'too_many' });
	});

	it('refuses a code after 10 minutes', async () => {
		const { requestId, code, ip } = await freshCode(ACCOUNTS.memberA.email);
		await service()
			.from('sign_in_codes')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', requestId);
		expect(await verifyCode(requestId, code, ip)).toEqual({ ok: false, reason: 'expired' });
	});

	it('the link signs in once and sends staff to the staff pages', async () => {
		const { token, ip } = await freshCode(ACCOUNTS.staff.email);
		const first = await verifyLink(token, ip);
		expect(first.ok && first.next).toBe('/admin');
		expect(await verifyLink(token, ip)).toEqual({ ok: false, reason: 'expired' });
	});
});

describe('sessions', () => {
	async function signedIn(email: string) {
		const { requestId, code, ip } = await freshCode(email);
		const result = await verifyCode(requestId, code, ip);
		if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
		return result.cookie.value;
	}

	it('stores only the SHA-256 of the token', async () => {
		const token = await signedIn(ACCOUNTS.memberA.email);
		const { data: raw } = await service().from('sessions').select('id').eq('id', token);
		expect(raw).toEqual([]);
		const { data: hashed } = await service().from('sessions').select('user_id').eq('id', sha256Hex(token));
		expect(hashed).toEqual([{ user_id: ACCOUNTS.memberA.id }]);
		const v = await validateSessionToken(token);
		expect(v.user?.email).toBe(ACCOUNTS.memberA.email);
	});

	it('ends a staff session after 30 minutes without activity', async () => {
		const token = await signedIn(ACCOUNTS.staff.email);
		const ok = await validateSessionToken(token);
		expect(ok.user?.role).toBe('staff');
		expect(Date.parse(ok.session!.idleExpiresAt!) - Date.now()).toBeLessThanOrEqual(LIFETIMES.staff.idle);
		const idle = new Date(Date.now() - LIFETIMES.staff.idle - 60_000).toISOString();
		await service().from('sessions').update({ last_active_at: idle }).eq('id', sha256Hex(token));
		const ended = await validateSessionToken(token);
		expect(ended.user).toBeNull();
		const { data } = await service().from('sessions').select('id').eq('id', sha256Hex(token));
		expect(data).toEqual([]);
	});

	it('keeps a member signed in while idle, but not beyond 90 days', async () => {
		const token = await signedIn(ACCOUNTS.memberB.email);
		const idle = new Date(Date.now() - 2 * 86_400_000).toISOString();
		await service().from('sessions').update({ last_active_at: idle }).eq('id', sha256Hex(token));
		expect((await validateSessionToken(token)).user?.email).toBe(ACCOUNTS.memberB.email);
		const old = new Date(Date.now() - 91 * 86_400_000).toISOString();
		await service().from('sessions').update({ created_at: old }).eq('id', sha256Hex(token));
		expect((await validateSessionToken(token)).user).toBeNull();
	});

	it('ends a staff session after 12 hours however active', async () => {
		const token = await signedIn(ACCOUNTS.staff.email);
		const old = new Date(Date.now() - LIFETIMES.staff.absolute - 1000).toISOString();
		await service().from('sessions').update({ created_at: old }).eq('id', sha256Hex(token));
		expect((await validateSessionToken(token)).user).toBeNull();
	});
});
