// The staff side of adjustments: the counts on the staff home page (no member named, so no audit
// row, and only for staff who arrange adjustments), and the audit log of staff reads that admins see.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, service } from './helpers';

/** Selin: staff without the arrange adjustments permission (supabase/seeds/21_adjustments_staff.sql). */
const selin = { id: '00000000-0000-4000-8150-000000000005', role: 'staff' } as const;
/** Anwen: an admin. */
const anwen = { id: '00000000-0000-4000-8150-000000000003', role: 'admin' } as const;

let luis: { id: string; role: 'member' };
let committee: number;
let meeting: number;

type Counts = { to_answer: number; to_arrange: number; papers_due: number; papers_overdue: number };

async function counts(): Promise<Counts> {
	const { data, error } = await as(ACCOUNTS.staff).rpc('staff_adjustment_counts').single();
	expect(error).toBeNull();
	return data as Counts;
}

beforeAll(async () => {
	const db = service();
	const { data: p } = await db
		.from('profiles')
		.select('id')
		.eq('email', 'luis.fernandes@example.org')
		.single();
	luis = { id: (p as { id: string }).id, role: 'member' };
	const { data: c } = await db
		.from('opportunities')
		.select('id')
		.like('title', 'Guideline committee: moving from children%')
		.single();
	committee = (c as { id: number }).id;
	// A meeting in 10 days: papers asked for 20 days before it are already overdue.
	const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { data: m, error } = await db
		.from('meetings')
		.insert({
			opportunity_id: committee,
			title: 'Staff side test meeting',
			starts_at: day(10),
			ends_at: day(10.2),
			location_type: 'online'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	meeting = (m as { id: number }).id;
});

describe('counts on the staff home page', () => {
	it('only staff who arrange adjustments (and admins) get them', async () => {
		for (const client of [as(selin), as(ACCOUNTS.finance), as(ACCOUNTS.memberA)]) {
			const { error } = await client.rpc('staff_adjustment_counts');
			expect(error?.message).toBe('not_allowed');
		}
		expect((await anon().rpc('staff_adjustment_counts')).error).not.toBeNull();
		expect((await as(anwen).rpc('staff_adjustment_counts')).error).toBeNull();
	});

	it('follow a request from asked, to agreed, to arranged, with its papers', async () => {
		const before = await counts();
		const since = new Date().toISOString();
		const asked = await as(luis).rpc('save_adjustment_request', {
			opportunity: committee,
			meeting,
			items: [
				{ category: 'travel', options: ['taxi'] },
				{ category: 'papers', options: ['large_print'], large_print_size: 18, papers_days_before: 20 }
			],
			share_with_organisers: false,
			request_key: randomUUID()
		});
		expect(asked.error).toBeNull();
		const requestId = (asked.data as { id: number }).id;
		expect(await counts()).toEqual({
			to_answer: before.to_answer + 1,
			to_arrange: before.to_arrange,
			papers_due: before.papers_due + 1,
			papers_overdue: before.papers_overdue + 1
		});
		// Counting names nobody, so it writes no audit row.
		const { data: audit } = await service()
			.from('audit_log')
			.select('id')
			.eq('actor_id', ACCOUNTS.staff.id)
			.gte('at', since);
		expect(audit ?? []).toEqual([]);

		const { data: items } = await service()
			.from('adjustment_items')
			.select('id, category')
			.eq('request_id', requestId);
		const id = (c: string) => (items as { id: number; category: string }[]).find((i) => i.category === c)!.id;
		const staff = as(ACCOUNTS.staff);
		const agree = (item: number) =>
			staff.rpc('respond_to_adjustment', { item, decision: 'agreed', request_key: randomUUID() });
		expect((await agree(id('travel'))).error).toBeNull();
		expect((await agree(id('papers'))).error).toBeNull();
		expect(await counts()).toEqual({
			to_answer: before.to_answer,
			to_arrange: before.to_arrange + 1,
			papers_due: before.papers_due + 1,
			papers_overdue: before.papers_overdue + 1
		});

		for (const c of ['travel', 'papers']) {
			const { error } = await staff.rpc('arrange_adjustment', {
				item: id(c),
				what: c === 'travel' ? 'Taxi booked from home' : 'Large print copy posted',
				when_text: 'pick-up 09:15',
				request_key: randomUUID()
			});
			expect(error).toBeNull();
		}
		expect((await staff.rpc('mark_papers_ready', { request: requestId, meeting })).error).toBeNull();
		expect(await counts()).toEqual(before);
	});
});

describe('the audit log of staff reads', () => {
	it('admins read who read which member and why; staff and members read none of it', async () => {
		const { data: request } = await service()
			.from('adjustment_requests')
			.select('id')
			.eq('member_id', luis.id)
			.eq('meeting_id', meeting)
			.single();
		const requestId = (request as { id: number }).id;
		const since = new Date().toISOString();
		expect(
			(await as(ACCOUNTS.staff).rpc('staff_adjustment_request', { request: requestId })).error
		).toBeNull();

		const reads = () =>
			as(anwen)
				.from('audit_log')
				.select('actor_id, action, entity_id, details')
				.in('action', ['access needs read', 'adjustment request read'])
				.gte('at', since)
				.order('at', { ascending: false });
		const { data, error } = await reads();
		expect(error).toBeNull();
		expect(data).toContainEqual({
			actor_id: ACCOUNTS.staff.id,
			action: 'adjustment request read',
			entity_id: String(requestId),
			details: { member_id: luis.id, opportunity_id: committee, via: 'request' }
		});
		for (const client of [as(ACCOUNTS.staff), as(selin), as(luis)]) {
			const { data: none } = await client.from('audit_log').select('id').gte('at', since);
			expect(none ?? []).toEqual([]);
		}
	});
});
