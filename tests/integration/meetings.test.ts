// Meetings and staff permissions: who reads a meeting, its joining link, and who may write.
import { beforeAll, describe, expect, it } from 'vitest';
import { getEventSettings } from '$lib/server/bookings';
import { readOpportunityPage } from '$lib/server/opportunity-page';
import { listCriteria } from '$lib/server/recruitment';
import { ACCOUNTS, anon, as, draftInput, service } from './helpers';

const COLUMNS = 'id, opportunity_id, title, starts_at, location_type, step_free';
let draftMeeting: number;
let committeeMeeting: number;
let draftId: number;

beforeAll(async () => {
	const staff = as(ACCOUNTS.staff);
	const { data: draft } = await staff
		.from('opportunities')
		.insert(draftInput('Meetings test, draft'))
		.select('id')
		.single();
	const { data: made, error } = await staff
		.from('meetings')
		.insert({
			opportunity_id: (draft as { id: number }).id,
			title: 'Planning meeting',
			starts_at: '2027-03-01T10:00:00Z',
			ends_at: '2027-03-01T12:00:00Z',
			location_type: 'online',
			joining_link: 'https://meet.example.org/planning'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	draftMeeting = (made as { id: number }).id;
	draftId = (draft as { id: number }).id;
	const { data: committee } = await service()
		.from('meetings')
		.select('id, opportunities!inner (title)')
		.like('opportunities.title', 'Guideline committee: moving from children%')
		.eq('title', 'Committee meeting 1')
		.single();
	committeeMeeting = (committee as { id: number }).id;
});

describe('meetings', () => {
	it('the public reads meetings of published and closed opportunities, never of drafts', async () => {
		const { data } = await anon().from('meetings').select(COLUMNS);
		const ids = (data ?? []).map((m) => m.id);
		expect(ids).toContain(committeeMeeting);
		expect(ids).not.toContain(draftMeeting);
	});

	it('nobody reads the joining link straight from the table', async () => {
		for (const client of [anon(), as(ACCOUNTS.memberA), as(ACCOUNTS.staff)]) {
			const { error } = await client.from('meetings').select('joining_link').limit(1);
			expect(error?.code).toBe('42501');
		}
	});

	it('the joining link goes to people taking part and to staff only', async () => {
		const { data: steering } = await service()
			.from('meetings')
			.select('id, opportunities!inner (title)')
			.like('opportunities.title', 'Steering group member: recruitment round two years ago')
			.limit(1)
			.single();
		const id = (steering as { id: number }).id;
		// Alex is not on the sitting steering group; staff are.
		const member = await as(ACCOUNTS.memberA).rpc('meeting_joining_link', { meeting: id });
		expect(member.data).toBeNull();
		const staff = await as(ACCOUNTS.staff).rpc('meeting_joining_link', { meeting: id });
		expect(staff.data).toBe('https://meet.example.org/steering-group');
		const { error } = await anon().rpc('meeting_joining_link', { meeting: id });
		expect(error).not.toBeNull();
	});

	it('members cannot add, change or remove meetings', async () => {
		const a = as(ACCOUNTS.memberA);
		const { error: insert } = await a.from('meetings').insert({
			opportunity_id: 1,
			title: 'Made up meeting',
			starts_at: '2027-03-01T10:00:00Z',
			ends_at: '2027-03-01T12:00:00Z',
			location_type: 'online'
		});
		expect(insert).not.toBeNull();
		const { data: changed } = await a
			.from('meetings')
			.update({ title: 'Changed by a member' })
			.eq('id', committeeMeeting)
			.select('id');
		expect(changed ?? []).toEqual([]);
		const { data: removed } = await a.from('meetings').delete().eq('id', committeeMeeting).select('id');
		expect(removed ?? []).toEqual([]);
	});

	it('a meeting must end after it starts, and one in a room needs a place', async () => {
		const staff = as(ACCOUNTS.staff);
		const base = { opportunity_id: 1, title: 'Bad meeting', location_type: 'in_person', place: 'Room 1' };
		const backwards = await staff
			.from('meetings')
			.insert({ ...base, starts_at: '2027-03-01T12:00:00Z', ends_at: '2027-03-01T10:00:00Z' });
		expect(backwards.error?.code).toBe('23514');
		const nowhere = await staff.from('meetings').insert({
			...base,
			place: null,
			starts_at: '2027-03-01T10:00:00Z',
			ends_at: '2027-03-01T12:00:00Z'
		});
		expect(nowhere.error?.code).toBe('23514');
	});
});

describe("an opportunity's page: the opportunity, its meetings to come, booking settings and person specification in one request", () => {
	it('gives the row and the meetings not ended yet, earliest first; a draft to staff only', async () => {
		const staff = as(ACCOUNTS.staff);
		const { data: opp } = await staff
			.from('opportunities')
			.insert({ ...draftInput('Meetings test, upcoming'), status: 'published' })
			.select('id')
			.single();
		const id = (opp as { id: number }).id;
		const meeting = (title: string, starts: string) => ({
			opportunity_id: id,
			title,
			starts_at: starts,
			ends_at: new Date(Date.parse(starts) + 3_600_000).toISOString(),
			location_type: 'online'
		});
		const { error } = await staff
			.from('meetings')
			.insert([
				meeting('Later', '2027-05-01T10:00:00Z'),
				meeting('Past', '2026-01-01T10:00:00Z'),
				meeting('Sooner', '2027-04-01T10:00:00Z')
			]);
		expect(error).toBeNull();
		const now = new Date('2026-06-01T00:00:00Z');
		for (const [db, signedIn] of [
			[anon(), false],
			[as(ACCOUNTS.memberA), true]
		] as const) {
			const found = await readOpportunityPage(db, id, signedIn, now);
			expect(found?.opportunity).toMatchObject({ id, title: 'Meetings test, upcoming' });
			for (const embedded of ['upcoming_meetings', 'event_settings', 'recruitment_criteria'])
				expect(found?.opportunity).not.toHaveProperty(embedded);
			expect(found?.meetings.map((m) => m.title)).toEqual(['Sooner', 'Later']);
			// Neither a visitor nor a member taking no part gets the joining links.
			expect(found?.meetings.map((m) => m.joining_link)).toEqual([null, null]);
			expect(found?.settings).toBeNull();
			expect(found?.criteria).toEqual([]);
		}
		expect(await readOpportunityPage(anon(), draftId, false, now)).toBeNull();
		expect((await readOpportunityPage(staff, draftId, true, now))?.meetings.map((m) => m.id)).toEqual([
			draftMeeting
		]);
		await service().from('opportunities').delete().eq('id', id);
	});

	it("gives an event's booking settings and a steering group role's person specification in order", async () => {
		const { data: event } = await service()
			.from('event_settings')
			.select('opportunity_id, opportunities!inner (status)')
			.eq('opportunities.status', 'published')
			.limit(1)
			.single();
		const eventId = (event as { opportunity_id: number }).opportunity_id;
		const { data: role } = await service()
			.from('recruitment_criteria')
			.select('opportunity_id, opportunities!inner (status, type)')
			.eq('opportunities.status', 'published')
			.eq('opportunities.type', 'steering_group_role')
			.limit(1)
			.single();
		const roleId = (role as { opportunity_id: number }).opportunity_id;
		for (const db of [anon(), as(ACCOUNTS.memberA)]) {
			const page = await readOpportunityPage(db, eventId, false);
			expect(page?.settings).toEqual(await getEventSettings(db, eventId));
			expect(page?.settings?.places).toBeGreaterThan(0);
			const criteria = (await readOpportunityPage(db, roleId, false))?.criteria;
			expect(criteria?.length).toBeGreaterThan(1);
			expect(criteria).toEqual(await listCriteria(db, roleId));
			expect(criteria?.map((c) => c.position)).toEqual(
				[...criteria!.map((c) => c.position)].sort((a, b) => a - b)
			);
		}
	});
});

describe('staff permissions', () => {
	it('nobody but the server changes permissions', async () => {
		for (const account of [ACCOUNTS.memberA, ACCOUNTS.staff]) {
			const { error } = await as(account)
				.from('profiles')
				.update({ permissions: ['finance'] })
				.eq('id', account.id);
			expect(error?.code).toBe('42501');
		}
		const { data } = await service()
			.from('profiles')
			.select('permissions')
			.eq('id', ACCOUNTS.staff.id)
			.single();
		expect(data?.permissions).toEqual(['arrange_adjustments']);
	});
});
