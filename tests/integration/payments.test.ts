// Payments: settings, claims, lines, receipts, bank details, decisions and payment runs — what each
// role may read and do, the sums the database does, and that repeats and races give one outcome.
import { randomUUID, createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { feePence, mileagePence, type FeeRate } from '$lib/validation/claim';
import { ACCOUNTS, anon, as, service } from './helpers';

const alex = () => as(ACCOUNTS.memberA);
const priya = () => as(ACCOUNTS.memberB);
const sam = () => as(ACCOUNTS.staff);
const jo = () => as(ACCOUNTS.finance);
const chris = () => as(ACCOUNTS.admin);

// A tiny real JPEG (1×1), as a phone camera would send (much bigger).
const JPEG = Buffer.from(
	'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
	'hex'
);

async function upload(db: SupabaseClient, ownerId: string): Promise<string> {
	const { data, error } = await db
		.from('uploads')
		.insert({
			owner_id: ownerId,
			purpose: 'receipt',
			content_type: 'image/jpeg',
			size_bytes: JPEG.length,
			sha256: createHash('sha256').update(JPEG).digest('hex'),
			data: `\\x${JPEG.toString('hex')}`
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	return (data as { id: string }).id;
}

let induction: { id: number; involvementA: number; involvementB: number };

async function startClaim(
	db: SupabaseClient,
	involvement: number,
	meeting: number | null,
	activityOn?: string
) {
	return db.rpc('start_claim', {
		involvement,
		meeting,
		activity_on: activityOn ?? null,
		request_key: randomUUID()
	});
}

async function line(db: SupabaseClient, claim: number, fields: Record<string, unknown>) {
	return db
		.from('claim_lines')
		.insert({ claim_id: claim, amount_pence: 0, ...fields })
		.select('id, amount_pence')
		.single();
}

beforeAll(async () => {
	const db = service();
	const { data: meeting } = await db
		.from('meetings')
		.select('id, opportunity_id, opportunities!inner (title)')
		.like('opportunities.title', 'Guideline committee: moving from children%')
		.eq('title', 'Induction for new committee members')
		.single();
	const m = meeting as { id: number; opportunity_id: number };
	const { data: involvements } = await db
		.from('involvements')
		.select('id, member_id')
		.eq('opportunity_id', m.opportunity_id)
		.in('member_id', [ACCOUNTS.memberA.id, ACCOUNTS.memberB.id]);
	const rows = involvements as { id: number; member_id: string }[];
	induction = {
		id: m.id,
		involvementA: rows.find((r) => r.member_id === ACCOUNTS.memberA.id)!.id,
		involvementB: rows.find((r) => r.member_id === ACCOUNTS.memberB.id)!.id
	};
});

describe('payment settings', () => {
	it('signed-in people read rates, rules and the window; the public reads none', async () => {
		for (const table of ['fee_rates', 'mileage_rates', 'receipt_rules', 'claim_settings']) {
			const { data } = await alex().from(table).select('*');
			expect((data ?? []).length, table).toBeGreaterThan(0);
			const { data: open, error } = await anon().from(table).select('*');
			expect(open?.length ?? 0, table).toBe(0);
			expect(error?.code).toBe('42501');
		}
		const { data: rates } = await alex()
			.from('mileage_rates')
			.select('vehicle, pence_per_mile')
			.order('vehicle');
		expect(rates).toEqual([
			{ vehicle: 'car', pence_per_mile: 45 },
			{ vehicle: 'motorcycle', pence_per_mile: 24 },
			{ vehicle: 'bicycle', pence_per_mile: 20 }
		]);
		const { data: settings } = await alex().from('claim_settings').select('window_days, methods').single();
		expect(settings).toEqual({ window_days: 90, methods: ['bank', 'vouchers', 'no_fee'] });
	});

	it('only admins change settings', async () => {
		for (const db of [alex(), sam(), jo()]) {
			const { data } = await db
				.from('mileage_rates')
				.update({ pence_per_mile: 99 })
				.eq('vehicle', 'bicycle')
				.select();
			expect(data ?? []).toEqual([]);
			const { error } = await db.from('fee_rates').insert({ name: 'Not allowed', basis: 'day', pence: 1 });
			expect(error?.code).toBe('42501');
		}
		const { data, error } = await chris()
			.from('claim_settings')
			.update({ pay_within_days: 21 })
			.eq('id', true)
			.select('pay_within_days');
		expect(error).toBeNull();
		expect(data).toEqual([{ pay_within_days: 21 }]);
		const { data: rate } = await chris()
			.from('fee_rates')
			.insert({ name: 'Test rate by the half day', basis: 'half_day', pence: 4000 })
			.select('id')
			.single();
		const { error: gone } = await chris()
			.from('fee_rates')
			.delete()
			.eq('id', (rate as { id: number }).id);
		expect(gone).toBeNull();
	});

	it('the database works fees out as the rules say', async () => {
		const db = service();
		const cases: [string, number, number | null, number | null, number, number | null][] = [
			['meeting', 15000, 7500, 240, 240, 15000],
			['meeting', 15000, 7500, 240, 239, 7500],
			['hour', 2000, null, null, 90, 3000],
			['hour', 1999, null, null, 1, 33],
			['half_day', 7500, null, null, 241, 15000],
			['day', 15000, null, null, 480, 15000],
			['day', 15000, null, null, 0, null]
		];
		for (const [basis, pence, short, long, minutes, expected] of cases) {
			const { data, error } = await db.rpc('calculate_fee_pence', {
				basis,
				pence,
				short_pence: short,
				long_from_minutes: long,
				minutes
			});
			expect(error).toBeNull();
			expect(data, `${basis} ${minutes}`).toBe(expected);
		}
	});
});

describe('the app’s sums agree with the database’s', () => {
	it('fees, for every basis and many lengths', async () => {
		const rates: FeeRate[] = [
			{ basis: 'meeting', pence: 15000, short_pence: 7500, long_from_minutes: 240 },
			{ basis: 'hour', pence: 2000, short_pence: null, long_from_minutes: null },
			{ basis: 'hour', pence: 1333, short_pence: null, long_from_minutes: null },
			{ basis: 'half_day', pence: 7500, short_pence: null, long_from_minutes: null },
			{ basis: 'day', pence: 15000, short_pence: null, long_from_minutes: null }
		];
		const db = alex();
		for (const rate of rates)
			for (const minutes of [1, 29, 30, 45, 59, 61, 119, 239, 240, 241, 333, 479, 480, 481, 1440]) {
				const { data } = await db.rpc('calculate_fee_pence', { ...rate, minutes });
				expect(data, `${rate.basis} ${rate.pence} ${minutes}`).toBe(feePence(rate, minutes));
			}
	});

	it('mileage, rounding half up per line', async () => {
		const db = alex();
		for (const rate of [45, 24, 20])
			for (const hundredths of [1, 10, 50, 101, 110, 1010, 1225, 1250, 3150, 9999, 123456]) {
				const { data } = await db.rpc('calculate_mileage_pence', {
					miles: hundredths / 100,
					pence_per_mile: rate
				});
				expect(data, `${hundredths} × ${rate}`).toBe(mileagePence(hundredths, rate));
			}
	});
});

describe('claims: a member claims for a meeting', () => {
	let claim: number;

	it('starts once under one key, even from 20 requests at once', async () => {
		const key = randomUUID();
		const db = alex();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				db.rpc('start_claim', {
					involvement: induction.involvementA,
					meeting: induction.id,
					activity_on: null,
					request_key: key
				})
			)
		);
		for (const r of results) expect(r.error).toBeNull();
		const ids = new Set(results.map((r) => (r.data as { id: number }).id));
		expect(ids.size).toBe(1);
		claim = [...ids][0]!;
		const { count } = await service()
			.from('claims')
			.select('id', { count: 'exact', head: true })
			.eq('member_id', ACCOUNTS.memberA.id)
			.eq('start_key', key);
		expect(count).toBe(1);
		const first = results[0]!.data as { status: string; reference: string; meeting_id: number };
		expect(first.status).toBe('draft');
		expect(first.reference).toMatch(/^CL-\d{5}$/);
	});

	it('works out the fee from the meeting (2½ hours: £75) and mileage half up, ignoring the member’s figures', async () => {
		const db = alex();
		const { data: shown } = await db.rpc('meeting_fee_pence', { meeting: induction.id });
		expect(shown).toBe(7500);
		const fee = await line(db, claim, { category: 'fee', amount_pence: 99999 });
		expect(fee.error).toBeNull();
		expect(fee.data?.amount_pence).toBe(7500);
		const again = await line(db, claim, { category: 'fee' });
		expect(again.error?.message).toBe('fee_twice');
		const miles = await line(db, claim, {
			category: 'mileage',
			miles: 10.1,
			vehicle: 'car',
			amount_pence: 1
		});
		expect(miles.error).toBeNull();
		expect(miles.data?.amount_pence).toBe(455); // 10.1 × 45 = 454.5
		const bike = await line(db, claim, { category: 'mileage', miles: 2.55, vehicle: 'bicycle' });
		expect(bike.data?.amount_pence).toBe(51);
		const { error } = await db.from('claim_lines').delete().eq('id', bike.data!.id);
		expect(error).toBeNull();
	});

	it('another member neither sees nor adds to the claim; the public sees nothing', async () => {
		const { data } = await priya().from('claims').select('id').eq('id', claim);
		expect(data).toEqual([]);
		const { data: lines } = await priya().from('claim_lines').select('id').eq('claim_id', claim);
		expect(lines).toEqual([]);
		const added = await line(priya(), claim, { category: 'food', amount_pence: 500 });
		expect(added.error?.code).toBe('42501');
		const { error } = await anon().from('claims').select('id').limit(1);
		expect(error?.code).toBe('42501');
		const submitted = await priya().rpc('submit_claim', {
			claim,
			method: 'vouchers',
			request_key: randomUUID()
		});
		expect(submitted.error?.message).toBe('not_found');
	});

	it('a taxi needs a receipt, and only the member’s own receipt can be attached', async () => {
		const db = alex();
		const taxi = await line(db, claim, {
			category: 'taxi',
			amount_pence: 1650,
			taxi_agreed_adjustment: true
		});
		expect(taxi.error).toBeNull();
		const missing = await db.rpc('submit_claim', { claim, method: 'vouchers', request_key: randomUUID() });
		expect(missing.error?.message).toBe('receipt_missing');

		const theirs = await upload(priya(), ACCOUNTS.memberB.id);
		const wrong = await db
			.from('claim_lines')
			.update({ receipt_id: theirs })
			.eq('id', taxi.data!.id)
			.select('id');
		expect(wrong.error?.code).toBe('42501');

		const mine = await upload(db, ACCOUNTS.memberA.id);
		const right = await db
			.from('claim_lines')
			.update({ receipt_id: mine })
			.eq('id', taxi.data!.id)
			.select('id');
		expect(right.error).toBeNull();
		expect(right.data).toHaveLength(1);
		// Priya cannot read Alex's receipt; staff can.
		const { data: hidden } = await priya().from('uploads').select('id').eq('id', mine);
		expect(hidden).toEqual([]);
		const { data: seen } = await sam().from('uploads').select('id').eq('id', mine);
		expect(seen).toHaveLength(1);
	});

	it('refuses no fee with a fee line, and bank without bank details', async () => {
		const db = alex();
		const noFee = await db.rpc('submit_claim', { claim, method: 'no_fee', request_key: randomUUID() });
		expect(noFee.error?.message).toBe('fee_with_no_fee');
		const { data: b } = await startClaim(priya(), induction.involvementB, induction.id);
		const priyaClaim = (b as { id: number }).id;
		await line(priya(), priyaClaim, { category: 'mileage', miles: 3, vehicle: 'car' });
		const bank = await priya().rpc('submit_claim', {
			claim: priyaClaim,
			method: 'bank',
			request_key: randomUUID()
		});
		expect(bank.error?.message).toBe('bank_details_missing');
	});

	it('20 identical submits at once send one claim, with totals worked out in SQL', async () => {
		const db = alex();
		const key = randomUUID();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				db.rpc('submit_claim', { claim, method: 'vouchers', request_key: key })
			)
		);
		for (const r of results) expect(r.error).toBeNull();
		expect(new Set(results.map((r) => (r.data as { id: number }).id))).toEqual(new Set([claim]));
		const { data: events } = await db.from('claim_events').select('status').eq('claim_id', claim);
		expect(events).toEqual([{ status: 'submitted' }]);
		const { data: row } = await db
			.from('claims')
			.select('status, payment_method, fees_pence, expenses_pence, total_pence')
			.eq('id', claim)
			.single();
		expect(row).toEqual({
			status: 'submitted',
			payment_method: 'vouchers',
			fees_pence: 7500,
			expenses_pence: 455 + 1650,
			total_pence: 7500 + 455 + 1650
		});
		const { data: named } = await db
			.from('claims')
			.select('opportunity:claim_opportunity')
			.eq('id', claim)
			.single();
		expect((named as { opportunity: { title: string } }).opportunity.title).toMatch(/^Guideline committee/);
		const { data: none } = await priya()
			.from('claims')
			.select('opportunity:claim_opportunity')
			.eq('id', claim);
		expect(none).toEqual([]);
		const { data: me } = await db
			.from('profiles')
			.select('payment_method')
			.eq('id', ACCOUNTS.memberA.id)
			.single();
		expect(me).toEqual({ payment_method: 'vouchers' });
		// Lines of a sent claim are fixed.
		const { data: changed } = await db
			.from('claim_lines')
			.update({ description: 'changed' })
			.eq('claim_id', claim)
			.select('id');
		expect(changed).toEqual([]);
	});

	it('a claim’s totals follow its lines as they are added, changed and removed, and nobody sets them', async () => {
		const db = priya();
		const today = new Date().toISOString().slice(0, 10);
		const started = await startClaim(db, induction.involvementB, null, today);
		expect(started.error).toBeNull();
		const id = (started.data as { id: number }).id;
		const totals = async () =>
			(await db.from('claims').select('fees_pence, expenses_pence, total_pence').eq('id', id).single()).data;
		expect(await totals()).toEqual({ fees_pence: 0, expenses_pence: 0, total_pence: 0 });
		const bus = await line(db, id, { category: 'public_transport', amount_pence: 320 });
		const parking = await line(db, id, { category: 'food', amount_pence: 150 });
		expect(bus.error).toBeNull();
		expect(parking.error).toBeNull();
		const fee = await line(db, id, { category: 'fee', minutes: 60 });
		expect(fee.error).toBeNull();
		const feePence = fee.data!.amount_pence;
		expect(await totals()).toEqual({
			fees_pence: feePence,
			expenses_pence: 470,
			total_pence: feePence + 470
		});
		// Two changes to the same claim at once both count.
		const changed = await Promise.all([
			db.from('claim_lines').update({ amount_pence: 400 }).eq('id', bus.data!.id),
			db.from('claim_lines').update({ amount_pence: 90 }).eq('id', parking.data!.id)
		]);
		for (const r of changed) expect(r.error).toBeNull();
		await db.from('claim_lines').delete().eq('id', fee.data!.id);
		expect(await totals()).toEqual({ fees_pence: 0, expenses_pence: 490, total_pence: 490 });
		// The kept totals are only the lines' business: not the member's, not even the service's.
		const { data: sum } = await service().from('claim_lines').select('amount_pence').eq('claim_id', id);
		expect((sum as { amount_pence: number }[]).reduce((a, l) => a + l.amount_pence, 0)).toBe(490);
		const member = await db.from('claims').update({ expense_lines_pence: 1 }).eq('id', id).select('id');
		expect(member.error).not.toBeNull();
		const direct = await service()
			.from('claims')
			.update({ fee_lines_pence: 99999 })
			.eq('id', id)
			.select('id');
		expect(direct.error?.message).toBe('not_allowed');
		expect(await totals()).toEqual({ fees_pence: 0, expenses_pence: 490, total_pence: 490 });
		await db.from('claims').delete().eq('id', id);
	});

	it('the same meeting’s fee cannot be claimed twice', async () => {
		const db = alex();
		const { data } = await startClaim(db, induction.involvementA, induction.id);
		const second = (data as { id: number }).id;
		await line(db, second, { category: 'fee' });
		const again = await db.rpc('submit_claim', {
			claim: second,
			method: 'vouchers',
			request_key: randomUUID()
		});
		expect(again.error?.message).toBe('fee_already_claimed');
		await db.from('claims').delete().eq('id', second);
	});

	it('members remove their own draft claims only: not a sent one, and not another member’s', async () => {
		const { data } = await startClaim(alex(), induction.involvementA, induction.id);
		const draft = (data as { id: number }).id;
		const exists = async (id: number) =>
			((await service().from('claims').select('id').eq('id', id)).data ?? []).length === 1;
		for (const other of [priya(), sam(), chris()]) {
			const { data: gone } = await other.from('claims').delete().eq('id', draft).select('id');
			expect(gone ?? []).toEqual([]);
		}
		expect(await exists(draft)).toBe(true);
		const { data: sent } = await alex().from('claims').delete().eq('id', claim).select('id');
		expect(sent).toEqual([]);
		expect(await exists(claim)).toBe(true);
		const { data: removed } = await alex().from('claims').delete().eq('id', draft).select('id');
		expect(removed).toEqual([{ id: draft }]);
		expect(await exists(draft)).toBe(false);
	});

	it('staff see the claim but members cannot decide; two approvals at once give one outcome', async () => {
		const { data: seen } = await sam().from('claims').select('id, status').eq('id', claim);
		expect(seen).toEqual([{ id: claim, status: 'submitted' }]);
		const self = await alex().rpc('decide_claim', {
			claim,
			decision: 'approved',
			message: null,
			request_key: randomUUID()
		});
		expect(self.error?.message).toBe('not_allowed');

		const query = await sam().rpc('decide_claim', {
			claim,
			decision: 'query',
			message: 'Which taxi firm was it?',
			request_key: randomUUID()
		});
		expect(query.error).toBeNull();
		const { data: asked } = await alex().from('claims').select('status, message').eq('id', claim).single();
		expect(asked).toEqual({ status: 'query', message: 'Which taxi firm was it?' });
		const tooEarly = await sam().rpc('decide_claim', {
			claim,
			decision: 'approved',
			message: null,
			request_key: randomUUID()
		});
		expect(tooEarly.error?.message).toBe('wrong_status');

		const replyKey = randomUUID();
		const replies = await Promise.all(
			[1, 2].map(() =>
				alex().rpc('reply_to_claim', {
					claim,
					message: 'Cardiff Cabs, booked by the team.',
					request_key: replyKey
				})
			)
		);
		for (const r of replies) expect(r.error).toBeNull();
		const { data: back } = await alex().from('claims').select('status, reply').eq('id', claim).single();
		expect(back).toEqual({ status: 'submitted', reply: 'Cardiff Cabs, booked by the team.' });

		const [first, second] = await Promise.all([
			sam().rpc('decide_claim', { claim, decision: 'approved', message: null, request_key: randomUUID() }),
			chris().rpc('decide_claim', { claim, decision: 'rejected', message: 'No.', request_key: randomUUID() })
		]);
		const outcomes = [first, second].map((r) => r.error?.message ?? 'ok').sort();
		expect(outcomes).toEqual(['ok', 'wrong_status']);
		const { data: events } = await service()
			.from('claim_events')
			.select('status')
			.eq('claim_id', claim)
			.in('status', ['approved', 'rejected']);
		expect(events).toHaveLength(1);
		const { data: audit } = await service()
			.from('audit_log')
			.select('action')
			.eq('entity', 'claim')
			.eq('entity_id', String(claim));
		expect((audit ?? []).map((a) => a.action).sort()).toEqual(
			['claim submitted', 'claim queried', 'claim query answered', `claim ${events![0]!.status}`].sort()
		);
		// Make sure it ends approved for the payment tests.
		if (events![0]!.status === 'rejected') {
			await service().from('claims').update({ status: 'approved', message: null }).eq('id', claim);
		}
	});

	it('only finance makes, exports and pays a run; a claim is paid once', async () => {
		for (const db of [alex(), sam()]) {
			const r = await db.rpc('create_payment_run', { method: 'vouchers', request_key: randomUUID() });
			expect(r.error?.message).toBe('not_allowed');
		}
		const key = randomUUID();
		const [a, b] = await Promise.all([
			jo().rpc('create_payment_run', { method: 'vouchers', request_key: key }),
			jo().rpc('create_payment_run', { method: 'vouchers', request_key: key })
		]);
		expect(a.error).toBeNull();
		expect((a.data as { id: number }).id).toBe((b.data as { id: number }).id);
		const run = (a.data as { id: number }).id;
		const { data: inRun } = await alex()
			.from('claims')
			.select('status, payment_run_id')
			.eq('id', claim)
			.single();
		expect(inRun).toEqual({ status: 'in_payment_run', payment_run_id: run });

		const notStaff = await sam().rpc('export_payment_run', { run });
		expect(notStaff.error?.message).toBe('not_allowed');
		const exported = await jo().rpc('export_payment_run', { run });
		expect(exported.error).toBeNull();
		const rows = exported.data as { claim_reference: string; total_pence: number; method: string }[];
		const mine = rows.find((r) => r.claim_reference === `CL-${String(claim).padStart(5, '0')}`);
		expect(mine).toMatchObject({ total_pence: 9605, method: 'vouchers' });
		const { data: audit } = await service()
			.from('audit_log')
			.select('action')
			.eq('entity', 'payment_run')
			.eq('entity_id', String(run));
		expect((audit ?? []).map((x) => x.action)).toContain('payment run exported');

		const paidKey = randomUUID();
		const paid = await jo().rpc('mark_payment_run_paid', {
			run,
			paid_on: '2026-11-20',
			reference: 'VOUCHERS 0099',
			request_key: paidKey
		});
		expect(paid.error).toBeNull();
		const repeat = await jo().rpc('mark_payment_run_paid', {
			run,
			paid_on: '2026-11-20',
			reference: 'VOUCHERS 0099',
			request_key: paidKey
		});
		expect(repeat.error).toBeNull();
		const twice = await jo().rpc('mark_payment_run_paid', {
			run,
			paid_on: '2026-11-21',
			reference: 'AGAIN',
			request_key: randomUUID()
		});
		expect(twice.error?.message).toBe('wrong_status');
		const { data: done } = await alex()
			.from('claims')
			.select('status, paid_on, paid_reference')
			.eq('id', claim)
			.single();
		expect(done).toEqual({ status: 'paid', paid_on: '2026-11-20', paid_reference: 'VOUCHERS 0099' });
		// Nobody can move it into another run or write to it directly.
		const another = await jo().rpc('create_payment_run', { method: 'vouchers', request_key: randomUUID() });
		if (!another.error) {
			const { data: still } = await service()
				.from('claims')
				.select('payment_run_id')
				.eq('id', claim)
				.single();
			expect(still).toEqual({ payment_run_id: run });
		} else expect(another.error.message).toBe('nothing_to_pay');
		const { error: direct } = await jo().from('claims').update({ status: 'approved' }).eq('id', claim);
		expect(direct?.code).toBe('42501');
		const { data: paidEvents } = await service()
			.from('claim_events')
			.select('id')
			.eq('claim_id', claim)
			.eq('status', 'paid');
		expect(paidEvents).toHaveLength(1);
	});

	it('the member’s tax-year totals show the fee and expenses apart', async () => {
		const { data } = await alex().rpc('member_claim_totals', {});
		const rows = data as { tax_year: number; fees_paid_pence: number; expenses_paid_pence: number }[];
		const year = rows.find((r) => r.tax_year === 2026)!;
		expect(year.fees_paid_pence).toBeGreaterThanOrEqual(7500);
		expect(year.expenses_paid_pence).toBeGreaterThanOrEqual(2105);
		const { data: others } = await priya().rpc('member_claim_totals', { member: ACCOUNTS.memberA.id });
		expect(others).toEqual([]);
		const staffView = await sam().rpc('member_claim_totals', { member: ACCOUNTS.memberA.id });
		expect(staffView.data).toEqual(data);
	});

	it('staff get the year’s totals by opportunity and category; members do not', async () => {
		const member = await alex().rpc('claim_totals_for_year', { tax_year: 2026 });
		expect(member.error?.message).toBe('not_allowed');
		const { data, error } = await sam().rpc('claim_totals_for_year', { tax_year: 2026 });
		expect(error).toBeNull();
		const rows = data as { category: string; pence: number; opportunity_type: string }[];
		expect(rows.some((r) => r.category === 'taxi' && r.pence >= 1650)).toBe(true);
		expect(rows.some((r) => r.category === 'fee' && r.opportunity_type === 'steering_group_role')).toBe(true);
	});
});

describe('what a member can claim for', () => {
	it('lists their own places and past meetings within the window, with the fee', async () => {
		const { data: mine } = await alex().rpc('my_involvements');
		const rows = mine as { id: number; opportunity_title: string }[];
		expect(rows.map((r) => r.id)).toContain(induction.involvementA);
		expect(rows.map((r) => r.id)).not.toContain(induction.involvementB);
		const { error } = await anon().rpc('my_involvements');
		expect(error).not.toBeNull();
		const { data: meetings } = await priya().rpc('claimable_meetings');
		const found = (meetings as { meeting_id: number; fee_pence: number; involvement_id: number }[]).find(
			(m) => m.meeting_id === induction.id
		);
		expect(found).toMatchObject({ involvement_id: induction.involvementB, fee_pence: 7500 });
	});
});

describe('claim window', () => {
	it('a claim cannot start before the activity or after the window', async () => {
		const late = await startClaim(alex(), induction.involvementA, null, '2026-01-01');
		expect(late.error?.message).toBe('too_late');
		const future = await startClaim(alex(), induction.involvementA, null, '2099-01-01');
		expect(future.error?.message).toBe('not_yet');
		const notMine = await startClaim(alex(), induction.involvementB, induction.id);
		expect(notMine.error?.message).toBe('not_found');
	});
});

describe('bank details', () => {
	const hash = (request: string, code: string) =>
		createHash('sha256').update(`test:${request}:${code}`).digest('hex');

	it('only finance reads them whole; members and staff see the last two digits', async () => {
		const { data: full } = await jo().from('bank_details').select('member_id, account_number');
		expect((full ?? []).length).toBeGreaterThan(0);
		const { data: admin } = await chris().from('bank_details').select('member_id');
		expect((admin ?? []).length).toBeGreaterThan(0);
		for (const db of [alex(), priya(), sam()]) {
			const { data } = await db.from('bank_details').select('account_number');
			expect(data ?? []).toEqual([]);
		}
		const { error } = await anon().from('bank_details').select('account_number');
		expect(error?.code).toBe('42501');

		const whole = (full as { member_id: string; account_number: string }[]).find(
			(r) => r.member_id === ACCOUNTS.memberA.id
		)!;
		const { data: masked } = await alex().rpc('masked_bank_details', {});
		expect(masked).toHaveLength(1);
		expect((masked as { account_number_end: string }[])[0]!.account_number_end).toBe(
			whole.account_number.slice(-2)
		);
		expect(JSON.stringify(masked)).not.toContain(whole.account_number);
		const { data: staffSees } = await sam().rpc('masked_bank_details', { member: ACCOUNTS.memberA.id });
		expect(staffSees).toEqual(masked);
		const { data: priyaSees } = await priya().rpc('masked_bank_details', { member: ACCOUNTS.memberA.id });
		expect(priyaSees).toEqual([]);
	});

	it('change only with the right code, once, within 5 tries', async () => {
		const db = priya();
		const request = randomUUID();
		const { error } = await db.rpc('request_bank_change', {
			request,
			code_hash: hash(request, '123456'),
			account_name: 'Priya Shah',
			sort_code: '11-22-33',
			account_number: '12345678'
		});
		expect(error).toBeNull();
		const { data: none } = await db.rpc('masked_bank_details', {});
		expect(none).toEqual([]);
		expect(
			(await db.rpc('confirm_bank_change', { request, presented_hash: hash(request, '000000') })).data
		).toBe('wrong');
		// Someone else cannot use Priya's code.
		expect(
			(await alex().rpc('confirm_bank_change', { request, presented_hash: hash(request, '123456') })).data
		).toBe('expired');
		expect(
			(await db.rpc('confirm_bank_change', { request, presented_hash: hash(request, '123456') })).data
		).toBe('ok');
		expect(
			(await db.rpc('confirm_bank_change', { request, presented_hash: hash(request, '123456') })).data
		).toBe('expired');
		const { data: masked } = await db.rpc('masked_bank_details', {});
		expect(masked).toMatchObject([
			{ account_name: 'Priya Shah', sort_code_end: '33', account_number_end: '78' }
		]);
		const { data: whole } = await jo()
			.from('bank_details')
			.select('sort_code, account_number')
			.eq('member_id', ACCOUNTS.memberB.id)
			.single();
		expect(whole).toEqual({ sort_code: '112233', account_number: '12345678' });

		const second = randomUUID();
		await db.rpc('request_bank_change', {
			request: second,
			code_hash: hash(second, '654321'),
			account_name: 'Priya Shah',
			sort_code: '112233',
			account_number: '87654321'
		});
		const tries = [];
		for (let i = 0; i < 6; i++)
			tries.push(
				(await db.rpc('confirm_bank_change', { request: second, presented_hash: hash(second, '1') })).data
			);
		expect(tries).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'too_many']);
		expect(
			(await db.rpc('confirm_bank_change', { request: second, presented_hash: hash(second, '654321') })).data
		).toBe('expired');
		const { data: audit } = await service()
			.from('audit_log')
			.select('action, details')
			.eq('entity', 'profile')
			.eq('entity_id', ACCOUNTS.memberB.id)
			.like('action', 'bank details%');
		expect(audit).toEqual([{ action: 'bank details added', details: {} }]);
	});

	it('refuses details that are not a sort code and account number', async () => {
		const request = randomUUID();
		const { error } = await priya().rpc('request_bank_change', {
			request,
			code_hash: hash(request, '1'),
			account_name: 'Priya Shah',
			sort_code: '1122',
			account_number: '12345678'
		});
		expect(error?.message).toBe('invalid_bank_details');
		const { error: open } = await anon().rpc('request_bank_change', {
			request,
			code_hash: hash(request, '1'),
			account_name: 'x',
			sort_code: '112233',
			account_number: '12345678'
		});
		expect(open).not.toBeNull();
	});
});
