// public.my_opportunity_state: an opportunity's page asks once whether the signed-in person saved
// it, applied to it and takes part in it. It runs as them under Row Level Security, answers only
// about their own rows (staff, who may read everyone's applications, get their own too), and
// anyone not signed in cannot call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myOpportunityState } from '$lib/server/opportunities';
import { ACCOUNTS, anon, as, draftInput, service } from './helpers';

let id = 0;
let application = 0;
const NOTHING = { saved: false, application: null, takingPart: false };

beforeAll(async () => {
	const db = service();
	const opp = await db
		.from('opportunities')
		.insert({ ...draftInput(`My part test ${Date.now()}`), status: 'published' })
		.select('id')
		.single();
	expect(opp.error).toBeNull();
	id = (opp.data as { id: number }).id;
	const app = await db
		.from('applications')
		.insert({
			opportunity_id: id,
			member_id: ACCOUNTS.memberA.id,
			status: 'submitted',
			submitted_at: new Date().toISOString()
		})
		.select('id')
		.single();
	expect(app.error).toBeNull();
	application = (app.data as { id: number }).id;
	const part = await db
		.from('involvements')
		.insert({ member_id: ACCOUNTS.memberA.id, opportunity_id: id, role: 'Panel member' });
	expect(part.error).toBeNull();
	const saved = await db
		.from('saved_opportunities')
		.insert({ member_id: ACCOUNTS.memberA.id, opportunity_id: id });
	expect(saved.error).toBeNull();
});

afterAll(async () => {
	const db = service();
	await db.from('involvements').delete().eq('opportunity_id', id);
	await db.from('applications').delete().eq('opportunity_id', id);
	await db.from('opportunities').delete().eq('id', id);
});

describe("a person's part in an opportunity, in one request", () => {
	it('tells the member what they saved, applied to and take part in', async () => {
		expect(await myOpportunityState(as(ACCOUNTS.memberA), id)).toEqual({
			saved: true,
			application: { id: application, status: 'submitted' },
			takingPart: true
		});
	});

	it("tells another member nothing of the first one's", async () => {
		expect(await myOpportunityState(as(ACCOUNTS.memberB), id)).toEqual(NOTHING);
	});

	it('tells staff and admins only their own part, though they may read every sent application', async () => {
		for (const who of [ACCOUNTS.staff, ACCOUNTS.admin]) {
			const { data } = await as(who).from('applications').select('id').eq('opportunity_id', id);
			expect(data).toEqual([{ id: application }]);
			expect(await myOpportunityState(as(who), id)).toEqual(NOTHING);
		}
	});

	it('cannot be called by anyone not signed in', async () => {
		const { error } = await anon().rpc('my_opportunity_state', { opportunity: id });
		expect(error?.code).toBe('42501');
	});
});
