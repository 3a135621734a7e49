// The steering group recruitment panel through the real API, each role with its own JWT: panel
// members score on their own and see each other's scores only when the whole panel has scored.
// The tests use a round of their own (a draft, archived at the end), so the demo rounds stay as the
// browser tests expect them.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, draftInput, service } from './helpers';

const MORGAN = { id: '00000000-0000-4000-8000-000000000006', role: 'staff' } as const;
const JO = { id: '00000000-0000-4000-8000-000000000004', role: 'staff' } as const;
const SAM = ACCOUNTS.staff;
const MEMBER = ACCOUNTS.memberA;

// Members with no other part in the tests, as applicants.
const APPLICANTS = ['vikram.rao@example.org', 'sinead.gallagher@example.org', 'owen.griffiths@example.org'];

let round: number;
let criteria: number[];
let shortlisted: number;
let secondShortlisted: number;
let submittedOnly: number;
let applicantAccount: { id: string; role: 'member' };

function must<T = unknown>(result: { data: unknown; error: { message: string } | null }): T {
	expect(result.error).toBeNull();
	return result.data as T;
}

async function scoreAll(db: SupabaseClient, scorer: string, application: number, score = 2) {
	return db.from('panel_scores').upsert(
		criteria.map((criterion_id) => ({
			application_id: application,
			criterion_id,
			scorer_id: scorer,
			score,
			comment: `From ${scorer.slice(-1)}`
		})),
		{ onConflict: 'application_id,criterion_id,scorer_id' }
	);
}

beforeAll(async () => {
	const staff = as(SAM);
	round = must<{ id: number }>(
		await staff
			.from('opportunities')
			.insert({ ...draftInput('Integration test: steering group round'), type: 'steering_group_role' })
			.select('id')
			.single()
	).id;
	criteria = must<{ id: number }[]>(
		await staff
			.from('recruitment_criteria')
			.insert([
				{ opportunity_id: round, position: 1, title: 'Lived experience of care' },
				{ opportunity_id: round, position: 2, title: 'Listens to different views' }
			])
			.select('id')
			.order('position')
	).map((c) => c.id);
	must(
		await staff.from('panel_members').insert([
			{ opportunity_id: round, staff_id: SAM.id },
			{ opportunity_id: round, staff_id: MORGAN.id }
		])
	);

	// Applications arrive through the member pages; here the system puts them at the stage each test needs.
	const people = must(await service().from('profiles').select('id, email').in('email', APPLICANTS)) as {
		id: string;
		email: string;
	}[];
	const idOf = (email: string) => people.find((p) => p.email === email)!.id;
	const apps = must(
		await service()
			.from('applications')
			.insert([
				{
					opportunity_id: round,
					member_id: idOf(APPLICANTS[0]!),
					status: 'shortlisted',
					submitted_at: new Date().toISOString()
				},
				{
					opportunity_id: round,
					member_id: idOf(APPLICANTS[1]!),
					status: 'shortlisted',
					submitted_at: new Date().toISOString()
				},
				{
					opportunity_id: round,
					member_id: idOf(APPLICANTS[2]!),
					status: 'submitted',
					submitted_at: new Date().toISOString()
				}
			])
			.select('id, member_id')
			.order('id')
	) as { id: number; member_id: string }[];
	[shortlisted, secondShortlisted, submittedOnly] = apps.map((a) => a.id) as [number, number, number];
	applicantAccount = { id: apps[0]!.member_id, role: 'member' };
});

afterAll(async () => {
	if (round) await as(SAM).from('opportunities').update({ status: 'archived' }).eq('id', round);
});

describe('panel scores', () => {
	it('a panel member sees only their own scores until the whole panel has scored', async () => {
		const morgan = as(MORGAN);
		must(await scoreAll(morgan, MORGAN.id, shortlisted, 3));

		const mine = must(await morgan.from('panel_scores').select('*').eq('application_id', shortlisted)) as {
			scorer_id: string;
		}[];
		expect(mine).toHaveLength(criteria.length);
		expect(mine.every((s) => s.scorer_id === MORGAN.id)).toBe(true);

		// Sam, on the panel but not yet scored, and Jo, staff but not on the panel, see nothing of Morgan's.
		expect(must(await as(SAM).from('panel_scores').select('*').eq('application_id', shortlisted))).toEqual(
			[]
		);
		expect(must(await as(JO).from('panel_scores').select('*').eq('application_id', shortlisted))).toEqual([]);
	});

	it('scoring progress tells how far scoring has got, and no scores', async () => {
		const rows = must(await as(SAM).rpc('scoring_progress', { round })) as Record<string, unknown>[];
		const row = rows.find((r) => r.application_id === shortlisted)!;
		expect(row).toEqual({ application_id: shortlisted, scorers_done: 1, panel_size: 2, complete: false });
		for (const r of rows)
			expect(Object.keys(r).sort()).toEqual(['application_id', 'complete', 'panel_size', 'scorers_done']);
	});

	it('once everyone has scored, the panel and other staff see every score', async () => {
		must(await scoreAll(as(SAM), SAM.id, shortlisted, 1));

		const morganSees = must(
			await as(MORGAN).from('panel_scores').select('scorer_id, score').eq('application_id', shortlisted)
		) as {
			scorer_id: string;
			score: number;
		}[];
		expect(morganSees).toHaveLength(criteria.length * 2);
		expect(new Set(morganSees.map((s) => s.scorer_id))).toEqual(new Set([SAM.id, MORGAN.id]));
		const joSees = must(
			await as(JO).from('panel_scores').select('scorer_id').eq('application_id', shortlisted)
		);
		expect(joSees).toHaveLength(criteria.length * 2);

		const rows = must(await as(MORGAN).rpc('scoring_progress', { round })) as {
			application_id: number;
			complete: boolean;
			scorers_done: number;
		}[];
		expect(rows.find((r) => r.application_id === shortlisted)).toMatchObject({
			complete: true,
			scorers_done: 2
		});
		// The other applicant is not scored yet, so theirs stay hidden.
		expect(rows.find((r) => r.application_id === secondShortlisted)).toMatchObject({
			complete: false,
			scorers_done: 0
		});
	});

	it('a panel member changes their own scores, never anyone else’s', async () => {
		const morgan = as(MORGAN);
		must(await scoreAll(morgan, MORGAN.id, shortlisted, 2));
		const own = must(
			await morgan
				.from('panel_scores')
				.select('score')
				.eq('application_id', shortlisted)
				.eq('scorer_id', MORGAN.id)
		) as { score: number }[];
		expect(own.map((s) => s.score)).toEqual(criteria.map(() => 2));

		const { data } = await morgan
			.from('panel_scores')
			.update({ score: 0 })
			.eq('application_id', shortlisted)
			.eq('scorer_id', SAM.id)
			.select('score');
		expect(data ?? []).toEqual([]);
		const sams = must(
			await as(SAM)
				.from('panel_scores')
				.select('score')
				.eq('application_id', shortlisted)
				.eq('scorer_id', SAM.id)
		) as { score: number }[];
		expect(sams.map((s) => s.score)).toEqual(criteria.map(() => 1));

		// Nor may anyone score in another person's name.
		const { error } = await scoreAll(morgan, SAM.id, secondShortlisted);
		expect(error?.code).toBe('42501');
	});

	it('staff not on the panel cannot score', async () => {
		const { error } = await scoreAll(as(JO), JO.id, secondShortlisted);
		expect(error?.code).toBe('42501');
	});

	it('nobody can score an applicant who is only submitted', async () => {
		const { error } = await scoreAll(as(MORGAN), MORGAN.id, submittedOnly);
		expect(error?.code).toBe('42501');
	});

	it('scores only take values from 0 to 3', async () => {
		const { error } = await as(MORGAN).from('panel_scores').insert({
			application_id: secondShortlisted,
			criterion_id: criteria[0],
			scorer_id: MORGAN.id,
			score: 4
		});
		expect(error?.code).toBe('23514');
	});

	it('scores cannot be changed once a decision beyond interview is made', async () => {
		const morgan = as(MORGAN);
		must(await scoreAll(morgan, MORGAN.id, secondShortlisted, 2));
		must(
			await as(SAM).rpc('decide_applications', {
				application_ids: [secondShortlisted],
				decision: 'offered',
				request_key: crypto.randomUUID(),
				subject: 'An offer',
				body: 'We would like to offer you a place, {name}.',
				term_starts_on: '2099-01-01',
				term_ends_on: '2100-12-31'
			})
		);
		const { error } = await scoreAll(morgan, MORGAN.id, secondShortlisted, 3);
		expect(error?.code).toBe('42501');
		const update = await morgan
			.from('panel_scores')
			.update({ score: 0 })
			.eq('application_id', secondShortlisted)
			.eq('scorer_id', MORGAN.id);
		expect(update.error?.code).toBe('42501');
	});
});

describe('members and the public', () => {
	it('a member cannot read scores or panels, or score, even their own application', async () => {
		for (const account of [MEMBER, applicantAccount]) {
			const db = as(account);
			expect(must(await db.from('panel_scores').select('*'))).toEqual([]);
			expect(must(await db.from('panel_members').select('*'))).toEqual([]);
			const { error } = await scoreAll(db, account.id, shortlisted);
			expect(error?.code).toBe('42501');
			const join = await db.from('panel_members').insert({ opportunity_id: round, staff_id: account.id });
			expect(join.error?.code).toBe('42501');
		}
	});

	it('scoring progress returns nothing to a member and is refused to the public', async () => {
		expect(must(await as(MEMBER).rpc('scoring_progress', { round }))).toEqual([]);
		const { data, error } = await anon().rpc('scoring_progress', { round });
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it('the public cannot read scores or panels at all', async () => {
		for (const table of ['panel_scores', 'panel_members']) {
			const { error } = await anon().from(table).select('*').limit(1);
			expect(error?.code, table).toBe('42501');
		}
	});

	it('steering_group() lists the members sitting now to a member, and nothing to the public', async () => {
		const seats = must(await as(MEMBER).rpc('steering_group')) as {
			name: string;
			role: string;
			ends_on: string;
		}[];
		expect(seats).toHaveLength(12);
		expect(seats.map((s) => s.name)).toContain('Stephen Clarke');
		expect(seats.every((s) => s.role === 'Steering group member' && s.ends_on)).toBe(true);
		expect(Object.keys(seats[0]!).sort()).toEqual(['ends_on', 'name', 'role', 'starts_on']);

		const { data, error } = await anon().rpc('steering_group');
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it('the public reads the person specification of a published round', async () => {
		const { data: published } = await anon()
			.from('opportunities')
			.select('id')
			.eq('title', 'Steering group co-chair (1 place for a member)')
			.single();
		const rows = must(
			await anon()
				.from('recruitment_criteria')
				.select('title')
				.eq('opportunity_id', (published as { id: number }).id)
				.order('position')
		) as { title: string }[];
		expect(rows.map((r) => r.title)).toEqual([
			'Lived experience of care or support',
			'Helps a group reach decisions fairly',
			'Works well in partnership'
		]);
		// This test round is a draft, so its criteria are not public.
		expect(must(await anon().from('recruitment_criteria').select('id').eq('opportunity_id', round))).toEqual(
			[]
		);
	});
});

describe('keeping the person specification in order', () => {
	let spec: number;
	let ids: number[];

	beforeAll(async () => {
		const staff = as(SAM);
		spec = must<{ id: number }>(
			await staff
				.from('opportunities')
				.insert({ ...draftInput('Integration test: criteria order'), type: 'steering_group_role' })
				.select('id')
				.single()
		).id;
		ids = must<{ id: number }[]>(
			await staff
				.from('recruitment_criteria')
				.insert(
					['First thing', 'Second thing', 'Third thing'].map((title, i) => ({
						opportunity_id: spec,
						position: i + 1,
						title
					}))
				)
				.select('id')
				.order('position')
		).map((c) => c.id);
	});

	afterAll(async () => {
		if (spec) await as(SAM).from('opportunities').delete().eq('id', spec);
	});

	async function order(): Promise<[string, number][]> {
		const rows = must(
			await as(SAM)
				.from('recruitment_criteria')
				.select('title, position')
				.eq('opportunity_id', spec)
				.order('position')
		) as { title: string; position: number }[];
		return rows.map((r) => [r.title, r.position]);
	}

	it('staff move a criterion up and down; the first cannot go higher', async () => {
		must(await as(SAM).rpc('move_criterion', { criterion: ids[2], up: true }));
		expect(await order()).toEqual([
			['First thing', 1],
			['Third thing', 2],
			['Second thing', 3]
		]);
		must(await as(SAM).rpc('move_criterion', { criterion: ids[0], up: true }));
		must(await as(SAM).rpc('move_criterion', { criterion: ids[0], up: false }));
		expect(await order()).toEqual([
			['Third thing', 1],
			['First thing', 2],
			['Second thing', 3]
		]);
	});

	it('members cannot move or remove criteria', async () => {
		for (const call of [
			as(MEMBER).rpc('move_criterion', { criterion: ids[0], up: false }),
			as(MEMBER).rpc('remove_criterion', { criterion: ids[0] })
		]) {
			const { error } = await call;
			expect(error?.message).toBe('not_allowed');
		}
		const { error } = await anon().rpc('remove_criterion', { criterion: ids[0] });
		expect(error?.code).toBe('42501');
		expect(await order()).toHaveLength(3);
	});

	it('removing a criterion closes the gap it leaves', async () => {
		must(await as(SAM).rpc('remove_criterion', { criterion: ids[0] }));
		expect(await order()).toEqual([
			['Third thing', 1],
			['Second thing', 2]
		]);
		const { error } = await as(SAM).rpc('remove_criterion', { criterion: ids[0] });
		expect(error?.message).toBe('not_found');
	});
});
