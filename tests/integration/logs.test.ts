// What the server writes to its log while someone signs in and changes their bank details: never the
// code, the link's token, the session, or a digit of the account.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSignIn, verifyCode, verifyLink } from '$lib/server/auth/sign-in';
import { confirmBankChange, requestBankChange } from '$lib/server/claims';
import { ACCOUNTS, as, nextMail, mailTo, service } from './helpers';

// Other tests sign the same members in: start each test with no sends or tries counted.
beforeEach(async () => {
	const { error } = await service().from('rate_limit_hits').delete().not('bucket', 'is', null);
	if (error) throw error;
});

let log: string[] = [];
const originals = { out: process.stdout.write, err: process.stderr.write };

beforeEach(() => {
	log = [];
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
		vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			log.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
		});
	const capture = (chunk: unknown) => {
		log.push(String(chunk));
		return true;
	};
	process.stdout.write = capture as typeof process.stdout.write;
	process.stderr.write = capture as typeof process.stderr.write;
});

afterEach(() => {
	process.stdout.write = originals.out;
	process.stderr.write = originals.err;
	vi.restoreAllMocks();
});

function expectNotLogged(secrets: string[]) {
	const all = log.join('\n');
	for (const secret of secrets) expect(all.includes(secret), `the log holds "${secret}"`).toBe(false);
}

describe('the server log', () => {
	it('holds no sign-in code, link token or session token', async () => {
		const email = ACCOUNTS.memberB.email;
		const seen = new Set((await mailTo(email)).map((m) => m.id));
		const sent = await requestSignIn(email, '203.0.113.7', 'http://localhost:4173', null);
		if (!('requestId' in sent)) throw new Error('rate limited');
		const mail = await nextMail(email, seen);
		const code = mail.text
			.match(/is (\d{3}) (\d{3})/)!
			.slice(1)
			.join('');
		const token = mail.text.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
		await verifyCode(sent.requestId, '000000' === code ? '111111' : '000000', '203.0.113.7');
		const ok = await verifyCode(sent.requestId, code, '203.0.113.7');
		expect(ok.ok).toBe(true);
		await verifyLink(token, '203.0.113.7');
		expectNotLogged([code, `${code.slice(0, 3)} ${code.slice(3)}`, token, ok.ok ? ok.cookie.value : 'x']);
	});

	it('holds no bank details, and no bank change code', async () => {
		const { data: who } = await service()
			.from('profiles')
			.select('id, email, full_name')
			.eq('role', 'member')
			.eq('status', 'active')
			.not(
				'id',
				'in',
				`(${Object.values(ACCOUNTS)
					.map((a) => a.id)
					.join(',')})`
			)
			.order('email', { ascending: false })
			.limit(1)
			.single();
		const member = { email: who!.email as string, name: who!.full_name as string };
		const db = as({ id: who!.id as string, role: 'member' });
		const details = { account_name: 'Log Test Account', sort_code: '401276', account_number: '71829354' };

		const seen = new Set((await mailTo(member.email)).map((m) => m.id));
		const requestId = await requestBankChange(db, member, details);
		const mail = await nextMail(member.email, seen);
		const code = mail.text
			.match(/is (\d{3}) (\d{3})/)!
			.slice(1)
			.join('');
		expect(await confirmBankChange(db, member, requestId, code)).toBe('ok');

		// A refused change says why without repeating what was typed.
		const bad = { account_name: 'Log Test Account', sort_code: '40-12-7X', account_number: '718293541234' };
		const error = await requestBankChange(db, member, bad).then(
			() => null,
			(e: Error) => e
		);
		if (error) console.error(error);

		expectNotLogged([details.sort_code, details.account_number, code, bad.account_number, '40-12-7X']);
		expect(mail.text).not.toContain(details.account_number);
	});
});
