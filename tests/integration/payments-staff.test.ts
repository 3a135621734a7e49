// The staff and finance side of payments, through the app's own modules with each role's JWT: the
// queue's filters, decisions (a question emails the member once, without its words), payment runs
// (made, exported with full bank details only for finance, paid) and the admin-only settings.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	countClaimsToApprove,
	decideClaim,
	getClaimForStaff,
	listClaimQueue
} from '$lib/server/claims-staff';
import {
	createRun,
	exportRunRows,
	getRun,
	markRunPaid,
	runCsv,
	totalsForYear,
	waitingForRun
} from '$lib/server/payment-runs';
import { loadPaymentSettings, saveMileage } from '$lib/server/payment-settings';
import { taxYearOf } from '$lib/payments-staff';
import { ACCOUNTS, anon, as, mailTo, nextMail, service, setLanguage } from './helpers';

const EWAN = { id: '00000000-0000-4000-8250-000000000001', role: 'staff' } as const;
const PRITI = { id: '00000000-0000-4000-8250-000000000002', role: 'staff' } as const;
const CALLUM_EMAIL = 'callum.fraser@example.org';

let callum: string;
let involvement: number;
let opportunity: number;

/** A sent claim for Callum (a day's work on the steering group), made directly as test data. */
async function sentClaim(foodPence: number): Promise<number> {
	const db = service();
	const { data, error } = await db
		.from('claims')
		.insert({
			member_id: callum,
			involvement_id: involvement,
			activity_on: new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10),
			status: 'submitted',
			payment_method: 'bank',
			start_key: randomUUID(),
			submit_key: randomUUID(),
			submitted_at: new Date().toISOString()
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	const id = (data as { id: number }).id;
	const { error: lineError } = await db
		.from('claim_lines')
		.insert({ claim_id: id, category: 'food', description: 'Lunch', amount_pence: foodPence });
	expect(lineError).toBeNull();
	return id;
}

beforeAll(async () => {
	const db = service();
	const { data: p } = await db.from('profiles').select('id').eq('email', CALLUM_EMAIL).single();
	callum = (p as { id: string }).id;
	const { data: inv } = await db
		.from('involvements')
		.select('id, opportunity_id')
		.eq('member_id', callum)
		.limit(1)
		.single();
	involvement = (inv as { id: number }).id;
	opportunity = (inv as { opportunity_id: number }).opportunity_id;
});

describe('the claims queue', () => {
	it('shows staff sent claims, filtered by status, opportunity and member name', async () => {
		const id = await sentClaim(1111);
		const staff = as(EWAN);
		const waiting = await listClaimQueue(staff, { status: 'submitted', opportunity: null, q: '' });
		expect(waiting.map((c) => c.id)).toContain(id);
		expect(waiting.every((c) => c.status === 'submitted')).toBe(true);

		const byName = await listClaimQueue(staff, { status: '', opportunity: null, q: 'callum fra' });
		expect(byName.length).toBeGreaterThan(0);
		expect(byName.every((c) => c.member.full_name === 'Callum Fraser')).toBe(true);

		const byOpportunity = await listClaimQueue(staff, { status: 'submitted', opportunity, q: '' });
		expect(byOpportunity.map((c) => c.id)).toContain(id);
		expect(byOpportunity.every((c) => c.involvement.opportunity.id === opportunity)).toBe(true);
		expect(
			await listClaimQueue(staff, { status: 'submitted', opportunity: opportunity + 100000, q: '' })
		).toEqual([]);

		// A wildcard in the name is matched as typed, not as "anything".
		expect(await listClaimQueue(staff, { status: '', opportunity: null, q: '%' })).toEqual([]);
		expect(await countClaimsToApprove(staff)).toBeGreaterThanOrEqual(waiting.length);
	});

	it('shows a member only their own claims, and no one else the claim page', async () => {
		const id = await sentClaim(1200);
		const alex = as(ACCOUNTS.memberA);
		const theirs = await listClaimQueue(alex, { status: '', opportunity: null, q: '' });
		expect(theirs.map((c) => c.id)).not.toContain(id);
		expect(await getClaimForStaff(alex, id)).toBeNull();
		const page = await getClaimForStaff(as(EWAN), id);
		expect(page?.total_pence).toBe(1200);
		expect(page?.lines.map((l) => [l.category, l.amount_pence])).toEqual([['food', 1200]]);
		expect(page?.member.full_name).toBe('Callum Fraser');
	});
});

describe('deciding a claim', () => {
	it('a question emails the member once, without its words, however often it is pressed', async () => {
		const id = await sentClaim(1300);
		const seen = new Set((await mailTo(CALLUM_EMAIL)).map((m) => m.id));
		const key = randomUUID();
		const words = 'Was the lunch for you and your PA? Please tell us.';
		const results = await Promise.all([
			decideClaim(as(EWAN), id, 'query', words, key),
			decideClaim(as(EWAN), id, 'query', words, key)
		]);
		expect(results.every((r) => r.ok && r.status === 'query')).toBe(true);
		const mail = await nextMail(CALLUM_EMAIL, seen);
		expect(mail.subject).toBe('You have a question about your claim — see the portal');
		expect(mail.text).toContain(`/my/claims/${id}`);
		expect(mail.headers['content-language']).toBe('en-GB');
		expect(mail.text).not.toContain(words);
		seen.add(mail.id);
		await new Promise((r) => setTimeout(r, 500));
		expect((await mailTo(CALLUM_EMAIL)).filter((m) => !seen.has(m.id))).toEqual([]);
		const { data: audit } = await service()
			.from('audit_log')
			.select('action')
			.eq('entity', 'claim')
			.eq('entity_id', String(id));
		expect(audit?.map((a) => a.action)).toEqual(['claim queried']);
	});

	it('the question email is in Welsh for a member who chose Cymraeg', async () => {
		const restore = await setLanguage(callum, 'cy');
		try {
			const id = await sentClaim(1350);
			const seen = new Set((await mailTo(CALLUM_EMAIL)).map((m) => m.id));
			const decided = await decideClaim(as(EWAN), id, 'query', 'Pwy oedd gyda chi?', randomUUID());
			expect(decided).toEqual({ ok: true, status: 'query' });
			const mail = await nextMail(CALLUM_EMAIL, seen);
			expect(mail.subject).toBe('Mae gennym ni gwestiwn am eich hawliad — edrychwch ar y porth');
			expect(mail.text).toMatch(/^Helo Callum[^,]*,\n\nMae gennym ni gwestiwn am eich hawliad /);
			expect(mail.text).toContain(`Darllenwch y cwestiwn ac atebwch yn Together:\n`);
			expect(mail.text).toContain(`/my/claims/${id}`);
			expect(mail.text).not.toContain('Pwy oedd gyda chi?');
			expect(mail.headers['content-language']).toBe('cy');
			expect(mail.html).toContain('<html lang="cy">');
			expect(mail.html).toMatch(new RegExp(`<a href="[^"]+/my/claims/${id}">`));
		} finally {
			await restore();
		}
	});

	it('a second, different decision is refused in plain words', async () => {
		const id = await sentClaim(1400);
		expect(await decideClaim(as(EWAN), id, 'approved', null, randomUUID())).toEqual({
			ok: true,
			status: 'approved'
		});
		const again = await decideClaim(as(ACCOUNTS.staff), id, 'rejected', 'No', randomUUID());
		expect(again.ok).toBe(false);
		expect(!again.ok && again.problem).toMatch(/already dealt with/);
	});

	it('a member cannot decide', async () => {
		const id = await sentClaim(1500);
		const r = await decideClaim(as(ACCOUNTS.memberA), id, 'approved', null, randomUUID());
		expect(r).toEqual({ ok: false, problem: 'Only the co-production team can decide claims.' });
		// Nor can a member (or anyone signed out) claim the question email, or read who sent which.
		const args = { claim: id, request_key: randomUUID() };
		expect((await as(ACCOUNTS.memberA).rpc('claim_question_email_due', args)).error?.message).toContain(
			'not_allowed'
		);
		expect((await anon().rpc('claim_question_email_due', args)).error).not.toBeNull();
		expect((await as(EWAN).rpc('claim_question_email_due', args)).data).toBe(false);
		expect((await as(EWAN).from('claim_question_emails').select('event_id')).error).not.toBeNull();
	});
});

describe('payment runs', () => {
	it('finance makes a bank run, exports full bank details (audited) and marks it paid', async () => {
		const id = await sentClaim(1600);
		expect((await decideClaim(as(EWAN), id, 'approved', null, randomUUID())).ok).toBe(true);
		const priti = as(PRITI);
		expect((await waitingForRun(priti)).bank?.claims).toBeGreaterThan(0);

		// Other staff cannot make, export or pay a run.
		expect(await createRun(as(EWAN), 'bank', randomUUID())).toEqual({
			ok: false,
			problem: 'Only the finance team can do this.'
		});

		const key = randomUUID();
		const [made, again] = await Promise.all([createRun(priti, 'bank', key), createRun(priti, 'bank', key)]);
		expect(made.ok && again.ok && made.id === again.id).toBe(true);
		const runId = (made as { id: number }).id;
		const run = await getRun(priti, runId);
		expect(run?.claims.map((c) => c.id)).toContain(id);
		expect(run?.claims.every((c) => c.payment_method === 'bank')).toBe(true);

		await expect(exportRunRows(as(EWAN), runId)).rejects.toThrow(/not_allowed/);
		const rows = (await exportRunRows(priti, runId))!;
		const mine = rows.find((r) => r.claim_reference === run!.claims.find((c) => c.id === id)!.reference)!;
		expect(mine.sort_code).toMatch(/^\d{6}$/);
		expect(mine.account_number).toMatch(/^\d{8}$/);
		expect(mine.total_pence).toBe(1600);
		const csv = runCsv(run!.reference, rows);
		expect(csv.split('\r\n')[0]).toBe(
			'"Account name","Sort code","Account number","Amount","Payment reference","Member","Claim"'
		);
		expect(csv).toContain(`"${mine.sort_code}","${mine.account_number}","16.00"`);
		const { data: audit } = await service()
			.from('audit_log')
			.select('action, actor_id')
			.eq('entity', 'payment_run')
			.eq('entity_id', String(runId));
		expect(audit).toContainEqual({ action: 'payment run exported', actor_id: PRITI.id });

		const today = new Date().toISOString().slice(0, 10);
		const paidKey = randomUUID();
		expect(await markRunPaid(priti, runId, today, 'BACS 9001', paidKey)).toEqual({ ok: true, id: runId });
		expect(await markRunPaid(priti, runId, today, 'BACS 9001', paidKey)).toEqual({ ok: true, id: runId });
		expect(await markRunPaid(priti, runId, today, 'BACS 9002', randomUUID())).toEqual({
			ok: false,
			problem: 'This payment run is already marked as paid, with another date and reference.'
		});
		const { data: claim } = await as({ id: callum, role: 'member' })
			.from('claims')
			.select('status, paid_on, paid_reference')
			.eq('id', id)
			.single();
		expect(claim).toEqual({ status: 'paid', paid_on: today, paid_reference: 'BACS 9001' });

		const totals = await totalsForYear(priti, taxYearOf(new Date()));
		expect(
			totals.find((t) => t.opportunity_id === opportunity && t.category === 'food')?.pence
		).toBeGreaterThanOrEqual(1600);
	});

	it('says plainly when there is nothing to pay', async () => {
		const r = await createRun(as(PRITI), 'no_fee', randomUUID());
		// The demo data has no approved "no fee" claims waiting.
		expect(r).toEqual({
			ok: false,
			problem: 'There are no approved claims to pay that way. The list below shows what is waiting.'
		});
	});
});

describe('payment settings', () => {
	it('admins change mileage rates; other staff cannot', async () => {
		expect(await saveMileage(as(ACCOUNTS.staff), { car: 50, motorcycle: 24, bicycle: 20 })).toBe(
			'Only admins can change payment settings.'
		);
		expect((await loadPaymentSettings(as(ACCOUNTS.staff))).mileage.car).toBe(45);
		expect(await saveMileage(as(ACCOUNTS.admin), { car: 45, motorcycle: 25, bicycle: 20 })).toBeNull();
		expect((await loadPaymentSettings(as(ACCOUNTS.admin))).mileage).toEqual({
			car: 45,
			motorcycle: 25,
			bicycle: 20
		});
		expect(await saveMileage(as(ACCOUNTS.admin), { car: 45, motorcycle: 24, bicycle: 20 })).toBeNull();
	});
});
