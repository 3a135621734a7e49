// An opportunity's page as visitors see it is kept for a few seconds in the server's process, as
// their lists are: read once for everyone, forgotten as soon as staff change something through the
// portal, read afresh after VISITOR_LIST_MS, and never showing a meeting that has ended. Signed-in
// people always read it as themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetVisitorCopies, VISITOR_LIST_MS } from '$lib/server/opportunities';
import { opportunityPageForVisitors, readOpportunityPage } from '$lib/server/opportunity-page';
import { ACCOUNTS, addOpportunity, anon, as, service } from './helpers';

const TITLE = `Visitor opportunity test ${Date.now()}`;
let id = 0;
const start = Date.now();
const at = (ms: number) => new Date(start + ms);
const seen = (ms: number) => opportunityPageForVisitors(anon(), id, at(ms));
const staff = () => as(ACCOUNTS.staff);

beforeAll(async () => {
	id = await addOpportunity(TITLE, { closes_at: new Date(start + 30 * 86_400_000).toISOString() });
});

afterAll(async () => {
	await service().from('opportunities').delete().eq('id', id);
});

describe("an opportunity's page as visitors see it", () => {
	it('is not there for them while it is a draft, and is there once staff publish it through the portal', async () => {
		expect(await seen(0)).toBeNull();
		const { error } = await staff().from('opportunities').update({ status: 'published' }).eq('id', id);
		expect(error).toBeNull();
		// Kept: "not there" is what every visitor is told for a few seconds.
		expect(await seen(1000)).toBeNull();
		// Staff sending anything through the portal forgets every kept copy (hooks.server.ts).
		forgetVisitorCopies();
		expect((await seen(1500))?.opportunity.title).toBe(TITLE);
	});

	it('is read afresh once it is older than VISITOR_LIST_MS, and members read it as themselves', async () => {
		const { error } = await staff()
			.from('opportunities')
			.update({ title: `${TITLE}, changed` })
			.eq('id', id);
		expect(error).toBeNull();
		expect((await seen(1500 + VISITOR_LIST_MS - 1))?.opportunity.title).toBe(TITLE);
		const member = await readOpportunityPage(as(ACCOUNTS.memberA), id, true, at(1600));
		expect(member?.opportunity.title).toBe(`${TITLE}, changed`);
		expect((await seen(1500 + VISITOR_LIST_MS))?.opportunity.title).toBe(`${TITLE}, changed`);
	});

	it('leaves out a meeting that ends while it is kept, and never carries a joining link', async () => {
		// A minute after the test began (times are in ms from then, as `at` takes them).
		const ends = 60_000;
		const { error } = await staff()
			.from('meetings')
			.insert({
				opportunity_id: id,
				title: 'Ends soon',
				starts_at: at(ends - 3_600_000).toISOString(),
				ends_at: at(ends).toISOString(),
				location_type: 'online',
				joining_link: 'https://meet.example.org/visitor-test'
			});
		expect(error).toBeNull();
		forgetVisitorCopies();
		const before = await seen(ends - 1000);
		expect(before?.meetings.map((m) => [m.title, m.joining_link])).toEqual([['Ends soon', null]]);
		expect((await seen(ends + 1))?.meetings).toEqual([]);
		// The member taking no part sees no link either; the database decides that, not the copy.
		const member = await readOpportunityPage(as(ACCOUNTS.memberA), id, true, at(ends - 1000));
		expect(member?.meetings.map((m) => [m.title, m.joining_link])).toEqual([['Ends soon', null]]);
	});
});
