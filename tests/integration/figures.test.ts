// The year's figures: exactly those of the co-production report for the two seeded years, for staff
// only, and the CSV files behind them.
import { afterAll, describe, expect, it } from 'vitest';
import { yearCsv } from '$lib/server/figures';
import { ACCOUNTS, anon, as, service } from './helpers';

const staff = () => as(ACCOUNTS.staff);

async function figures(year: number) {
	const { data, error } = await staff().rpc('year_figures', { fy: year });
	expect(error).toBeNull();
	const rows = data as { figure: string; value: string | number | null; previous_value: unknown }[];
	return Object.fromEntries(rows.map((r) => [r.figure, r.value === null ? null : Number(r.value)]));
}

async function programmes(year: number) {
	const { data, error } = await staff().rpc('year_programme_figures', { fy: year });
	expect(error).toBeNull();
	return Object.fromEntries(
		(
			data as {
				programme: string;
				activities: number;
				members: number;
				non_members: number;
				people: number;
			}[]
		).map((r) => [
			r.programme,
			{ activities: r.activities, members: r.members, non_members: r.non_members, people: r.people }
		])
	);
}

describe('the seeded years match the co-production report', () => {
	it('2016-17: 70 members, 57 active (81% against 50%), 65 people including 8 who are not members', async () => {
		const f = await figures(2016);
		expect(f).toMatchObject({
			network_size: 70,
			members_active: 57,
			members_active_percent: 81,
			active_target_percent: 50,
			people_involved: 65,
			non_members_involved: 8,
			activities: 37
		});
	});

	it('2016-17: 41 members in 26 general activities, 34 people on 11 guideline committees', async () => {
		const p = await programmes(2016);
		expect(p['General work']).toEqual({ activities: 26, members: 41, non_members: 0, people: 41 });
		expect(p['Guideline committees']).toEqual({ activities: 11, members: 26, non_members: 8, people: 34 });
	});

	it('2015-16: 32 members in 23 general activities, 45 people on guideline committees', async () => {
		const p = await programmes(2015);
		expect(p['General work']).toMatchObject({ activities: 23, members: 32, people: 32 });
		expect(p['Guideline committees']).toMatchObject({ activities: 10, people: 45 });
		expect(await figures(2015)).toMatchObject({
			network_size: 62,
			members_active: 53,
			members_active_percent: 85,
			people_involved: 60,
			non_members_involved: 7
		});
	});

	it('gives last year beside this year, and the change', async () => {
		const { data } = await staff().rpc('year_figures', { fy: 2016 });
		const active = (data as { figure: string; value: number; previous_value: number; change: number }[]).find(
			(r) => r.figure === 'members_active'
		)!;
		expect([Number(active.value), Number(active.previous_value), Number(active.change)]).toEqual([57, 53, 4]);
		const p = (await staff().rpc('year_programme_figures', { fy: 2016 })).data as {
			programme: string;
			previous_people: number;
			previous_members: number;
		}[];
		expect(p.find((r) => r.programme === 'Guideline committees')).toMatchObject({
			previous_people: 45,
			previous_members: 38
		});
	});

	it('counts this year from this year’s demo activity, with people who are not members', async () => {
		const now = new Date();
		const year = now.getUTCMonth() + 1 >= 4 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
		const f = await figures(year);
		expect(f.members_active).toBeGreaterThan(0);
		expect(f.non_members_involved).toBeGreaterThan(0);
		expect(f.claims_paid).toBeGreaterThan(0);
		expect(f.days_to_payment_slowest).toBeGreaterThanOrEqual(f.days_to_payment_median!);
	});
});

describe('who may see the figures', () => {
	const calls = [
		'year_figures',
		'year_programme_figures',
		'year_network_rows',
		'year_involvement_rows',
		'year_adjustment_rows',
		'year_payment_rows'
	];

	it('refuses members and people not signed in', async () => {
		for (const fn of calls) {
			const member = await as(ACCOUNTS.memberA).rpc(fn, { fy: 2016 });
			expect(member.error, `${fn} for a member`).not.toBeNull();
			expect(member.data).toBeNull();
			const nobody = await anon().rpc(fn, { fy: 2016 });
			expect(nobody.error, `${fn} for anon`).not.toBeNull();
		}
	});

	it('gives the rows about adjustments only to staff who arrange adjustments', async () => {
		expect((await as(ACCOUNTS.finance).rpc('year_adjustment_rows', { fy: 2026 })).error?.code).toBe('42501');
		expect((await staff().rpc('year_adjustment_rows', { fy: 2026 })).error).toBeNull();
		expect((await as(ACCOUNTS.finance).rpc('year_figures', { fy: 2016 })).error).toBeNull();
	});

	it('lets only staff read guests, and no member read a guest’s involvement', async () => {
		expect(((await staff().from('guests').select('id')).data ?? []).length).toBeGreaterThanOrEqual(11);
		expect((await as(ACCOUNTS.memberA).from('guests').select('id')).data).toEqual([]);
		const theirs = await as(ACCOUNTS.memberA).from('involvements').select('id').not('guest_id', 'is', null);
		expect(theirs.data).toEqual([]);
	});

	it('lets only admins change the target, which the share is measured against', async () => {
		const refused = await staff()
			.from('figures_settings')
			.update({ active_target_percent: 90 })
			.eq('id', true)
			.select();
		expect(refused.data).toEqual([]);
		const changed = await as(ACCOUNTS.admin)
			.from('figures_settings')
			.update({ active_target_percent: 60 })
			.eq('id', true)
			.select();
		expect(changed.error).toBeNull();
		try {
			expect((await figures(2016)).active_target_percent).toBe(60);
		} finally {
			await service().from('figures_settings').update({ active_target_percent: 50 }).eq('id', true);
		}
	});
});

describe('the rows behind the figures', () => {
	it('list the 70 members at the end of 2016-17, 57 of them taking part', async () => {
		const { data } = await staff().rpc('year_network_rows', { fy: 2016 });
		const rows = data as { took_part: boolean }[];
		expect(rows).toHaveLength(70);
		expect(rows.filter((r) => r.took_part)).toHaveLength(57);
	});

	it('list every place in 2016-17 with its programme and whether the person is a member', async () => {
		const { data } = await staff().rpc('year_involvement_rows', { fy: 2016 });
		const rows = data as { programme: string; person_kind: string }[];
		// General work: 61 places; committees: 26 members and 8 others.
		expect(rows).toHaveLength(61 + 26 + 8);
		expect(rows.filter((r) => r.person_kind === 'not a member')).toHaveLength(8);
	});

	it('make CSV files with the expected columns', async () => {
		const db = staff();
		const all = (await yearCsv(db, 'figures', 2016))!;
		const lines = all.trimEnd().split('\r\n');
		expect(lines[0]).toBe('"Figure","Key","This year","Last year","Change"');
		expect(lines).toContain('"Members who took part at least once","members_active","57","53","4"');
		const byProgramme = (await yearCsv(db, 'programmes', 2016))!;
		expect(byProgramme).toContain('"Guideline committees","11","26","8","34"');
		const network = (await yearCsv(db, 'network', 2016))!.trimEnd().split('\r\n');
		expect(network[0]).toBe('"Member","Status now","Joined","Left","Took part in the year","Activities"');
		expect(network).toHaveLength(71);
		const places = (await yearCsv(db, 'involvements', 2016))!;
		expect(places.split('\r\n')[0]).toBe(
			'"Activity","Programme","Person","Member or not","Role","From","Until"'
		);
		const paid = (await yearCsv(db, 'payments', 2026))!;
		expect(paid.split('\r\n')[0]).toBe(
			'"Claim","Claimed","Paid","Days to payment","Fees in pence","Expenses in pence"'
		);
		expect(await yearCsv(as(ACCOUNTS.finance), 'adjustments', 2026)).toBeNull();
		await expect(yearCsv(as(ACCOUNTS.memberA), 'figures', 2016)).rejects.toThrow();
	});
});

describe('people and the network over time', () => {
	const email = 'figures.left.test@example.org';
	afterAll(async () => {
		await service().from('profiles').delete().eq('email', email);
	});

	it('stamps the day a member leaves and clears it if they come back', async () => {
		const db = service();
		const { data } = await db
			.from('profiles')
			.insert({ email, full_name: 'Figures Left Test', role: 'member', status: 'active' })
			.select('id, joined_on, left_on')
			.single();
		const p = data as { id: string; joined_on: string; left_on: string | null };
		expect(p.joined_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(p.left_on).toBeNull();
		const left = await db
			.from('profiles')
			.update({ status: 'left' })
			.eq('id', p.id)
			.select('left_on')
			.single();
		expect((left.data as { left_on: string }).left_on).toBe(p.joined_on);
		const back = await db
			.from('profiles')
			.update({ status: 'active' })
			.eq('id', p.id)
			.select('left_on')
			.single();
		expect((back.data as { left_on: string | null }).left_on).toBeNull();
	});

	it('needs exactly one person on an involvement: a member, a guest or a former member', async () => {
		const db = service();
		const { data: opp } = await db.from('opportunities').select('id').limit(1).single();
		const { data: guest } = await db.from('guests').select('id').limit(1).single();
		const both = await db.from('involvements').insert({
			member_id: ACCOUNTS.memberA.id,
			guest_id: (guest as { id: number }).id,
			opportunity_id: (opp as { id: number }).id,
			role: 'Both at once'
		});
		expect(both.error?.code).toBe('23514');
		const neither = await db
			.from('involvements')
			.insert({ opportunity_id: (opp as { id: number }).id, role: 'Nobody' });
		expect(neither.error?.code).toBe('23514');
	});
});
