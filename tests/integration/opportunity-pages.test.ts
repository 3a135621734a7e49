// The opportunities list in pages: LIST_PAGE_SIZE to a page, the count of all that match, and a
// page past the end said to be so (the page then sends the member to the last one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE } from '$lib/opportunities';
import { listHref } from '../../src/routes/opportunities/list-href';
import { openPage, openPageForVisitors, readPage } from '$lib/server/opportunities';
import { ACCOUNTS, anon, as, service } from './helpers';

const WORD = `Pagecount${Date.now()}`;
const MANY = LIST_PAGE_SIZE + 7;
const filters = { q: WORD };

beforeAll(async () => {
	const { error } = await service()
		.from('opportunities')
		.insert(
			Array.from({ length: MANY }, (_, i) => ({
				type: 'committee',
				title: `${WORD} committee ${i + 1}`,
				summary: 'One of many, to show the list in pages.',
				location_type: 'online',
				status: 'published',
				published_at: new Date(Date.now() - 60 * 86_400_000).toISOString(),
				// Soonest closing first: number 1 closes first.
				closes_at: new Date(Date.now() + (30 + i) * 86_400_000).toISOString()
			}))
		);
	expect(error).toBeNull();
});

afterAll(async () => {
	await service().from('opportunities').delete().like('title', `${WORD} %`);
});

const titles = (rows: { title: string }[]) => rows.map((o) => o.title);

describe('the opportunities list in pages', () => {
	it('gives a page at a time, soonest closing first, with how many match in all', async () => {
		const first = await openPage(anon(), filters, 1);
		expect(first).toMatchObject({ total: MANY, page: 1, pages: 2 });
		expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
		expect(first.rows[0]!.title).toBe(`${WORD} committee 1`);

		const second = await openPage(as(ACCOUNTS.memberA), filters, 2);
		expect(second).toMatchObject({ total: MANY, page: 2, pages: 2 });
		expect(titles(second.rows)).toEqual(
			Array.from({ length: MANY - LIST_PAGE_SIZE }, (_, i) => `${WORD} committee ${LIST_PAGE_SIZE + i + 1}`)
		);
	});

	it('says when a page is past the end, and how many pages there are', async () => {
		expect(await openPage(anon(), filters, 5)).toEqual({ rows: [], total: MANY, page: 5, pages: 2 });
		expect(await openPage(anon(), { q: `${WORD}nothing` }, 1)).toEqual({
			rows: [],
			total: 0,
			page: 1,
			pages: 1
		});
	});

	it("keeps each page of a visitor's list apart", async () => {
		const now = new Date();
		const one = await openPageForVisitors(anon(), filters, 1, now);
		const two = await openPageForVisitors(anon(), filters, 2, now);
		expect(titles(one.rows)).toEqual(titles((await openPage(anon(), filters, 1)).rows));
		expect(titles(two.rows)).toEqual(titles((await openPage(anon(), filters, 2)).rows));
	});

	it('reads the page number from the address, and makes the address of each page', () => {
		const page = (query: string) => readPage(new URLSearchParams(query));
		expect([
			page(''),
			page('page=3'),
			page('page=0'),
			page('page=-2'),
			page('page=2.5'),
			page('page=x')
		]).toEqual([1, 3, 1, 1, 1, 1]);
		const all = { q: '', type: '', topic: '', where: '', closingSoon: false };
		expect(listHref(all, 1)).toBe('/opportunities');
		expect(listHref({ ...all, q: 'carers & family', closingSoon: true }, 2)).toBe(
			'/opportunities?q=carers+%26+family&closing=soon&page=2'
		);
	});
});
