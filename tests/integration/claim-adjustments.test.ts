// The staff claim page shows what adjustments were agreed for the claim's meeting, only to staff
// who arrange adjustments, and every such read leaves an audit row naming the claim.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, as, service } from './helpers';

let claim: number;

beforeAll(async () => {
	const db = service();
	const { data: meeting } = await db
		.from('meetings')
		.select('id, opportunity_id, opportunities!inner (title)')
		.like('opportunities.title', 'Guideline committee: moving from children%')
		.eq('title', 'Committee meeting 1')
		.single();
	const { data: involvement } = await db
		.from('involvements')
		.select('id')
		.eq('member_id', ACCOUNTS.memberA.id)
		.eq('opportunity_id', meeting!.opportunity_id)
		.single();
	const { data, error } = await db
		.from('claims')
		.insert({
			member_id: ACCOUNTS.memberA.id,
			involvement_id: involvement!.id,
			meeting_id: meeting!.id,
			activity_on: new Date().toISOString().slice(0, 10),
			status: 'submitted',
			submitted_at: new Date().toISOString(),
			payment_method: 'bank',
			start_key: randomUUID()
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	claim = data!.id;
});

describe('adjustments agreed for a claim', () => {
	it('staff who arrange adjustments see what was agreed, and the read is audited', async () => {
		const { data, error } = await as(ACCOUNTS.staff).rpc('staff_claim_adjustments', { claim });
		expect(error).toBeNull();
		const rows = data as { category: string; status: string; arranged_what: string | null }[];
		const travel = rows.find((r) => r.category === 'travel');
		expect(travel?.status).toBe('arranged');
		expect(travel?.arranged_what).toBeTruthy();
		// Nothing only asked for, or refused, is shown as agreed.
		expect(rows.every((r) => ['agreed', 'partly_agreed', 'arranged'].includes(r.status))).toBe(true);

		const { data: audit } = await service()
			.from('audit_log')
			.select('actor_id, details')
			.eq('action', 'adjustment request read')
			.eq('details->>via', 'claim')
			.eq('details->>claim_id', String(claim));
		expect(audit?.length).toBeGreaterThan(0);
		expect(audit?.every((a) => a.actor_id === ACCOUNTS.staff.id)).toBe(true);
	});

	it('finance, members and the claimant cannot read them this way', async () => {
		for (const account of [ACCOUNTS.finance, ACCOUNTS.memberA, ACCOUNTS.memberB]) {
			const { data, error } = await as(account).rpc('staff_claim_adjustments', { claim });
			expect(error?.message).toBe('not_allowed');
			expect(data).toBeNull();
		}
	});
});
