// The commonest queries under Row Level Security, on a larger seed (10,000 members, 2,000
// opportunities, 50,000 claims; --short: a tenth), each run as PostgREST runs it: in a transaction,
// as the request's role with the JWT's claims set by set_config. Prints EXPLAIN (ANALYZE) timings
// (median of several runs) and the plan's top node. Target: each ≤ 10 ms.
// Uses a throwaway database on a real PostgreSQL server (see bench/lib.mjs).
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { createHash } = await import('node:crypto');
const pg = (await import('pg')).default;
const { prepare } = await import('../scripts/lib/database.mjs');
const { dropDatabase, freshDatabase, ms, postgresServer, short } = await import('./lib.mjs');
const { FULL, SHORT, loadLargeSeed } = await import('./large-seed.mjs');

const RUNS = short ? 3 : 7;
const TARGET_MS = 10;
const DB = 'together_bench_queries';

const server = await postgresServer();
let client;
try {
	const url = await freshDatabase(server.url, DB);
	await prepare(url, { log: () => {} });
	const sizes = short ? SHORT : FULL;
	console.log(
		`Loading the larger seed (${sizes.members} members, ${sizes.opportunities} opportunities, ${sizes.claims} claims)…`
	);
	const seeded = await loadLargeSeed(url, sizes);
	console.log(`  loaded in ${seeded.seconds.toFixed(1)} s`);

	client = new pg.Client({ connectionString: url });
	await client.connect();
	const one = async (sql, params = []) => (await client.query(sql, params)).rows[0];
	// A member in the middle of the seed, with applications, an involvement and claims.
	const member = await one(
		`select p.id from public.profiles p where p.email = 'bench-member-${Math.floor(sizes.members / 2)}@example.org'`
	);
	const staff = await one(`select id from public.profiles where email = 'bench-staff-1@example.org'`);
	const opportunity = await one(
		`select a.opportunity_id as id from public.applications a where a.member_id = $1 limit 1`,
		[member.id]
	);
	const claim = await one(`select id from public.claims where member_id = $1 limit 1`, [member.id]);
	const token = 'bench-session-token';
	const sessionId = createHash('sha256').update(token).digest('hex');
	await client.query(
		"insert into public.sessions (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')",
		[sessionId, member.id]
	);

	const nowIso = new Date().toISOString();
	const QUERIES = [
		{
			name: 'session and profile (every signed-in request)',
			role: 'service_role',
			sql: `select s.*, p.id, p.email, p.full_name, p.preferred_name, p.role, p.status, p.permissions, p.display_settings
				from public.sessions s left join public.profiles p on p.id = s.user_id where s.id = '${sessionId}'`
		},
		{
			name: 'open opportunities (the list page)',
			sql: `select id, type, title, summary, title_cy, summary_cy, location_type, closes_at, status, published_at
				from public.opportunities where status = 'published' and (closes_at is null or closes_at >= '${nowIso}')
				order by closes_at asc nulls last, id limit 200`
		},
		{
			name: 'what fits me (my home page)',
			sql: `select id, type, title, summary, closes_at, looks_for_experience, looks_for_skills
				from public.opportunities_that_fit(3)`
		},
		{
			name: 'one opportunity',
			sql: `select * from public.opportunities where id = ${opportunity.id}`
		},
		{
			name: "an opportunity's meetings",
			sql: `select id, title, starts_at, ends_at, location_type, place, step_free, hearing_loop from public.meetings where opportunity_id = ${opportunity.id} order by starts_at`
		},
		{
			name: 'my application to an opportunity',
			sql: `select * from public.applications where opportunity_id = ${opportunity.id} and member_id = '${member.id}'`
		},
		{
			name: 'my applications, with their opportunities',
			sql: `select a.*, o.id, o.title, o.status, o.closes_at, o.type from public.applications a
				left join public.opportunities o on o.id = a.opportunity_id
				where a.member_id = '${member.id}' order by a.updated_at desc limit 200`
		},
		{
			name: 'my claims, with totals',
			sql: `select c.id, c.reference, c.status, c.activity_on, public.fees_pence(c), public.expenses_pence(c),
				public.total_pence(c), public.claim_opportunity(c), m.title
				from public.claims c left join public.meetings m on m.id = c.meeting_id
				where c.member_id = '${member.id}' order by c.created_at desc, c.id desc`
		},
		{
			name: "one claim's lines and events",
			sql: `select l.id, l.category, l.amount_pence, null::timestamptz as at from public.claim_lines l where l.claim_id = ${claim.id}
				union all
				select e.id, null, null, e.at from public.claim_events e where e.claim_id = ${claim.id}`
		},
		{
			name: 'my involvements (claim form)',
			sql: `select * from public.my_involvements()`
		},
		{
			name: 'meetings I can claim for (claim form)',
			sql: `select * from public.claimable_meetings()`
		},
		{
			name: 'staff: the claims queue (300 oldest sent)',
			as: 'staff',
			sql: `select c.id, c.reference, c.status, c.payment_method, c.activity_on, c.submitted_at, public.total_pence(c),
				p.full_name, i.opportunity_id, o.title
				from public.claims c join public.profiles p on p.id = c.member_id
				join public.involvements i on i.id = c.involvement_id left join public.opportunities o on o.id = i.opportunity_id
				where c.status <> 'draft' order by c.submitted_at limit 300`
		}
	];

	const rows = [];
	for (const q of QUERIES) {
		const who =
			q.as === 'staff' ? { id: staff.id, app_role: 'staff' } : { id: member.id, app_role: 'member' };
		const role = q.role ?? 'authenticated';
		const claims = JSON.stringify({ sub: who.id, role, app_role: who.app_role, aud: 'authenticated' });
		const times = [];
		let plan;
		for (let i = 0; i < RUNS; i++) {
			await client.query('begin');
			try {
				await client.query(`set local role ${role}`);
				await client.query(
					"select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claim.role', $3, true)",
					[claims, who.id, role]
				);
				const result = await client.query(`explain (analyze, buffers, format json) ${q.sql}`);
				plan = result.rows[0]['QUERY PLAN'][0];
				times.push(plan['Planning Time'] + plan['Execution Time']);
			} finally {
				await client.query('rollback');
			}
		}
		times.sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)];
		const node = plan.Plan;
		const nodes = [];
		(function walk(n) {
			if (n['Relation Name'] || n['Index Name'])
				nodes.push(`${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ` ${n['Relation Name']}`}`);
			for (const c of n.Plans ?? []) walk(c);
		})(node);
		rows.push({
			query: q.name,
			'ms (median)': ms(median),
			'planning ms': ms(plan['Planning Time']),
			rows: node['Actual Rows'],
			'≤ 10 ms': median <= TARGET_MS ? 'yes' : 'NO',
			'plan (scans)': nodes.slice(0, 3).join('; ') || node['Node Type']
		});
	}

	console.log(
		`\nCommonest queries under Row Level Security, EXPLAIN ANALYZE, median of ${RUNS} runs ` +
			`(${seeded.counts.profiles} profiles, ${seeded.counts.opportunities} opportunities, ${seeded.counts.claims} claims)\n`
	);
	console.table(rows);
	const worst = rows.reduce((a, b) => (Number(b['ms (median)']) > Number(a['ms (median)']) ? b : a));
	console.log(
		`queries: ${rows.filter((r) => r['≤ 10 ms'] === 'yes').length} of ${rows.length} within ${TARGET_MS} ms; ` +
			`slowest "${worst.query}" ${worst['ms (median)']} ms`
	);
} finally {
	await client?.end();
	if (process.env.BENCH_KEEP !== '1') await dropDatabase(server.url, DB).catch(() => {});
	await server.stop();
}
