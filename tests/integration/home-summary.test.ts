// The home page's part of the open opportunities: a few closing soon and the newest, with counts
// of every one open and every one closing soon that match the lists its links lead to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	HOME_CLOSING_SOON,
	HOME_NEWEST,
	openPage,
	openSummary,
	openSummaryForVisitors
} from '$lib/server/opportunities';
import { ACCOUNTS, anon, as, service } from './helpers';

const WORD = `Homesummary${Date.now()}`;
const start = Date.now();
const DAY = 86_400_000;

beforeAll(async () => {
	const published = (ms: number) => new Date(start - ms).toISOString();
	const { error } = await service()
		.from('opportunities')
		.insert(
			[
				// More closing soon than the home page shows; the first closes in a minute.
				...Array.from({ length: HOME_CLOSING_SOON + 2 }, (_, i) => ({
					title: `${WORD} closing ${i + 1}`,
					closes_at: new Date(start + (i === 0 ? 60_000 : i * DAY)).toISOString(),
					published_at: published(30 * DAY)
				})),
				{
					title: `${WORD} newest`,
					closes_at: new Date(start + 60 * DAY).toISOString(),
					published_at: published(0)
				},
				// Enough that every one open is more than a list of 200 would count.
				...Array.from({ length: 200 }, (_, i) => ({
					title: `${WORD} one of many ${i + 1}`,
					closes_at: new Date(start + 90 * DAY).toISOString(),
					published_at: published(90 * DAY)
				}))
			].map((o) => ({
				...o,
				type: 'committee',
				summary: 'For the home page test.',
				location_type: 'online',
				status: 'published'
			}))
		);
	expect(error).toBeNull();
});

afterAll(async () => {
	await service().from('opportunities').delete().like('title', `${WORD} %`);
});

const ids = (rows: { id: number }[]) => rows.map((o) => o.id);

describe("the home page's opportunities", () => {
	for (const [who, db] of [
		['a visitor', anon],
		['a member', () => as(ACCOUNTS.memberA)]
	] as const) {
		it(`for ${who}: counts match the lists linked to, and nothing is shown twice`, async () => {
			const now = new Date();
			const summary = await openSummary(db(), now);
			const all = await openPage(db(), {}, 1, now);
			const closing = await openPage(db(), { closingSoon: true }, 1, now);

			expect(summary.openCount).toBe(all.total);
			expect(summary.openCount).toBeGreaterThan(200);
			expect(summary.closingSoonCount).toBe(closing.total);
			expect(summary.closingSoonCount).toBeGreaterThan(HOME_CLOSING_SOON);
			expect(ids(summary.closingSoon)).toEqual(ids(closing.rows).slice(0, HOME_CLOSING_SOON));

			expect(summary.newest).toHaveLength(HOME_NEWEST);
			expect(summary.newest[0]!.title).toBe(`${WORD} newest`);
			const published = summary.newest.map((o) => o.published_at ?? '');
			expect(published).toEqual([...published].sort().reverse());
			expect(ids(summary.newest).filter((id) => ids(summary.closingSoon).includes(id))).toEqual([]);
		});
	}

	it('for visitors, is kept for a few seconds, leaving out and uncounting what closes meanwhile', async () => {
		const kept = await openSummaryForVisitors(anon(), new Date(start + 58_000));
		expect(kept.closingSoon.map((o) => o.title)).toContain(`${WORD} closing 1`);
		const later = await openSummaryForVisitors(anon(), new Date(start + 61_000));
		expect(later.closingSoon.map((o) => o.title)).not.toContain(`${WORD} closing 1`);
		expect(later.closingSoonCount).toBe(kept.closingSoonCount - 1);
		expect(later.openCount).toBe(kept.openCount - 1);
		expect(ids(later.newest)).toEqual(ids(kept.newest));
	});
});
