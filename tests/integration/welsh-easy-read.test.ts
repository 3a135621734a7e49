// Welsh versions of opportunities go with their row: members and the public read them only on
// published (and closed) opportunities; only staff write them. The jargon list: staff read it,
// only admins change it; members and the public cannot see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, draftInput, service } from './helpers';

const TITLE = `Welsh test ${Date.now()}`;
let draftId = 0;
let publishedId = 0;

beforeAll(async () => {
	const staff = as(ACCOUNTS.staff);
	const welsh = {
		title_cy: 'Grŵp prawf',
		summary_cy: 'Cyfle prawf a wnaed gan y profion integreiddio.',
		easy_read_cy: [{ text: 'Dewch i gwrdd â ni.', pictogram: 'group' }]
	};
	const draft = await staff
		.from('opportunities')
		.insert({ ...draftInput(`${TITLE} draft`), ...welsh })
		.select('id')
		.single();
	expect(draft.error).toBeNull();
	draftId = (draft.data as { id: number }).id;
	const published = await staff
		.from('opportunities')
		.insert({
			...draftInput(`${TITLE} published`),
			...welsh,
			status: 'published',
			easy_read: [{ text: 'Come and meet us.', pictogram: 'group' }]
		})
		.select('id')
		.single();
	expect(published.error).toBeNull();
	publishedId = (published.data as { id: number }).id;
});

afterAll(async () => {
	await service().from('opportunities').delete().in('id', [draftId, publishedId]);
	await service().from('easy_read_jargon').delete().like('word', 'test jargon%');
});

describe('Welsh versions of opportunities', () => {
	it('members and the public read the Welsh of a published opportunity', async () => {
		for (const client of [anon(), as(ACCOUNTS.memberA)]) {
			const { data, error } = await client
				.from('opportunities')
				.select('title_cy, summary_cy, easy_read_cy')
				.eq('id', publishedId)
				.single();
			expect(error).toBeNull();
			expect(data).toEqual({
				title_cy: 'Grŵp prawf',
				summary_cy: 'Cyfle prawf a wnaed gan y profion integreiddio.',
				easy_read_cy: [{ text: 'Dewch i gwrdd â ni.', pictogram: 'group' }]
			});
		}
	});

	it('members and the public cannot read the Welsh of a draft', async () => {
		for (const client of [anon(), as(ACCOUNTS.memberA)]) {
			const { data } = await client.from('opportunities').select('title_cy').eq('id', draftId);
			expect(data ?? []).toEqual([]);
		}
		const { data } = await as(ACCOUNTS.staff).from('opportunities').select('title_cy').eq('id', draftId);
		expect(data).toEqual([{ title_cy: 'Grŵp prawf' }]);
	});

	it('members cannot change the Welsh', async () => {
		const { data } = await as(ACCOUNTS.memberA)
			.from('opportunities')
			.update({ title_cy: 'Wedi newid' })
			.eq('id', publishedId)
			.select('id');
		expect(data ?? []).toEqual([]);
		const { data: row } = await service()
			.from('opportunities')
			.select('title_cy')
			.eq('id', publishedId)
			.single();
		expect(row).toEqual({ title_cy: 'Grŵp prawf' });
	});

	it('the database refuses a badly formed Welsh easy-read version', async () => {
		const { error } = await as(ACCOUNTS.staff)
			.from('opportunities')
			.update({ easy_read_cy: [{ words: 'no text' }] })
			.eq('id', draftId);
		expect(error).not.toBeNull();
	});
});

describe('the jargon list', () => {
	it('is seeded with common jargon, and staff read it', async () => {
		const { data, error } = await as(ACCOUNTS.staff).from('easy_read_jargon').select('word, instead');
		expect(error).toBeNull();
		const words = (data as { word: string }[]).map((j) => j.word);
		expect(words).toEqual(
			expect.arrayContaining(['co-production', 'stakeholder', 'remuneration', 'facilitate'])
		);
	});

	it('members and the public cannot read it', async () => {
		const { data: member } = await as(ACCOUNTS.memberA).from('easy_read_jargon').select('word');
		expect(member ?? []).toEqual([]);
		const { data: nobody } = await anon().from('easy_read_jargon').select('word');
		expect(nobody ?? []).toEqual([]);
	});

	it('staff who are not admins cannot change it', async () => {
		const added = await as(ACCOUNTS.staff)
			.from('easy_read_jargon')
			.insert({ word: 'test jargon staff', instead: '' });
		expect(added.error).not.toBeNull();
		const { data: removed } = await as(ACCOUNTS.staff)
			.from('easy_read_jargon')
			.delete()
			.eq('word', 'remuneration')
			.select('id');
		expect(removed ?? []).toEqual([]);
		const { data: changed } = await as(ACCOUNTS.staff)
			.from('easy_read_jargon')
			.update({ instead: 'money' })
			.eq('word', 'remuneration')
			.select('id');
		expect(changed ?? []).toEqual([]);
	});

	it('members cannot add to it', async () => {
		const { error } = await as(ACCOUNTS.memberA)
			.from('easy_read_jargon')
			.insert({ word: 'test jargon member', instead: '' });
		expect(error).not.toBeNull();
	});

	it('admins add, change and remove words', async () => {
		const admin = as(ACCOUNTS.admin);
		const added = await admin
			.from('easy_read_jargon')
			.insert({ word: 'test jargon admin', instead: 'plain words' })
			.select('id, created_by')
			.single();
		expect(added.error).toBeNull();
		expect((added.data as { created_by: string }).created_by).toBe(ACCOUNTS.admin.id);
		const id = (added.data as { id: number }).id;
		const changed = await admin
			.from('easy_read_jargon')
			.update({ instead: 'simple words' })
			.eq('id', id)
			.select('instead');
		expect(changed.data).toEqual([{ instead: 'simple words' }]);
		const removed = await admin.from('easy_read_jargon').delete().eq('id', id).select('id');
		expect(removed.data).toEqual([{ id }]);
	});

	it('keeps words in lower case, once each', async () => {
		const admin = as(ACCOUNTS.admin);
		expect(
			(await admin.from('easy_read_jargon').insert({ word: 'Test Jargon Capitals' })).error
		).not.toBeNull();
		expect((await admin.from('easy_read_jargon').insert({ word: 'co-production' })).error).not.toBeNull();
	});
});
