// Projects and the co-production evaluation tool: plans, reflections, principles and projects are
// for staff only; a member gives feedback only on their own place, once; anonymous feedback holds
// nothing that staff can join back to the member.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, service } from './helpers';

const imogen = { id: '00000000-0000-4000-8900-000000000021', role: 'member' };
const dev = { id: '00000000-0000-4000-8900-000000000022', role: 'member' };
const sam = () => as(ACCOUNTS.staff);

const STAFF_ONLY = [
	'projects',
	'evaluation_principles',
	'plan_entries',
	'reflections',
	'reflection_entries',
	'activity_feedback'
] as const;

async function involvementOf(member: { id: string }): Promise<number> {
	const { data, error } = await service()
		.from('involvements')
		.select('id, opportunities!inner(title)')
		.eq('member_id', member.id)
		.eq('opportunities.title', "Reading group: young carers' guide")
		.single();
	expect(error).toBeNull();
	return (data as { id: number }).id;
}

function feedback(involvement: number, named: boolean, comment: string, key = randomUUID()) {
	return {
		involvement,
		went: 'well',
		adjustments: 'right',
		listened: 'partly',
		comment,
		named,
		easy_read: true,
		request_key: key
	};
}

describe('staff only', () => {
	it('staff read the seeded projects, plan, reflection and feedback', async () => {
		for (const table of STAFF_ONLY) {
			const { data, error } = await sam().from(table).select('*').limit(5);
			expect(error, table).toBeNull();
			expect((data as unknown[]).length, table).toBeGreaterThan(0);
		}
	});

	it('members and the public read none of it with their own tokens', async () => {
		for (const who of [as(ACCOUNTS.memberA), as(imogen), anon()]) {
			for (const table of STAFF_ONLY) {
				const { data } = await who.from(table).select('*').limit(5);
				expect(data ?? [], table).toEqual([]);
			}
		}
	});

	it('members cannot write a plan or a reflection', async () => {
		const { data: project } = await sam().from('projects').select('id').limit(1).single();
		const { data: principle } = await sam().from('evaluation_principles').select('id').limit(1).single();
		const projectId = (project as { id: number }).id;
		const principleId = (principle as { id: number }).id;
		const plan = await as(imogen)
			.from('plan_entries')
			.insert({ project_id: projectId, principle_id: principleId, intention: 'x' });
		expect(plan.error).not.toBeNull();
		const reflection = await as(imogen)
			.from('reflections')
			.insert({ project_id: projectId, kind: 'end', title: 'Sneaky' });
		expect(reflection.error).not.toBeNull();
	});

	it('only admins change the principles', async () => {
		const { data: principle } = await sam()
			.from('evaluation_principles')
			.select('id, name')
			.eq('name', 'Equality')
			.single();
		const id = (principle as { id: number }).id;
		const bySam = await sam()
			.from('evaluation_principles')
			.update({ question: 'Changed by staff' })
			.eq('id', id)
			.select('id');
		expect(bySam.data ?? []).toEqual([]);
		const byAdmin = await as(ACCOUNTS.admin)
			.from('evaluation_principles')
			.update({ sort_order: 10 })
			.eq('id', id)
			.select('id');
		expect(byAdmin.data).toHaveLength(1);
	});

	it('a level outside the principle’s levels is refused', async () => {
		const { data: project } = await sam()
			.from('projects')
			.select('id')
			.eq('name', 'Easy read style guide')
			.single();
		const { data: principle } = await sam()
			.from('evaluation_principles')
			.select('id')
			.eq('name', 'Equality')
			.single();
		const { error } = await sam()
			.from('plan_entries')
			.insert({
				project_id: (project as { id: number }).id,
				principle_id: (principle as { id: number }).id,
				level: 6
			});
		expect(error?.message).toContain('level_out_of_range');
	});

	it('project spending is for staff only', async () => {
		const { data: project } = await sam().from('projects').select('id').limit(1).single();
		const id = (project as { id: number }).id;
		expect((await sam().rpc('project_spend', { project: id })).error).toBeNull();
		expect((await as(imogen).rpc('project_spend', { project: id })).error).not.toBeNull();
		expect((await anon().rpc('project_spend', { project: id })).error).not.toBeNull();
	});
});

describe('member feedback', () => {
	it('a member gives feedback only on their own place', async () => {
		const devs = await involvementOf(dev);
		const { error } = await as(imogen).rpc('give_feedback', feedback(devs, true, 'Not mine'));
		expect(error?.message).toContain('not_allowed');
		const { data: rows } = await sam().from('activity_feedback').select('id').eq('comment', 'Not mine');
		expect(rows).toEqual([]);
	});

	it('anonymous feedback holds nothing staff can join back to the member', async () => {
		const mine = await involvementOf(imogen);
		const comment = `Anonymous ${randomUUID()}`;
		const key = randomUUID();
		const first = await as(imogen).rpc('give_feedback', feedback(mine, false, comment, key));
		expect(first.error).toBeNull();
		expect(first.data).toBe('given');

		// A retry with the same key writes nothing more; another key is refused.
		expect((await as(imogen).rpc('give_feedback', feedback(mine, false, comment, key))).data).toBe('given');
		const again = await as(imogen).rpc('give_feedback', feedback(mine, false, comment));
		expect(again.error?.message).toContain('already_given');

		const { data: rows } = await sam().from('activity_feedback').select('*').eq('comment', comment);
		expect(rows).toHaveLength(1);
		const row = (rows as Record<string, unknown>[])[0]!;
		expect(row.member_id).toBeNull();
		// Nothing in the row names the member or their place: no involvement, no time of day.
		expect(Object.keys(row).sort()).toEqual(
			[
				'adjustments',
				'comment',
				'easy_read',
				'given_on',
				'id',
				'listened',
				'member_id',
				'opportunity_id',
				'went'
			].sort()
		);
		expect(JSON.stringify(row)).not.toContain(imogen.id);
		expect(JSON.stringify(row)).not.toContain(`"${mine}"`);

		// Staff cannot read who has given feedback, which is the only other trace.
		const markers = await sam().from('feedback_given').select('*');
		expect(markers.data ?? []).toEqual([]);
		// The member sees that they have (so they are not asked again), and nothing else.
		const own = await as(imogen).from('feedback_given').select('involvement_id');
		expect(own.data).toEqual([{ involvement_id: mine }]);
		const { data: list } = await as(imogen).rpc('my_feedback_activities');
		expect(list).toContainEqual(expect.objectContaining({ involvement_id: mine, given: true }));
	});

	it('named feedback keeps the member', async () => {
		const devs = await involvementOf(dev);
		const comment = `Named ${randomUUID()}`;
		const { error } = await as(dev).rpc('give_feedback', feedback(devs, true, comment));
		expect(error).toBeNull();
		const { data: rows } = await sam().from('activity_feedback').select('member_id').eq('comment', comment);
		expect(rows).toEqual([{ member_id: dev.id }]);
	});

	it('members and the public cannot write feedback straight to the table', async () => {
		const { data: opp } = await sam().from('opportunities').select('id').limit(1).single();
		const { error } = await as(imogen)
			.from('activity_feedback')
			.insert({
				opportunity_id: (opp as { id: number }).id,
				went: 'well',
				adjustments: 'right',
				listened: 'yes'
			});
		expect(error).not.toBeNull();
		expect((await anon().rpc('give_feedback', feedback(1, false, 'x'))).error).not.toBeNull();
	});
});
