// Abuse limits on sign-in, beyond tests/integration/sign-in.test.ts: the code and the link are one
// (using either ends both), both die after 10 minutes, tries are limited per client, and an address
// written differently is still the same address for the limit.
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, requestSignIn, verifyCode, verifyLink } from '$lib/server/auth/sign-in';
import { ACCOUNTS, mailTo, nextMail, service } from './helpers';

// Other tests sign the same members in: start each test with no sends or tries counted.
beforeEach(async () => {
	const { error } = await service().from('rate_limit_hits').delete().not('bucket', 'is', null);
	if (error) throw error;
});

const ORIGIN = 'http://localhost:4173';
let client = 0;
const newClient = () => `198.51.100.${++client}`;

async function fresh(email: string) {
	const seen = new Set((await mailTo(email)).map((m) => m.id));
	const ip = newClient();
	const result = await requestSignIn(email, ip, ORIGIN, null);
	if (!('requestId' in result)) throw new Error('rate limited');
	const mail = await nextMail(email, seen);
	const code = mail.text
		.match(/sign in to Together is (\d{3}) (\d{3})/)!
		.slice(1)
		.join('');
	const token = mail.text.match(/\/sign-in\/link\?token=([A-Za-z0-9_-]{43})/)![1]!;
	return { requestId: result.requestId, code, token, ip };
}

describe('sign-in codes and links', () => {
	it('are one: signing in with the code ends the link, and the link ends the code', async () => {
		const a = await fresh(ACCOUNTS.memberB.email);
		expect((await verifyCode(a.requestId, a.code, a.ip)).ok).toBe(true);
		expect(await verifyLink(a.token, a.ip)).toEqual({ ok: false, reason: 'expired' });

		const b = await fresh(ACCOUNTS.memberB.email);
		expect((await verifyLink(b.token, b.ip)).ok).toBe(true);
		expect(await verifyCode(b.requestId, b.code, b.ip)).toEqual({ ok: false, reason: 'expired' });
	});

	it('the link dies after 10 minutes too', async () => {
		const a = await fresh(ACCOUNTS.memberB.email);
		const { data } = await service()
			.from('sign_in_codes')
			.select('created_at, expires_at')
			.eq('id', a.requestId)
			.single();
		expect(Date.parse(data!.expires_at) - Date.parse(data!.created_at)).toBeLessThanOrEqual(
			10 * 60_000 + 1000
		);
		await service()
			.from('sign_in_codes')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', a.requestId);
		expect(await verifyLink(a.token, a.ip)).toEqual({ ok: false, reason: 'expired' });
	});

	it('after 5 wrong codes even the right code is refused, and the request is over: the link too', async () => {
		const a = await fresh(ACCOUNTS.memberB.email);
		const wrong = a.code === '000000' ? '111111' : '000000';
		for (let i = 0; i < LIMITS.attemptsPerCode; i++) await verifyCode(a.requestId, wrong, a.ip);
		expect(await verifyCode(a.requestId, a.code, a.ip)).toEqual({ ok: false, reason: 'too_many' });
		expect((await verifyLink(a.token, a.ip)).ok).toBe(false);
	});

	it('limit tries per client: guessing stops after 30 in 10 minutes, whichever codes are tried', async () => {
		const ip = newClient();
		const max = LIMITS.attemptsPerClient().max;
		expect(max).toBeLessThanOrEqual(30);
		const outcomes = [];
		for (let i = 0; i <= max; i++) {
			const r = await verifyCode(crypto.randomUUID(), '123456', ip);
			outcomes.push(r.ok ? 'ok' : r.reason);
		}
		expect(outcomes.slice(0, max).every((o) => o === 'expired')).toBe(true);
		expect(outcomes[max]).toBe('limited');
		expect(await verifyLink('x'.repeat(43), ip)).toEqual({ ok: false, reason: 'limited' });
	});

	it('count an address the same however it is written: at most 5 sends in 15 minutes', async () => {
		const forms = [
			'abuse.case@example.org',
			'ABUSE.CASE@example.org',
			' Abuse.Case@Example.org ',
			'abuse.case@EXAMPLE.ORG'
		];
		const outcomes = [];
		for (let i = 0; i < 7; i++)
			outcomes.push('limited' in (await requestSignIn(forms[i % forms.length]!, newClient(), ORIGIN, null)));
		expect(outcomes).toEqual([false, false, false, false, false, true, true]);
		expect(LIMITS.sendsPerAddress().max).toBeLessThanOrEqual(5);
		expect(LIMITS.sendsPerAddress().seconds).toBeGreaterThanOrEqual(15 * 60);
	});
});
