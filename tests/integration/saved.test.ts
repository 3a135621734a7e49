// Saved opportunities are private to each member, and only visible opportunities can be saved.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, draftInput } from './helpers';

let published: number;
let draft: number;

beforeAll(async () => {
	const staff = as(ACCOUNTS.staff);
	const a = await staff
		.from('opportunities')
		.insert({ ...draftInput('Saved test, published'), status: 'published' })
		.select('id')
		.single();
	const b = await staff.from('opportunities').insert(draftInput('Saved test, draft')).select('id').single();
	published = (a.data as { id: number }).id;
	draft = (b.data as { id: number }).id;
});

describe('saved opportunities', () => {
	it('a member saves an opportunity, once however often they press save, and sees it', async () => {
		const a = as(ACCOUNTS.memberA);
		for (let i = 0; i < 2; i++) {
			const { error } = await a
				.from('saved_opportunities')
				.upsert({ member_id: ACCOUNTS.memberA.id, opportunity_id: published }, { ignoreDuplicates: true });
			expect(error).toBeNull();
		}
		const { data } = await a
			.from('saved_opportunities')
			.select('member_id, opportunity_id')
			.eq('opportunity_id', published);
		expect(data).toEqual([{ member_id: ACCOUNTS.memberA.id, opportunity_id: published }]);
	});

	it("another member cannot see, remove or add to a member's saved list", async () => {
		const b = as(ACCOUNTS.memberB);
		const { data: seen } = await b
			.from('saved_opportunities')
			.select('*')
			.eq('member_id', ACCOUNTS.memberA.id);
		expect(seen).toEqual([]);
		const { data: removed } = await b
			.from('saved_opportunities')
			.delete()
			.eq('member_id', ACCOUNTS.memberA.id)
			.select('*');
		expect(removed).toEqual([]);
		const { error } = await b
			.from('saved_opportunities')
			.insert({ member_id: ACCOUNTS.memberA.id, opportunity_id: published });
		expect(error?.code).toBe('42501');
		const { data: still } = await as(ACCOUNTS.memberA)
			.from('saved_opportunities')
			.select('opportunity_id')
			.eq('opportunity_id', published);
		expect(still).toHaveLength(1);
	});

	it('staff cannot read members’ saved lists either', async () => {
		const { data } = await as(ACCOUNTS.staff).from('saved_opportunities').select('*');
		expect(data).toEqual([]);
	});

	it('a draft cannot be saved', async () => {
		const { error } = await as(ACCOUNTS.memberA)
			.from('saved_opportunities')
			.insert({ member_id: ACCOUNTS.memberA.id, opportunity_id: draft });
		expect(error?.code).toBe('42501');
	});

	it('the public cannot save or read saved opportunities', async () => {
		const read = await anon().from('saved_opportunities').select('*');
		expect(read.error?.code).toBe('42501');
		const write = await anon()
			.from('saved_opportunities')
			.insert({ member_id: ACCOUNTS.memberA.id, opportunity_id: published });
		expect(write.error?.code).toBe('42501');
	});

	it('a member removes what they saved', async () => {
		const a = as(ACCOUNTS.memberA);
		const { data } = await a
			.from('saved_opportunities')
			.delete()
			.eq('opportunity_id', published)
			.select('opportunity_id');
		expect(data).toEqual([{ opportunity_id: published }]);
	});
});
