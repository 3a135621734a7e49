// A larger seed for the server benches, generated in the database: members, opportunities with
// meetings, applications, involvements, claims with their lines and events. Only for throwaway
// databases (the benches make their own): the demo seed and the tests never see it.
//   node_modules/.bin/node bench/large-seed.mjs postgres://…/a_throwaway_database [--short]
// Full size: 10,000 members, 2,000 opportunities, 50,000 claims. Short: a tenth of that.
// Node 24 (the project's, in node_modules): it reads the matching words from src/lib/matching.ts.
import pg from 'pg';
import { MATCH_EXPERIENCE, MATCH_SKILLS } from '../src/lib/matching.ts';

export const FULL = { members: 10_000, opportunities: 2_000, claims: 50_000 };
export const SHORT = { members: 1_000, opportunities: 200, claims: 5_000 };

// The words members share for matching and opportunities look for, as SQL arrays.
const sqlArray = (words) =>
	`array[${Object.keys(words)
		.map((w) => `'${w}'`)
		.join(', ')}]`;
const EXPERIENCE = sqlArray(MATCH_EXPERIENCE);
const SKILLS = sqlArray(MATCH_SKILLS);
const E = Object.keys(MATCH_EXPERIENCE).length;
const S = Object.keys(MATCH_SKILLS).length;

/** Bench members are bench-member-<n>@example.org; staff bench-staff-<n>@example.org. */
export async function loadLargeSeed(url, sizes = FULL) {
	const { members, opportunities, claims } = sizes;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const started = Date.now();
	try {
		await client.query('begin');
		await client.query(`
			insert into public.profiles (email, full_name, role, status, interests)
			select 'bench-member-' || n || '@example.org', 'Bench member ' || n, 'member', 'active',
			       array[(array['health', 'housing', 'mental_health', 'money'])[1 + n % 4]]
			from generate_series(1, ${members}) n;

			insert into public.profiles (email, full_name, role, status)
			select 'bench-staff-' || n || '@example.org', 'Bench staff ' || n, 'staff', 'active'
			from generate_series(1, 20) n;

			insert into public.opportunities
			  (type, title, summary, description, location_type, location, status, closes_at, starts_on, topics, places, payment,
			   looks_for_experience, looks_for_skills)
			select (enum_range(null::public.opportunity_type))[1 + n % 9],
			       'Bench opportunity ' || n,
			       'A generated opportunity for measuring how the portal copes with more data.',
			       repeat('Generated description of what taking part involves. ', 8),
			       (enum_range(null::public.location_type))[1 + n % 3],
			       case when n % 3 = 1 then null else 'Cardiff' end,
			       (case when n % 10 < 6 then 'published' when n % 10 < 9 then 'closed' else 'draft' end)::public.opportunity_status,
			       now() + ((n % 90) - 20) * interval '1 day',
			       current_date + (n % 60),
			       array[(array['health', 'housing', 'mental_health', 'money'])[1 + n % 4]],
			       5 + n % 20,
			       '£25 an hour',
			       array[(${EXPERIENCE})[1 + n % ${E}]],
			       array[(${SKILLS})[1 + n % ${S}], (${SKILLS})[1 + (n * 7 + 4) % ${S}]]
			from generate_series(1, ${opportunities}) n;

			create temporary table bench_members on commit drop as
			  select row_number() over (order by email) as n, id from public.profiles
			  where email like 'bench-member-%';

			-- What each member shares for matching: a lived experience, a skill, and one to develop.
			insert into public.matching_profiles (member_id, experience, skills, develop)
			select id, array[(${EXPERIENCE})[1 + n % ${E}]], array[(${SKILLS})[1 + n % ${S}]], array[(${SKILLS})[1 + (n + 3) % ${S}]]
			from bench_members;
			create temporary table bench_opportunities on commit drop as
			  select row_number() over (order by id) as n, id from public.opportunities
			  where title like 'Bench opportunity %' and status <> 'draft';

			insert into public.meetings (opportunity_id, title, starts_at, ends_at, location_type, place)
			select o.id, 'Meeting ' || k, now() + (k * 14 - 20) * interval '1 day',
			       now() + (k * 14 - 20) * interval '1 day' + interval '2 hours', 'in_person', 'Cardiff'
			from bench_opportunities o, generate_series(1, 2) k;
		`);
		const o = (await client.query('select count(*)::int as n from bench_opportunities')).rows[0].n;
		await client.query(`
			-- Each member: three applications (one accepted, with an involvement), on different opportunities.
			insert into public.applications (opportunity_id, member_id, status, submitted_at, submit_key)
			select o.id, m.id,
			       (case k when 0 then 'accepted' when 1 then 'submitted' else 'draft' end)::public.application_status,
			       case when k < 2 then now() - (m.n % 30) * interval '1 day' end,
			       case when k < 2 then gen_random_uuid() end
			from bench_members m cross join generate_series(0, 2) k
			join bench_opportunities o on o.n = 1 + (m.n * 7 + k * 13) % ${o};

			insert into public.involvements (member_id, opportunity_id, application_id, role, starts_on)
			select a.member_id, a.opportunity_id, a.id, 'Member', current_date - 60
			from public.applications a join bench_members m on m.id = a.member_id
			where a.status = 'accepted';

			-- Claims spread over the members' involvements, with a line and an event each.
			insert into public.claims (member_id, involvement_id, activity_on, status, payment_method, start_key, submitted_at)
			select i.member_id, i.id, current_date - (c % 50),
			       (array['draft', 'submitted', 'approved', 'rejected', 'query'])[1 + c % 5]::public.claim_status,
			       case when c % 5 <> 0 then 'bank'::public.payment_method end,
			       gen_random_uuid(),
			       case when c % 5 <> 0 then now() - (c % 50) * interval '1 day' end
			from generate_series(1, ${claims}) c
			join (select row_number() over (order by id) as n, id, member_id from public.involvements
			      where member_id in (select id from bench_members)) i
			  on i.n = 1 + c % ${members};

			insert into public.claim_lines (claim_id, category, description, amount_pence)
			select c.id, 'public_transport', 'Bus there and back', 420 + c.id % 300
			from public.claims c join bench_members m on m.id = c.member_id;

			insert into public.claim_events (claim_id, status, actor_id, at)
			select c.id, c.status, c.member_id, coalesce(c.submitted_at, c.created_at)
			from public.claims c join bench_members m on m.id = c.member_id;

			insert into public.saved_opportunities (member_id, opportunity_id)
			select m.id, o.id from bench_members m
			join bench_opportunities o on o.n = 1 + (m.n * 11) % ${o};
		`);
		await client.query('commit');
		await client.query('analyze');
		const count = async (table) =>
			(await client.query(`select count(*)::int as n from public.${table}`)).rows[0].n;
		return {
			seconds: (Date.now() - started) / 1000,
			counts: {
				profiles: await count('profiles'),
				opportunities: await count('opportunities'),
				meetings: await count('meetings'),
				applications: await count('applications'),
				involvements: await count('involvements'),
				claims: await count('claims'),
				claim_lines: await count('claim_lines')
			}
		};
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		await client.end();
	}
}

if (import.meta.main ?? process.argv[1]?.endsWith('large-seed.mjs')) {
	const url = process.argv.find((a) => a.startsWith('postgres'));
	if (!url) {
		console.error(
			'Give the URL of a throwaway database: node_modules/.bin/node bench/large-seed.mjs postgres://… [--short]'
		);
		process.exit(1);
	}
	const result = await loadLargeSeed(url, process.argv.includes('--short') ? SHORT : FULL);
	console.table(result.counts);
	console.log(`large seed: loaded in ${result.seconds.toFixed(1)} s`);
}
