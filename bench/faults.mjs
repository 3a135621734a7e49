// Faults: how long the portal takes to answer again by itself after its Postgres comes back, and
// what members see meanwhile. The production build runs on a stack with a throwaway PostgreSQL
// cluster of its own (scripts/lib/fault-stack.mjs); each round either restarts it (pg_ctl restart
// -m fast) or stops it for a few seconds and starts it again, while a member's page and the
// opportunities page are asked for every 100 ms. Prints, per round: when Postgres was back, when the
// pages answered again, the slowest single answer (a page may wait for the database rather than
// fail), and what the pages said meanwhile (the plain 503 page; a stack trace or
// any other answer is counted and shown).
// --short: two rounds (one restart, one stop of 2 s). Full: six rounds (restarts and stops of 2 and 10 s).
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { randomBytes, createHash } = await import('node:crypto');
const pg = (await import('pg')).default;
const { serveBuild } = await import('../scripts/lib/app.mjs');
const { freePort, startFaultStack } = await import('../scripts/lib/fault-stack.mjs');
const { ensureBuild, short } = await import('./lib.mjs');

const ROUNDS = short
	? [{ kind: 'restart' }, { kind: 'stop', seconds: 2 }]
	: [
			{ kind: 'restart' },
			{ kind: 'restart' },
			{ kind: 'stop', seconds: 2 },
			{ kind: 'stop', seconds: 2 },
			{ kind: 'stop', seconds: 10 },
			{ kind: 'restart' }
		];
const sec = (ms) => (ms / 1000).toFixed(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

await ensureBuild();
console.log('Starting the fault stack (a throwaway PostgreSQL cluster, PostgREST, the gateway) and the app…');
const stack = await startFaultStack();
let app;
try {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	app = await serveBuild(
		{ ...stack.env, ORIGIN: origin, JOBS_INTERVAL_MINUTES: '0', SMTP_URL: 'smtp://127.0.0.1:9' },
		port
	);
	const base = `http://127.0.0.1:${port}`;

	// A signed-in member, stored as the app stores sessions (the SHA-256 of the token).
	const token = randomBytes(20).toString('hex');
	const db = new pg.Client({ connectionString: stack.cluster.url });
	await db.connect();
	await db.query(
		`insert into public.sessions (id, user_id, expires_at)
		 select $1, id, now() + interval '1 day' from public.profiles where role = 'member' order by id limit 1`,
		[createHash('sha256').update(token).digest('hex')]
	);
	await db.end();
	const PAGES = [
		// A search not asked for before each time: the visitors' list itself may come from the app's
		// memory for a few seconds (openPageForVisitors), and this is about the database.
		{ path: '/opportunities?q=', fresh: true, headers: {} },
		{ path: '/my', headers: { cookie: `together-session=${token}` } }
	];

	/** One look at every page: true when all answered 200; anything else is tallied in `seen`. */
	let slowest = 0;
	let looks = 0;
	async function look(seen) {
		let ok = true;
		looks += 1;
		for (const { path, fresh, headers } of PAGES) {
			let what;
			const asked = Date.now();
			try {
				const url = `${base}${path}${fresh ? `look-${looks}` : ''}`;
				const res = await fetch(url, { headers, redirect: 'manual' });
				const body = await res.text();
				slowest = Math.max(slowest, Date.now() - asked);
				if (res.status === 200) continue;
				const plain =
					body.includes('We can’t reach the service just now') &&
					!/\bat .+:\d+:\d+|Error:|ECONNREFUSED|PGRST/.test(body);
				what = `${res.status}${plain ? ' plain page' : ' NOT the plain page'}`;
			} catch (error) {
				what = `no answer (${error.cause?.code ?? error.message})`;
			}
			ok = false;
			seen.set(what, (seen.get(what) ?? 0) + 1);
		}
		return ok;
	}

	if (!(await look(new Map()))) throw new Error('The pages did not answer before the first fault.');
	const rows = [];
	for (const [n, round] of ROUNDS.entries()) {
		const seen = new Map();
		slowest = 0;
		let polling = true;
		let lastFailure = null;
		let sawFailure = false;
		const started = Date.now();
		// Ask for the pages every 100 ms from the fault until they answer again.
		const poller = (async () => {
			while (polling) {
				const t = Date.now();
				if (!(await look(seen))) {
					lastFailure = Date.now();
					sawFailure = true;
				}
				await sleep(Math.max(0, 100 - (Date.now() - t)));
			}
		})();
		if (round.kind === 'restart') await stack.cluster.restart();
		else {
			await stack.cluster.stop();
			await sleep(round.seconds * 1000);
			await stack.cluster.start();
		}
		const postgresBack = Date.now();
		// Until the pages answer (200) twice in a row, for up to 60 s.
		let good = 0;
		let back = null;
		while (Date.now() - postgresBack < 60_000) {
			if (await look(seen)) {
				back ??= Date.now();
				if (++good >= 2) break;
			} else {
				good = 0;
				back = null;
			}
			await sleep(50);
		}
		polling = false;
		await poller;
		const answered = back ?? (sawFailure ? lastFailure : null);
		rows.push({
			round: n + 1,
			fault: round.kind === 'restart' ? 'pg_ctl restart -m fast' : `stopped for ${round.seconds} s`,
			postgresBack: sec(postgresBack - started),
			pagesBack: back ? sec(Math.max(0, back - postgresBack)) : 'not within 60 s',
			total: answered ? sec(answered - started) : '–',
			slowestAnswer: sec(slowest),
			meanwhile: [...seen].map(([what, count]) => `${count} × ${what}`).join('; ') || 'every page answered'
		});
	}

	console.log(
		'\nAfter Postgres comes back, seconds until the pages answer again (200), and what they said meanwhile:'
	);
	console.table(rows);
	const worst = Math.max(...rows.map((r) => Number(r.pagesBack) || Infinity));
	const notPlain = rows.some((r) => /NOT the plain page|no answer/.test(r.meanwhile));
	console.log(
		`Faults: the portal answers again by itself ${Number.isFinite(worst) ? `within ${worst.toFixed(2)} s` : 'NOT within 60 s'} ` +
			`of Postgres being back (worst of ${rows.length} rounds); meanwhile ` +
			(notPlain ? 'SOME ANSWERS WERE NOT the plain 503 page' : 'the plain 503 page, no stack trace')
	);
} finally {
	await app?.stop();
	await stack.stop();
}
