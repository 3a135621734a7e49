// Server speed, on loopback, with autocannon, against the production build and the stack on a real
// PostgreSQL server (PostgREST with its pool of 10) holding the demo data and the larger seed:
//  1. the opportunities page and an opportunity page, and beside them in the same run the same data
//     straight from PostgREST (through the API gateway, as the app reads it): requests/s,
//     p50/p95/p99 and the page/API ratio (aim ≥ 0.5);
//  2. a mixed member load at a fixed rate (125 requests/s for 60 s): signed-in members browse,
//     apply and start claims (with the request keys the forms carry, so a repeat changes nothing):
//     p95 (aim ≤ 300 ms), p99 (aim ≤ 800 ms), errors (aim none).
// The list and the opportunity are asked for as a visitor who is not signed in: the app keeps what
// visitors see of them for up to 5 s (openPageForVisitors in src/lib/server/opportunities.ts,
// opportunityPageForVisitors in src/lib/server/opportunity-page.ts), as it does for every visitor, so
// those pages read PostgREST about once each 5 s. The same opportunity is asked for again by a
// signed-in member, whose pages (and the mixed load's) ask PostgREST on every request.
// Beside each page run and the mixed load: the app's CPU milliseconds per request (from /proc, on
// Linux), which holds steadier than requests/s when other work shares the machine, and the load
// average before and after.
// --short: 3 s per endpoint and 10 s of mixed load, on a tenth of the larger seed.
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { randomUUID } = await import('node:crypto');
const autocannon = (await import('autocannon')).default;
const pg = (await import('pg')).default;
const { prepare } = await import('../scripts/lib/database.mjs');
const { cpuSeconds, dropDatabase, freshDatabase, ms, postgresServer, sessionCookie, short, startApp } =
	await import('./lib.mjs');
const { loadavg } = await import('node:os');
/** The machine's load average (1 minute): how busy it was, which moves these figures a lot. */
const load = () => loadavg()[0].toFixed(1);
const { FULL, SHORT, loadLargeSeed } = await import('./large-seed.mjs');

const DB = 'together_bench_server';
const SECONDS = short ? 3 : 10;
const MIXED = {
	rate: 125,
	seconds: short ? 10 : 60,
	connections: short ? 10 : 50,
	members: short ? 20 : 100
};
// What the list page selects (OPEN_LIST_COLUMNS in src/lib/server/opportunities.ts), a page of
// LIST_PAGE_SIZE (src/lib/opportunities.ts) with the count of all that match.
const LIST_COLUMNS = 'id,type,title,summary,title_cy,summary_cy,location_type,closes_at,status,published_at';

/** Runs autocannon; the result gets exact p50/p95/p99 from every response's time (autocannon has no p95). */
function fire(options) {
	return new Promise((resolve, reject) => {
		const times = [];
		const instance = autocannon({ connections: 10, duration: SECONDS, ...options }, (error, result) => {
			if (error) return reject(error);
			times.sort((a, b) => a - b);
			const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
			resolve({ ...result, p: { 50: at(50), 95: at(95), 99: at(99) } });
		});
		instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	});
}

const server = await postgresServer();
let app;
try {
	const url = await freshDatabase(server.url, DB);
	await prepare(url, { log: () => {} });
	const sizes = short ? SHORT : FULL;
	console.log(
		`Loading the demo data and the larger seed (${sizes.members} members, ${sizes.opportunities} opportunities, ${sizes.claims} claims)…`
	);
	await loadLargeSeed(url, sizes);

	// Signed-in members with an involvement (to claim for), and open opportunities to apply to.
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	const members = (
		await db.query(
			`select p.id, min(i.id) as involvement from public.profiles p join public.involvements i on i.member_id = p.id
			 where p.email like 'bench-member-%' group by p.id order by p.id limit $1`,
			[MIXED.members]
		)
	).rows;
	const open = (
		await db.query(
			`select id from public.opportunities where status = 'published' and closes_at > now() + interval '1 day'
			 and type <> 'event' and title like 'Bench opportunity %' order by id limit 20`
		)
	).rows.map((r) => r.id);
	await db.end();

	console.log('Starting the stack and the production build…');
	// The stack runs in its own process: autocannon keeps this one busy, and the gateway here would
	// hold up each of the app's requests to PostgREST (a page makes several) more than the API side's one.
	app = await startApp(url, { stackProcess: true });
	const anonKey = app.env.SUPABASE_ANON_KEY;
	const api = `${app.env.SUPABASE_URL}/rest/v1`;
	const one = open[0];
	const now = new Date().toISOString();
	const listQuery =
		`select=${LIST_COLUMNS}&status=eq.published&or=${encodeURIComponent(`(closes_at.is.null,closes_at.gte."${now}")`)}` +
		'&order=closes_at.asc.nullslast,id.asc&offset=0&limit=50';
	const apiHeaders = { apikey: anonKey, authorization: `Bearer ${anonKey}`, accept: 'application/json' };
	for (const m of members) m.cookie = await sessionCookie(app.env, m.id);

	// Warm up: the first requests compile and fill caches.
	for (const path of ['/opportunities', `/opportunities/${one}`]) await fetch(app.base + path);

	const PAIRS = [
		{
			name: 'opportunities',
			page: `${app.base}/opportunities`,
			api: `${api}/opportunities?${listQuery}`,
			apiHeaders: { prefer: 'count=exact' }
		},
		{
			name: 'an opportunity',
			page: `${app.base}/opportunities/${one}`,
			api: `${api}/opportunities?select=*&id=eq.${one}`
		},
		{
			name: 'an opportunity, signed in',
			page: `${app.base}/opportunities/${one}`,
			pageHeaders: { cookie: members[0].cookie },
			api: `${api}/opportunities?select=*&id=eq.${one}`
		}
	];
	const rows = [];
	const ratios = [];
	const cpus = [];
	/** Runs a load and adds the app's CPU milliseconds per request (steadier than req/s on a busy machine). */
	const fireApp = async (options) => {
		const before = cpuSeconds(app.pid);
		const r = await fire(options);
		const after = cpuSeconds(app.pid);
		const cpu =
			before == null || after == null ? null : ((after - before) * 1000) / Math.max(1, r.requests.total);
		return { ...r, cpu };
	};
	const startLoad = load();
	for (const pair of PAIRS) {
		const page = await fireApp({ url: pair.page, headers: pair.pageHeaders });
		const data = await fire({ url: pair.api, headers: { ...apiHeaders, ...pair.apiHeaders } });
		for (const [what, r] of [
			[`${pair.name}: page`, page],
			[`${pair.name}: PostgREST`, data]
		]) {
			rows.push({
				endpoint: what,
				'req/s': Math.round(r.requests.average),
				'p50 ms': ms(r.p[50]),
				'p95 ms': ms(r.p[95]),
				'p99 ms': ms(r.p[99]),
				'non-2xx': r.non2xx,
				errors: r.errors + r.timeouts,
				'app CPU ms/req': ms(r.cpu)
			});
		}
		cpus.push(page.cpu);
		const ratio = page.requests.average / data.requests.average;
		ratios.push(ratio);
		rows.push({ endpoint: `${pair.name}: page/API ratio`, 'req/s': ratio.toFixed(2) });
	}
	console.log(
		`\nPage against the same data from PostgREST (${SECONDS} s each, 10 connections; load average ${startLoad} → ${load()})\n`
	);
	console.table(rows);
	console.log(
		"(Visitors' list and opportunity are kept for up to 5 s; a signed-in member's are read for each request.)"
	);

	// The mixed load: each pass of a connection is one member browsing, applying and claiming.
	let next = 0;
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
	const form = {
		'content-type': 'application/x-www-form-urlencoded',
		origin: app.origin
	};
	const member = (context) => {
		if (!context.member) {
			const m = members[next++ % members.length];
			context.member = m;
			context.opportunity = open[next % open.length];
		}
		return context.member;
	};
	/** What each step got back: status codes, and where redirects sent the member. */
	const outcomes = new Map();
	let doubled = 0;
	const step = (method, path, body, label) => ({
		method,
		onResponse: (status, _body, context, headers) => {
			const name = label ?? `${method} ${typeof path === 'function' ? path({ opportunity: ':id' }) : path}`;
			let to = headers?.location ? ` → ${String(headers.location).replace(/\d+/g, ':id')}` : '';
			// A form sent again with the same key must land on the claim the first one made.
			if (body && path === '/my/claims/new' && headers?.location) {
				if (!label) context.claim = headers.location;
				else if (context.claim === headers.location) to += ' (the same claim)';
				else {
					to += ' (ANOTHER claim)';
					doubled++;
				}
			}
			const key = `${name}\t${status}${to}`;
			outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
		},
		setupRequest: (req, context) => {
			const m = member(context);
			return {
				...req,
				method,
				path: typeof path === 'function' ? path(context) : path,
				headers: { ...req.headers, accept: 'text/html', cookie: m.cookie, ...(body ? form : {}) },
				body: body ? body(context, m) : undefined
			};
		}
	});
	// Each pass is one visit to the claim form, so one request key; the phone's outbox may send it twice.
	const claimForm = (c, m) =>
		`activity=other&involvement=${m.involvement}&day=${today}&key=${(c.claimKey ??= randomUUID())}`;
	// Writes come early in each pass, so that a short run has its share of them too.
	const requests = [
		step('GET', '/opportunities'),
		step(
			'POST',
			(c) => `/opportunities/${c.opportunity}/apply`,
			() => ''
		),
		step('POST', '/my/claims/new', claimForm),
		step('GET', (c) => `/opportunities/${c.opportunity}`),
		step('POST', '/my/claims/new', claimForm, 'POST /my/claims/new again, same key'),
		step('GET', '/my'),
		step('GET', '/my/claims/new'),
		step('GET', '/my/applications')
	];
	console.log(
		`\nMixed member load: ${MIXED.rate} requests/s for ${MIXED.seconds} s, ${members.length} members, ${MIXED.connections} connections…`
	);
	const mixedLoad = load();
	const mixed = await fireApp({
		url: app.base,
		connections: MIXED.connections,
		overallRate: MIXED.rate,
		duration: MIXED.seconds,
		requests
	});
	console.table(
		[...outcomes].map(([key, count]) => {
			const [request, answer] = key.split('\t');
			return { request, answer, count };
		})
	);
	const errors = mixed.errors + mixed.timeouts + mixed['4xx'] + mixed['5xx'] + doubled;
	console.table([
		{
			load: 'browse, apply, claim',
			requests: mixed.requests.total,
			'req/s': Math.round(mixed.requests.average),
			'p50 ms': ms(mixed.p[50]),
			'p95 ms': ms(mixed.p[95]),
			'p99 ms': ms(mixed.p[99]),
			'2xx/3xx': mixed['2xx'] + mixed['3xx'],
			'4xx/5xx': mixed['4xx'] + mixed['5xx'],
			'errors, timeouts': mixed.errors + mixed.timeouts,
			'app CPU ms/req': ms(mixed.cpu)
		}
	]);
	console.log(`(load average ${mixedLoad} → ${load()})`);
	console.log(
		`server speed: page/API ratio ${ratios.map((r) => r.toFixed(2)).join(', ')} (list, opportunity, signed in; aim ≥ 0.5); ` +
			`mixed load at ${MIXED.rate}/s (reached ${Math.round(mixed.requests.average)}/s): p95 ${ms(mixed.p[95])} ms (aim ≤ 300), p99 ${ms(mixed.p[99])} ms (aim ≤ 800), ` +
			`${errors} errors (aim 0); ` +
			`app CPU per request ${[...cpus, mixed.cpu].map((c) => ms(c)).join(', ')} ms (list, opportunity, signed in, mixed); ` +
			`load average ${startLoad} at the start`
	);
} finally {
	await app?.stop();
	if (process.env.BENCH_KEEP !== '1') await dropDatabase(server.url, DB).catch(() => {});
	await server.stop();
}
