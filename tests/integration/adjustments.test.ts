// Access needs and adjustment requests: who reads and writes them, with each role's own JWT, and the
// audit row every staff read writes.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, service } from './helpers';

const WORDING =
	'I agree that Together keeps my access needs so the team can arrange adjustments for me. I can change or delete them at any time.';

/** Staff without the arrange adjustments permission, made for these tests. */
const plainStaff = {
	id: '00000000-0000-4000-8000-0000000a0c01',
	email: 'adjust.test.staff@example.org',
	role: 'staff'
} as const;

let committee: number;
let steering: number;
let testMeeting: number;
let otherMeeting: number;

const passport = [
	{ category: 'travel', options: ['taxi'], note: 'From home, I use a wheelchair.' },
	{ category: 'papers', options: ['easy_read'], papers_days_before: 14 },
	{ category: 'meeting', options: ['breaks', 'quiet_room'], break_every_minutes: 60, break_minutes: 10 }
];

async function auditRows(actor: string, since: string, entity: string) {
	const { data, error } = await service()
		.from('audit_log')
		.select('action, entity, entity_id, details, actor_id, at')
		.eq('actor_id', actor)
		.eq('entity', entity)
		.gte('at', since);
	expect(error).toBeNull();
	return data as { action: string; entity_id: string; details: Record<string, unknown> }[];
}

async function ask(
	client: SupabaseClient,
	meeting: number | null,
	items: unknown[],
	opportunity = committee
) {
	return client.rpc('save_adjustment_request', {
		opportunity,
		meeting,
		items,
		share_with_organisers: false,
		request_key: randomUUID()
	});
}

async function itemsOf(requestId: number) {
	const { data } = await service()
		.from('adjustment_items')
		.select('id, category, status, decision_reason, decision_alternative, arranged_what, arranged_when')
		.eq('request_id', requestId)
		.order('category');
	return data as {
		id: number;
		category: string;
		status: string;
		decision_reason: string | null;
		arranged_what: string | null;
	}[];
}

type Item = Awaited<ReturnType<typeof itemsOf>>[number];

/** The request's items by category; a missing one fails the test. */
async function byCategory(requestId: number): Promise<Record<'travel' | 'papers' | 'meeting', Item>> {
	const items = await itemsOf(requestId);
	const find = (c: string) => {
		const item = items.find((i) => i.category === c);
		if (!item) throw new Error(`No ${c} item`);
		return item;
	};
	return { travel: find('travel'), papers: find('papers'), meeting: find('meeting') };
}

function first<T>(list: T[] | null | undefined): T {
	const item = list?.[0];
	if (item === undefined) throw new Error('Nothing found');
	return item;
}

beforeAll(async () => {
	const db = service();
	const { error } = await db.from('profiles').upsert({
		id: plainStaff.id,
		email: plainStaff.email,
		full_name: 'Test staff without adjustments',
		role: 'staff'
	});
	expect(error).toBeNull();
	const { data: c } = await db
		.from('opportunities')
		.select('id')
		.like('title', 'Guideline committee: moving from children%')
		.single();
	committee = (c as { id: number }).id;
	const { data: s } = await db
		.from('opportunities')
		.select('id')
		.like('title', 'Steering group member: recruitment round two years ago')
		.single();
	steering = (s as { id: number }).id;
	// Meetings of the committee only these tests ask about, so the demo requests stay as they are.
	const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { data: made, error: madeError } = await db
		.from('meetings')
		.insert([
			{
				opportunity_id: committee,
				title: 'Adjustments test meeting',
				starts_at: day(40),
				ends_at: day(40.2),
				location_type: 'online',
				place: null
			},
			{
				opportunity_id: committee,
				title: 'Adjustments test meeting two',
				starts_at: day(10),
				ends_at: day(10.2),
				location_type: 'online',
				place: null
			}
		])
		.select('id')
		.order('id');
	expect(madeError).toBeNull();
	const ids = (made as { id: number }[]).map((m) => m.id);
	testMeeting = first(ids);
	otherMeeting = first(ids.slice(1));
});

describe('access needs profile', () => {
	it('is kept only with consent, and the exact wording is recorded', async () => {
		const a = as(ACCOUNTS.memberA);
		const refused = await a.rpc('save_access_needs', { needs: passport, share_with_staff: true });
		// Alex may already have a passport from the demo data; delete it to start from nothing.
		if (!refused.error) await a.rpc('delete_access_needs');
		const { error: noConsent } = await a.rpc('save_access_needs', {
			needs: passport,
			share_with_staff: true,
			consent_wording: null
		});
		expect(noConsent?.message).toBe('consent_needed');
		const { error } = await a.rpc('save_access_needs', {
			needs: passport,
			share_with_staff: true,
			consent_wording: WORDING
		});
		expect(error).toBeNull();
		const { data } = await a
			.from('access_needs')
			.select('share_with_staff, access_need_consents (wording, agreed_at)')
			.single();
		expect(data?.access_need_consents).toMatchObject({ wording: WORDING });
		const { data: items } = await a.from('access_need_items').select('category, options').order('category');
		expect(items?.map((i) => i.category)).toEqual(['travel', 'papers', 'meeting']);
	});

	it('refuses options that do not belong to their category, and numbers out of range', async () => {
		const a = as(ACCOUNTS.memberA);
		for (const needs of [
			[{ category: 'travel', options: ['easy_read'] }],
			[{ category: 'travel', options: ['no_such_option'] }],
			[{ category: 'papers', options: ['large_print'], large_print_size: 200 }],
			[{ category: 'travel', options: ['taxi'], papers_days_before: 14 }]
		]) {
			const { error } = await a.rpc('save_access_needs', { needs, share_with_staff: true });
			expect(error?.message).toBe('invalid_items');
		}
	});

	it('another member, staff, finance, admin and anon cannot read it from the tables', async () => {
		for (const client of [
			as(ACCOUNTS.memberB),
			as(ACCOUNTS.staff),
			as(plainStaff),
			as(ACCOUNTS.finance),
			as(ACCOUNTS.admin)
		]) {
			const needs = await client
				.from('access_needs')
				.select('member_id')
				.eq('member_id', ACCOUNTS.memberA.id);
			expect(needs.data ?? []).toEqual([]);
			const items = await client
				.from('access_need_items')
				.select('category')
				.eq('member_id', ACCOUNTS.memberA.id);
			expect(items.data ?? []).toEqual([]);
		}
		const { error } = await anon().from('access_need_items').select('category');
		expect(error).not.toBeNull();
	});

	it('nobody writes the tables directly, not even the member', async () => {
		const a = as(ACCOUNTS.memberA);
		const { error } = await a
			.from('access_need_items')
			.insert({ member_id: ACCOUNTS.memberA.id, category: 'dog', options: ['assistance_dog'] });
		expect(error?.code).toBe('42501');
		const b = as(ACCOUNTS.memberB);
		const { error: del } = await b.from('access_needs').delete().eq('member_id', ACCOUNTS.memberA.id);
		expect(del?.code).toBe('42501');
	});

	it('staff who arrange adjustments read it through a function that writes the audit row', async () => {
		const since = new Date().toISOString();
		const { data, error } = await as(ACCOUNTS.staff).rpc('staff_access_needs', {
			member: ACCOUNTS.memberA.id,
			opportunity: committee
		});
		expect(error).toBeNull();
		expect((data as { items: { category: string }[] }).items.map((i) => i.category)).toContain('papers');
		const rows = await auditRows(ACCOUNTS.staff.id, since, 'access_needs');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			action: 'access needs read',
			entity_id: ACCOUNTS.memberA.id,
			details: { member_id: ACCOUNTS.memberA.id, opportunity_id: committee }
		});
	});

	it('staff without the permission, finance, members and anon cannot read it at all', async () => {
		for (const client of [as(plainStaff), as(ACCOUNTS.finance), as(ACCOUNTS.memberB), as(ACCOUNTS.memberA)]) {
			const { error } = await client.rpc('staff_access_needs', {
				member: ACCOUNTS.memberA.id,
				opportunity: committee
			});
			expect(error?.message).toBe('not_allowed');
		}
		const { error } = await anon().rpc('staff_access_needs', {
			member: ACCOUNTS.memberA.id,
			opportunity: committee
		});
		expect(error).not.toBeNull();
	});

	it('staff need a reason: an opportunity the member takes part in', async () => {
		const { error } = await as(ACCOUNTS.staff).rpc('staff_access_needs', {
			member: ACCOUNTS.memberA.id,
			opportunity: steering
		});
		expect(error?.message).toBe('not_taking_part');
	});

	it('the member may withhold it from staff, and change that back', async () => {
		const a = as(ACCOUNTS.memberA);
		expect((await a.rpc('save_access_needs', { needs: passport, share_with_staff: false })).error).toBeNull();
		const { error } = await as(ACCOUNTS.staff).rpc('staff_access_needs', {
			member: ACCOUNTS.memberA.id,
			opportunity: committee
		});
		expect(error?.message).toBe('not_shared');
		expect((await a.rpc('save_access_needs', { needs: passport, share_with_staff: true })).error).toBeNull();
	});

	it('deleting removes the needs and keeps the consent record, marked withdrawn', async () => {
		const b = as(ACCOUNTS.memberB);
		expect(
			(
				await b.rpc('save_access_needs', {
					needs: [{ category: 'communication', options: ['bsl_interpreter'] }],
					share_with_staff: true,
					consent_wording: WORDING
				})
			).error
		).toBeNull();
		const { data: deleted } = await b.rpc('delete_access_needs');
		expect(deleted).toBe(true);
		expect((await b.from('access_need_items').select('category')).data).toEqual([]);
		expect((await b.from('access_needs').select('member_id')).data).toEqual([]);
		const { data: consents } = await b.from('access_need_consents').select('wording, withdrawn_at');
		expect(consents?.length).toBeGreaterThan(0);
		expect(consents?.every((c) => c.withdrawn_at !== null)).toBe(true);
		const { data: audit } = await service()
			.from('audit_log')
			.select('action')
			.eq('entity', 'access_needs')
			.eq('entity_id', ACCOUNTS.memberB.id)
			.eq('action', 'access needs deleted');
		expect(audit?.length).toBeGreaterThan(0);

		// Staff learning that there is nothing is still a read, and is written down.
		const since = new Date().toISOString();
		const { data, error } = await as(ACCOUNTS.staff).rpc('staff_access_needs', {
			member: ACCOUNTS.memberB.id,
			opportunity: committee
		});
		expect(error).toBeNull();
		expect(data).toBeNull();
		const rows = await auditRows(ACCOUNTS.staff.id, since, 'access_needs');
		expect(rows.map((r) => r.details)).toEqual([
			{ member_id: ACCOUNTS.memberB.id, opportunity_id: committee, found: false }
		]);
	});
});

describe('adjustment requests', () => {
	let requestId: number;

	it('a member asks only for what they take part in', async () => {
		const { error } = await ask(as(ACCOUNTS.memberA), null, passport, steering);
		expect(error?.message).toBe('not_taking_part');
		// A meeting of another opportunity is not found.
		const { data: steeringMeeting } = await service()
			.from('meetings')
			.select('id')
			.eq('opportunity_id', steering)
			.limit(1)
			.single();
		const wrong = await ask(as(ACCOUNTS.memberA), (steeringMeeting as { id: number }).id, passport);
		expect(wrong.error?.message).toBe('not_found');
		const nothing = await ask(as(ACCOUNTS.memberA), testMeeting, [{ category: 'travel', options: [] }]);
		expect(nothing.error?.message).toBe('nothing_asked');
		expect((await ask(anon(), testMeeting, passport)).error).not.toBeNull();
	});

	it('a member asks for adjustments for one meeting; items start as requested', async () => {
		const { data, error } = await ask(as(ACCOUNTS.memberA), testMeeting, passport);
		expect(error).toBeNull();
		const result = data as { id: number; created: boolean };
		expect(result.created).toBe(true);
		requestId = result.id;
		const items = await itemsOf(requestId);
		expect(items.map((i) => i.status)).toEqual(['requested', 'requested', 'requested']);
		const { data: events } = await as(ACCOUNTS.memberA)
			.from('adjustment_events')
			.select('kind')
			.eq('request_id', requestId);
		expect(events?.filter((e) => e.kind === 'requested')).toHaveLength(3);
	});

	it('the same request key again changes nothing', async () => {
		const key = randomUUID();
		const a = as(ACCOUNTS.memberA);
		const args = { opportunity: committee, meeting: otherMeeting, items: passport, request_key: key };
		const first = await a.rpc('save_adjustment_request', args);
		const again = await a.rpc('save_adjustment_request', args);
		expect((again.data as { id: number }).id).toBe((first.data as { id: number }).id);
		expect((again.data as { repeat: boolean }).repeat).toBe(true);
		const { count } = await service()
			.from('adjustment_events')
			.select('id', { count: 'exact', head: true })
			.eq('request_id', (first.data as { id: number }).id);
		expect(count).toBe(3);
	});

	it('another member, staff, finance and admin cannot read it from the tables', async () => {
		for (const client of [
			as(ACCOUNTS.memberB),
			as(ACCOUNTS.staff),
			as(plainStaff),
			as(ACCOUNTS.finance),
			as(ACCOUNTS.admin)
		]) {
			for (const table of ['adjustment_requests', 'adjustment_items', 'adjustment_events']) {
				const column = table === 'adjustment_requests' ? 'id' : 'request_id';
				const { data } = await client.from(table).select(column).eq(column, requestId);
				expect(data ?? []).toEqual([]);
			}
		}
		const { data: mine } = await as(ACCOUNTS.memberA)
			.from('adjustment_requests')
			.select('id')
			.eq('id', requestId);
		expect(mine).toHaveLength(1);
	});

	it('another member asking for the same meeting makes their own request and leaves this one alone', async () => {
		const before = await itemsOf(requestId);
		const { data, error } = await ask(as(ACCOUNTS.memberB), testMeeting, [
			{ category: 'communication', options: ['bsl_interpreter'] }
		]);
		expect(error).toBeNull();
		expect((data as { id: number }).id).not.toBe(requestId);
		expect(await itemsOf(requestId)).toEqual(before);
		const { data: theirs } = await as(ACCOUNTS.memberB)
			.from('adjustment_requests')
			.select('id')
			.eq('id', requestId);
		expect(theirs).toEqual([]);
	});

	it('members cannot set statuses or costs, directly or through the staff functions', async () => {
		const item = first(await itemsOf(requestId));
		for (const account of [ACCOUNTS.memberA, ACCOUNTS.memberB]) {
			const c = as(account);
			const { error: direct } = await c
				.from('adjustment_items')
				.update({ status: 'agreed', estimated_pence: 1 })
				.eq('id', item.id);
			expect(direct?.code).toBe('42501');
			const { error: respond } = await c.rpc('respond_to_adjustment', { item: item.id, decision: 'agreed' });
			expect(respond?.message).toBe('not_allowed');
			const { error: cost } = await c.rpc('record_adjustment_cost', {
				item: item.id,
				estimated_pence: 100,
				actual_pence: null
			});
			expect(cost?.message).toBe('not_allowed');
			const { error: arrange } = await c.rpc('arrange_adjustment', { item: item.id, what: 'Taxi' });
			expect(arrange?.message).toBe('not_allowed');
		}
		expect(first(await itemsOf(requestId)).status).toBe('requested');
	});

	it('staff without the permission and finance cannot read or answer requests', async () => {
		const item = first(await itemsOf(requestId));
		for (const client of [as(plainStaff), as(ACCOUNTS.finance)]) {
			expect((await client.rpc('staff_adjustment_queue')).error?.message).toBe('not_allowed');
			expect((await client.rpc('staff_adjustment_request', { request: requestId })).error?.message).toBe(
				'not_allowed'
			);
			expect((await client.rpc('staff_papers_due')).error?.message).toBe('not_allowed');
			expect(
				(await client.rpc('respond_to_adjustment', { item: item.id, decision: 'agreed' })).error?.message
			).toBe('not_allowed');
		}
		expect((await anon().rpc('staff_adjustment_queue')).error).not.toBeNull();
	});

	it('staff reads of the queue and of one request write audit rows naming the member and opportunity', async () => {
		const since = new Date().toISOString();
		const sam = as(ACCOUNTS.staff);
		const { data: queue, error } = await sam.rpc('staff_adjustment_queue');
		expect(error).toBeNull();
		const row = (queue as { id: number; member_id: string; requested: number }[]).find(
			(q) => q.id === requestId
		);
		expect(row).toMatchObject({ member_id: ACCOUNTS.memberA.id, requested: 3 });
		const { data: full } = await sam.rpc('staff_adjustment_request', { request: requestId });
		expect((full as { items: unknown[] }).items).toHaveLength(3);
		const rows = (await auditRows(ACCOUNTS.staff.id, since, 'adjustment_request')).filter(
			(r) => r.entity_id === String(requestId)
		);
		expect(rows.map((r) => r.details.via).sort()).toEqual(['queue', 'request']);
		expect(first(rows).details).toMatchObject({ member_id: ACCOUNTS.memberA.id, opportunity_id: committee });
	});

	it('staff answer each item: agreed, partly agreed and not possible need their words', async () => {
		const sam = as(ACCOUNTS.staff);
		const items = await byCategory(requestId);
		const noReason = await sam.rpc('respond_to_adjustment', {
			item: items.meeting.id,
			decision: 'partly_agreed'
		});
		expect(noReason.error?.message).toBe('reason_needed');
		const noAlternative = await sam.rpc('respond_to_adjustment', {
			item: items.papers.id,
			decision: 'not_possible',
			reason: 'Our easy read writer is away.'
		});
		expect(noAlternative.error?.message).toBe('alternative_needed');
		const firstAnswer = await sam.rpc('respond_to_adjustment', { item: items.travel.id, decision: 'agreed' });
		expect(firstAnswer.error).toBeNull();
		// A first answer is not a change the member must be told about.
		expect(firstAnswer.data).toMatchObject({ changed_answer: false, member_id: ACCOUNTS.memberA.id });
		expect(
			(
				await sam.rpc('respond_to_adjustment', {
					item: items.meeting.id,
					decision: 'partly_agreed',
					reason: 'Breaks are every 90 minutes for everyone.',
					alternative: 'You can step out to the quiet room whenever you need.'
				})
			).error
		).toBeNull();
		expect(
			(
				await sam.rpc('respond_to_adjustment', {
					item: items.papers.id,
					decision: 'not_possible',
					reason: 'Our easy read writer is away.',
					alternative: 'We will go through the papers with you by phone.'
				})
			).error
		).toBeNull();
		const arranged = await sam.rpc('arrange_adjustment', {
			item: items.travel.id,
			what: 'Taxi booked from home',
			when_text: 'Pick-up 09:15'
		});
		expect(arranged.error).toBeNull();
		expect(arranged.data).toMatchObject({ member_id: ACCOUNTS.memberA.id, all_arranged: false });
		const notYet = await sam.rpc('arrange_adjustment', { item: items.papers.id, what: 'Papers' });
		expect(notYet.error?.message).toBe('wrong_status');

		// The member sees exactly what staff wrote.
		const { data: seen } = await as(ACCOUNTS.memberA)
			.from('adjustment_items')
			.select('category, status, decision_reason, decision_alternative, arranged_what, arranged_when')
			.eq('request_id', requestId)
			.order('category');
		expect(seen).toEqual([
			{
				category: 'travel',
				status: 'arranged',
				decision_reason: null,
				decision_alternative: null,
				arranged_what: 'Taxi booked from home',
				arranged_when: 'Pick-up 09:15'
			},
			{
				category: 'papers',
				status: 'not_possible',
				decision_reason: 'Our easy read writer is away.',
				decision_alternative: 'We will go through the papers with you by phone.',
				arranged_what: null,
				arranged_when: null
			},
			{
				category: 'meeting',
				status: 'partly_agreed',
				decision_reason: 'Breaks are every 90 minutes for everyone.',
				decision_alternative: 'You can step out to the quiet room whenever you need.',
				arranged_what: null,
				arranged_when: null
			}
		]);
	});

	it('staff changing an answer the member already had is flagged, so the member is told', async () => {
		const sam = as(ACCOUNTS.staff);
		const items = await byCategory(requestId);
		const partly = {
			item: items.meeting.id,
			decision: 'partly_agreed',
			reason: 'Breaks are every 90 minutes for everyone.',
			alternative: 'You can step out to the quiet room whenever you need.'
		};
		// The same answer again changes nothing the member relies on.
		const same = await sam.rpc('respond_to_adjustment', partly);
		expect(same.data).toMatchObject({ changed_answer: false });
		// Partly agreed, then agreed in full, then back: each is a change for the member.
		const agreed = await sam.rpc('respond_to_adjustment', { item: items.meeting.id, decision: 'agreed' });
		expect(agreed.data).toMatchObject({ changed_answer: true, request_id: requestId });
		const back = await sam.rpc('respond_to_adjustment', partly);
		expect(back.data).toMatchObject({ changed_answer: true });
	});

	it('a change after agreement puts the item back to requested and records it for staff', async () => {
		const changed = passport.map((i) =>
			i.category === 'travel' ? { ...i, options: ['taxi', 'travel_companion'] } : i
		);
		const { data, error } = await ask(as(ACCOUNTS.memberA), testMeeting, changed);
		expect(error).toBeNull();
		expect(data).toMatchObject({
			id: requestId,
			created: false,
			changed_after_agreement: true,
			changed: ['travel']
		});
		const items = await byCategory(requestId);
		expect(items.travel).toMatchObject({ status: 'requested', arranged_what: null });
		expect(items.papers.status).toBe('not_possible');
		const { data: events } = await as(ACCOUNTS.memberA)
			.from('adjustment_events')
			.select('kind, category')
			.eq('request_id', requestId)
			.eq('kind', 'changed_after_agreement');
		expect(events).toEqual([{ kind: 'changed_after_agreement', category: 'travel' }]);
		const { data: queue } = await as(ACCOUNTS.staff).rpc('staff_adjustment_queue');
		const row = (queue as { id: number; changed_after_agreement_at: string | null }[]).find(
			(q) => q.id === requestId
		);
		expect(row?.changed_after_agreement_at).not.toBeNull();
		// Answering it again clears the flag.
		expect(
			(await as(ACCOUNTS.staff).rpc('respond_to_adjustment', { item: items.travel.id, decision: 'agreed' }))
				.error
		).toBeNull();
		const { data: after } = await as(ACCOUNTS.memberA)
			.from('adjustment_requests')
			.select('changed_after_agreement_at')
			.eq('id', requestId)
			.single();
		expect(after?.changed_after_agreement_at).toBeNull();
	});

	it('removing an agreed item cancels it and counts as a change after agreement', async () => {
		const without = passport.filter((i) => i.category !== 'travel');
		const { data } = await ask(as(ACCOUNTS.memberA), testMeeting, without);
		expect(data).toMatchObject({ changed_after_agreement: true, changed: ['travel'] });
		const items = await byCategory(requestId);
		expect(items.travel.status).toBe('cancelled');
		// Asking again brings it back as requested.
		await ask(as(ACCOUNTS.memberA), testMeeting, passport);
		expect((await itemsOf(requestId)).find((i) => i.category === 'travel')?.status).toBe('requested');
	});

	it('papers have a due date from the days asked for; staff mark them ready and the member sees it', async () => {
		const sam = as(ACCOUNTS.staff);
		const { data: due, error } = await sam.rpc('staff_papers_due');
		expect(error).toBeNull();
		// The papers item of the test request was not possible, so it is not due; the other request's is.
		const rows = due as {
			request_id: number;
			member_id: string;
			meeting_id: number;
			due_on: string;
			overdue: boolean;
		}[];
		expect(rows.find((r) => r.request_id === requestId)).toBeUndefined();
		// (Priya's demo request for all the committee's meetings covers the test meetings too.)
		const other = rows.find((r) => r.meeting_id === otherMeeting && r.member_id === ACCOUNTS.memberA.id);
		expect(other).toBeDefined();
		// Meeting in 10 days, papers 14 days before: already overdue.
		expect(other?.overdue).toBe(true);
		const { data: ready, error: readyError } = await sam.rpc('mark_papers_ready', {
			request: other?.request_id,
			meeting: otherMeeting
		});
		expect(readyError).toBeNull();
		expect(ready).toMatchObject({ member_id: ACCOUNTS.memberA.id, first_time: true });
		const { data: seen } = await as(ACCOUNTS.memberA)
			.from('adjustment_papers_ready')
			.select('meeting_id, ready_at')
			.eq('request_id', other?.request_id as number);
		expect(seen).toHaveLength(1);
		const { data: still } = await sam.rpc('staff_papers_due');
		expect(
			(still as { request_id: number }[]).find((r) => r.request_id === other?.request_id)
		).toBeUndefined();
		const { error: memberMarks } = await as(ACCOUNTS.memberA).rpc('mark_papers_ready', {
			request: other?.request_id,
			meeting: otherMeeting
		});
		expect(memberMarks?.message).toBe('not_allowed');
	});

	it('staff record costs in pence; totals per opportunity for staff and finance only', async () => {
		const sam = as(ACCOUNTS.staff);
		const items = await byCategory(requestId);
		const before = await sam.rpc('adjustment_cost_totals', { opportunity: committee });
		const base = (before.data as { estimated_pence: number; actual_pence: number }[])[0] ?? {
			estimated_pence: 0,
			actual_pence: 0
		};
		expect(
			(
				await sam.rpc('record_adjustment_cost', {
					item: items.travel.id,
					estimated_pence: 4500,
					actual_pence: 3850
				})
			).error
		).toBeNull();
		const bad = await sam.rpc('record_adjustment_cost', {
			item: items.travel.id,
			estimated_pence: -1,
			actual_pence: null
		});
		expect(bad.error?.message).toBe('invalid_cost');
		const { data: totals } = await as(ACCOUNTS.finance).rpc('adjustment_cost_totals', {
			opportunity: committee
		});
		const total = first(totals as { estimated_pence: number; actual_pence: number }[]);
		expect(Number(total.estimated_pence) - Number(base.estimated_pence)).toBe(4500);
		expect(Number(total.actual_pence) - Number(base.actual_pence)).toBe(3850);
		for (const client of [as(ACCOUNTS.memberA), as(plainStaff)]) {
			const { error } = await client.rpc('adjustment_cost_totals', { opportunity: committee });
			expect(error?.message).toBe('not_allowed');
		}
	});

	it('no member can read another member’s request history or papers', async () => {
		const b = as(ACCOUNTS.memberB);
		const { data: events } = await b.from('adjustment_events').select('id').eq('request_id', requestId);
		expect(events).toEqual([]);
		const { data: papers } = await b.from('adjustment_papers_ready').select('request_id');
		expect((papers ?? []).every((p) => p.request_id !== requestId)).toBe(true);
	});
});
