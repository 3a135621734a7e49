// The list visitors see is kept for a few seconds in the server's process: it is read once for
// everyone, forgotten as soon as staff save an opportunity through the portal, read afresh after
// VISITOR_LIST_MS, and never shows an opportunity past its closing date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPageForVisitors, setStatus, VISITOR_LIST_MS } from '$lib/server/opportunities';
import { ACCOUNTS, addOpportunity, anon, as, service } from './helpers';

const STAMP = Date.now();
const TITLE = `Visitor list test ${STAMP}`;
const filters = { q: TITLE };
let id = 0;
const start = Date.now();
const at = (ms: number) => new Date(start + ms);
const listed = async (ms: number) =>
	(await openPageForVisitors(anon(), filters, 1, at(ms))).rows.filter((o) => o.id === id).map((o) => o.title);

beforeAll(async () => {
	id = await addOpportunity(TITLE, { closes_at: new Date(start + 30 * 86_400_000).toISOString() });
});

afterAll(async () => {
	await service().from('opportunities').delete().eq('id', id);
});

describe("visitors' list of open opportunities", () => {
	it('is kept for a few seconds, and forgotten when staff save an opportunity through the portal', async () => {
		expect(await listed(0)).toEqual([]);
		// Published behind the portal's back: the kept list does not know yet.
		const { error } = await as(ACCOUNTS.staff)
			.from('opportunities')
			.update({ status: 'published' })
			.eq('id', id);
		expect(error).toBeNull();
		expect(await listed(1000)).toEqual([]);
		// Through the portal: forgotten at once.
		expect(await setStatus(as(ACCOUNTS.staff), id, 'published')).toBe(true);
		expect(await listed(1500)).toEqual([TITLE]);
	});

	it('is read afresh once it is older than VISITOR_LIST_MS', async () => {
		const { error } = await as(ACCOUNTS.staff).from('opportunities').update({ status: 'draft' }).eq('id', id);
		expect(error).toBeNull();
		expect(await listed(1500 + VISITOR_LIST_MS - 1)).toEqual([TITLE]);
		expect(await listed(1500 + VISITOR_LIST_MS)).toEqual([]);
	});

	it('leaves out what has closed since it was read', async () => {
		const closes = start + 40_000 + VISITOR_LIST_MS;
		expect(await setStatus(as(ACCOUNTS.staff), id, 'published')).toBe(true);
		const { error } = await as(ACCOUNTS.staff)
			.from('opportunities')
			.update({ closes_at: new Date(closes).toISOString() })
			.eq('id', id);
		expect(error).toBeNull();
		const read = closes - start - 1000;
		expect(await listed(read)).toEqual([TITLE]);
		expect(await listed(read + 1001)).toEqual([]);
	});
});
