// Faults, on a PostgreSQL server of the test's own (scripts/lib/fault-stack.mjs: a throwaway cluster
// it may restart, PostgREST behind a proxy that kills it with SIGKILL after it has answered):
//  - 50 submissions (starting a claim, through the RPC members' forms use), each sent again several
//    times in sequence and at once, while PostgREST is killed after a commit and before its reply and
//    Postgres is restarted mid-run: exactly 50 rows, every retry answered with the first answer, and
//    the same key with other details refused;
//  - a retry while the first request with its key is still running: a plain "still working" (409);
//  - the portal while Postgres is down: the plain 503 page, never a stack trace, then back by itself.
// Runs once, in the PostgreSQL-server phase of `npm test` (TEST_DATABASE_URL, as CI has).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The stack's own scripts (plain JavaScript, shared with bench/faults.mjs), loaded as they are. */
const script = (file: string) =>
	import(/* @vite-ignore */ resolve(import.meta.dirname, '../../scripts/lib', file));

const skipReason = !process.env.TEST_DATABASE_URL
	? "no TEST_DATABASE_URL: it needs Debian's PostgreSQL server, as CI has (see .ci/run)"
	: process.env.TEST_FAULTS !== '1'
		? 'it runs once, in the PostgreSQL-server phase of "npm test"'
		: null;
if (skipReason) console.log(`The fault test (faults.test.ts) is skipped: ${skipReason}.`);

const N = 50;
const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };
type Answer = { id: number; created_at: string };

interface FaultStack {
	env: Record<string, string>;
	cluster: { url: string; restart(): Promise<void>; stop(): Promise<void>; start(): Promise<void> };
	kills: number;
	killPostgrestAfterReply(test: (method: string, path: string) => boolean): Promise<void>;
	settled(): Promise<void>;
	stop(): Promise<void>;
}

describe.skipIf(skipReason)('faults', () => {
	let stack: FaultStack;
	let db: pg.Client;
	let member: SupabaseClient;
	let memberId: string;
	let involvement: number;

	const token = (id: string) =>
		new SignJWT({ role: 'authenticated', app_role: 'member', aud: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setSubject(id)
			.setIssuedAt()
			.setExpirationTime('10m')
			.sign(new TextEncoder().encode(stack.env.SUPABASE_JWT_SECRET));
	const day = (i: number) => new Date(Date.now() - (1 + (i % 20)) * 864e5).toISOString().slice(0, 10);
	const rows = async (keys: string[]) =>
		Number(
			(await db.query('select count(*) from public.claims where start_key = any($1::uuid[])', [keys])).rows[0]
				.count
		);

	/** The failed tries that were sent again, by what they were told (printed at the end). */
	const faults = new Map<string, number>();

	/** One try, as the member's form does: the answer, or the error's code and HTTP status. */
	async function once(key: string, i: number) {
		const { data, error, status } = await member.rpc('start_claim', {
			involvement,
			meeting: null,
			activity_on: day(i),
			request_key: key
		});
		return error ? { error: error.message, status } : { answer: data as Answer };
	}

	/** Sends until answered, as the outbox does: a dropped connection, 502/503 or "still working" means try again. */
	async function send(key: string, i: number): Promise<Answer> {
		const until = Date.now() + 40_000;
		for (;;) {
			const r = await once(key, i);
			if (r.answer) return { id: r.answer.id, created_at: r.answer.created_at };
			// An error with no words at all is a connection cut mid-reply (Node's own bare 400 when a
			// kept-alive socket is torn down): the portal counts it as the service not answering too.
			const transient = r.error === 'still_working' || r.error === '' || r.status === 0 || r.status >= 502;
			if (!transient || Date.now() > until) throw new Error(`Refused: ${r.error} (${r.status})`);
			faults.set(`${r.status} ${r.error}`, (faults.get(`${r.status} ${r.error}`) ?? 0) + 1);
			await new Promise((done) => setTimeout(done, 150));
		}
	}

	beforeAll(async () => {
		const { startFaultStack } = await script('fault-stack.mjs');
		stack = (await startFaultStack()) as FaultStack;
		db = new pg.Client({ connectionString: stack.cluster.url });
		await db.connect();
		db.on('error', () => {}); // the restarts below end this connection; it is opened again
		const found = await db.query(
			`select i.id, i.member_id from public.involvements i join public.profiles p on p.id = i.member_id
			 where p.role = 'member' order by i.id desc limit 1`
		);
		involvement = Number(found.rows[0].id);
		memberId = found.rows[0].member_id;
		const jwt = token(memberId);
		member = createClient(stack.env.SUPABASE_URL!, stack.env.SUPABASE_ANON_KEY!, {
			...options,
			accessToken: () => jwt
		});
	}, 60_000);

	afterAll(async () => {
		await db?.end().catch(() => {});
		await stack?.stop();
	});

	async function reconnect() {
		await db.end().catch(() => {});
		db = new pg.Client({ connectionString: stack.cluster.url });
		await db.connect();
		db.on('error', () => {});
	}

	it(
		'50 submissions, replayed while PostgREST is killed and Postgres restarted: 50 rows, the first answer each time',
		{ timeout: 120_000 },
		async () => {
			const keys = Array.from({ length: N }, () => crypto.randomUUID());
			const first = new Map<string, Answer>();
			const KILL_AT = new Set([4, 17, 33]);
			const RESTART_AT = new Set([10, 40]);
			let lostReplies = 0;

			for (let i = 0; i < N; i++) {
				const key = keys[i]!;
				let restart: Promise<void> | undefined;
				if (KILL_AT.has(i)) {
					// PostgREST answers, its transaction committed, and is killed before the reply leaves.
					const back = stack.killPostgrestAfterReply(
						(method, path) => method === 'POST' && path.startsWith('/rpc/start_claim')
					);
					const r = await once(key, i);
					expect(r.answer, 'the first reply is lost').toBeUndefined();
					expect(await rows([key]), 'yet the claim was saved').toBe(1);
					lostReplies++;
					await back;
				}
				if (RESTART_AT.has(i)) restart = stack.cluster.restart();

				if (i % 2 === 0) first.set(key, await send(key, i));
				else {
					// A double tap: four copies at once.
					const all = await Promise.all([0, 1, 2, 3].map(() => send(key, i)));
					expect(new Set(all.map((a) => a.id)).size, `copies sent at once of submission ${i}`).toBe(1);
					first.set(key, all[0]!);
				}
				// Sent again: three times one after another, then four at once.
				const again = [await send(key, i), await send(key, i), await send(key, i)];
				again.push(...(await Promise.all([0, 1, 2, 3].map(() => send(key, i)))));
				for (const a of again) expect(a, `a retry of submission ${i}`).toEqual(first.get(key));
				if (restart) {
					await restart;
					await reconnect();
				}
			}

			console.log(
				`Faults met and sent again: ${[...faults].map(([what, n]) => `${n} × ${what}`).join('; ') || 'none'}`
			);
			expect(lostReplies).toBe(KILL_AT.size);
			expect(stack.kills).toBe(KILL_AT.size);
			expect(await rows(keys)).toBe(N);
			// After all that, every key once more gives its first answer.
			for (let i = 0; i < N; i++) expect(await send(keys[i]!, i)).toEqual(first.get(keys[i]!));
			// And the same key with other details is refused, and changes nothing.
			const refused = await once(keys[0]!, 7);
			expect(refused.error).toBe('key_reused');
			expect(await rows(keys)).toBe(N);
		}
	);

	/** Starts a claim as the member straight in the database and leaves its transaction open. */
	async function holdKey(key: string) {
		const holder = new pg.Client({ connectionString: stack.cluster.url });
		await holder.connect();
		await holder.query('begin');
		await holder.query('set local role authenticated');
		await holder.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ sub: memberId, role: 'authenticated' })
		]);
		const r = await holder.query('select id, created_at from public.start_claim($1, null, $2, $3)', [
			involvement,
			day(3),
			key
		]);
		return { holder, id: Number(r.rows[0].id) };
	}

	it('a retry while the first is still running is told "still working", then gets the first answer', async () => {
		const key = crypto.randomUUID();
		const { holder, id } = await holdKey(key);
		try {
			const started = Date.now();
			const r = await once(key, 3);
			expect(r).toEqual({ error: 'still_working', status: 409 });
			expect(Date.now() - started, 'it waits a moment first').toBeGreaterThan(1000);
			await holder.query('commit');
			expect((await send(key, 3)).id).toBe(id);
			expect(await rows([key])).toBe(1);
		} finally {
			await holder.end();
		}
	});

	it('sending a claim or an application while the same sending is still running: "still working" too', async () => {
		const claim = Number(
			(await db.query('select id from public.claims where member_id = $1 limit 1', [memberId])).rows[0].id
		);
		for (const [fn, args, scope] of [
			['submit_claim', { claim, method: 'bank' }, `submit_claim:${claim}`],
			['submit_application', { application: 1 }, 'submit_application:1']
		] as const) {
			const key = crypto.randomUUID();
			// The first request, still running: it holds its key.
			const holder = new pg.Client({ connectionString: stack.cluster.url });
			await holder.connect();
			try {
				await holder.query('begin');
				await holder.query('select private.hold_request_key($1, $2)', [scope, key]);
				const { error, status } = await member.rpc(fn, { ...args, request_key: key });
				expect({ fn, code: error?.message, status }).toEqual({ fn, code: 'still_working', status: 409 });
				await holder.query('commit');
				// Once it is done, the same key is looked at afresh (here refused for its own reasons).
				const after = await member.rpc(fn, { ...args, request_key: key });
				expect(after.error?.message, fn).not.toBe('still_working');
			} finally {
				await holder.end();
			}
		}
	});

	const build = resolve(import.meta.dirname, '../../build/index.js');
	it.skipIf(!existsSync(build))(
		'the portal: "still working" in plain words; while Postgres is down the plain 503 page; then back by itself',
		{ timeout: 90_000 },
		async () => {
			const { freePort } = await script('fault-stack.mjs');
			const { serveBuild } = await script('app.mjs');
			const port: number = await freePort();
			const origin = `http://localhost:${port}`;
			const app: { stop(): Promise<void> } = await serveBuild(
				{ ...stack.env, ORIGIN: origin, JOBS_INTERVAL_MINUTES: '0', SMTP_URL: 'smtp://127.0.0.1:9' },
				port
			);
			const base = `http://127.0.0.1:${port}`;
			try {
				// A signed-in member, stored as the app stores sessions (the SHA-256 of the token).
				const cookieToken = crypto.randomUUID().replaceAll('-', '');
				const hash = Buffer.from(
					await crypto.subtle.digest('SHA-256', new TextEncoder().encode(cookieToken))
				).toString('hex');
				await db.query(
					`insert into public.sessions (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
					[hash, memberId]
				);
				const cookie = `together-session=${cookieToken}`;

				const key = crypto.randomUUID();
				const { holder, id } = await holdKey(key);
				try {
					// A form sent without JavaScript, as a browser sends it.
					const formHeaders = {
						cookie,
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					};
					const form = new URLSearchParams({
						activity: 'other',
						involvement: String(involvement),
						day: day(3),
						key
					});
					const res = await fetch(`${base}/my/claims/new`, {
						method: 'POST',
						headers: formHeaders,
						body: form,
						redirect: 'manual'
					});
					expect(res.status).toBe(409);
					const html = await res.text();
					expect(html).toContain('<h1>We are still saving this</h1>');
					expect(html).toContain('We are still saving this. Please wait a moment');
					await holder.query('commit');
					const again = await fetch(`${base}/my/claims/new`, {
						method: 'POST',
						headers: formHeaders,
						body: form,
						redirect: 'manual'
					});
					expect(again.status).toBe(303);
					expect(again.headers.get('location')).toBe(`/my/claims/${id}`);
				} finally {
					await holder.end();
				}

				expect((await fetch(`${base}/opportunities`)).status).toBe(200);
				await db.end();
				await stack.cluster.stop();
				// The visitors' list just shown may still come from the app's memory for a few seconds
				// (openPageForVisitors); a search not asked for before goes to the database.
				for (const [path, headers] of [
					['/opportunities?q=after+the+fault', {}],
					['/my', { cookie }]
				] as const) {
					const down = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
					const body = await down.text();
					expect(down.status, path).toBe(503);
					expect(body, path).toContain('We can’t reach the service just now');
					expect(body, path).toContain('Your work is safe');
					expect(body, path).not.toMatch(/\bat .+:\d+:\d+|Error:|ECONNREFUSED|PGRST/);
				}
				await stack.cluster.start();
				const until = Date.now() + 60_000;
				let status = 0;
				while (Date.now() < until && status !== 200) {
					status = (await fetch(`${base}/opportunities?q=back+again`)).status;
					if (status !== 200) {
						expect(status).toBe(503);
						await new Promise((done) => setTimeout(done, 200));
					}
				}
				expect(status, 'the portal answers again by itself').toBe(200);
				expect((await fetch(`${base}/my`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
				db = new pg.Client({ connectionString: stack.cluster.url });
				await db.connect();
			} finally {
				await app.stop();
			}
		}
	);
});
