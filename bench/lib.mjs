// What the bench scripts share: the short mode, their own ports (moved by TEST_PORT_OFFSET, as the
// tests' are), a real PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL, or a throwaway one
// started here with Debian's postgresql), the stack and the production build on it, and signed-in
// sessions made the way the app stores them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { fail, loadEnv, root, settings } from '../scripts/lib/env.mjs';
import { build, serveBuild } from '../scripts/lib/app.mjs';
import { startStack } from '../scripts/lib/stack.mjs';

loadEnv();

/** `--short` or BENCH_SHORT=1: small sizes and durations, to check in CI that the script still works. */
export const short = process.argv.includes('--short') || process.env.BENCH_SHORT === '1';

export const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0 || offset > 5000)
	fail('TEST_PORT_OFFSET must be a whole number from 0 to 5000.');

/** The bench stack's ports: beside the tests' (55xxx, 4173), moved by TEST_PORT_OFFSET. */
export function benchSettings(overrides = {}) {
	return settings({
		databaseUrl: '',
		memory: true,
		dbPort: 56322 + offset,
		apiPort: 56321 + offset,
		postgrestPort: 56330 + offset,
		postgrestAdminPort: 56331 + offset,
		mailboxPort: 56324 + offset,
		smtpPort: 56325 + offset,
		appPort: 4174 + offset,
		...overrides
	});
}

/** Builds the app unless a build is there already (BENCH_BUILD=1 builds again). */
export async function ensureBuild() {
	if (!existsSync(resolve(root, 'build/index.js')) || process.env.BENCH_BUILD === '1') await build({});
}

/**
 * A PostgreSQL server to make throwaway databases on. Uses BENCH_DATABASE_URL or TEST_DATABASE_URL
 * (as CI has) when set; otherwise starts Debian's PostgreSQL in a temporary folder on loopback.
 */
export async function postgresServer({ log = console.log } = {}) {
	const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (given) return { url: given, stop: async () => {} };

	const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
	const bin = versions
		.sort((a, b) => Number(a) - Number(b))
		.map((v) => `/usr/lib/postgresql/${v}/bin`)
		.findLast((dir) => existsSync(`${dir}/initdb`));
	if (!bin)
		fail(
			'The server benches need PostgreSQL: install Debian\'s "postgresql", or set BENCH_DATABASE_URL ' +
				'to a server they may create databases on.'
		);
	const dir = mkdtempSync(join(tmpdir(), 'together-bench-pg.'));
	chmodSync(dir, 0o777);
	const asRoot = process.getuid?.() === 0;
	const pgRun = (args) => {
		const [cmd, rest] = asRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)];
		return execFileSync(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
	};
	const port = 55440 + offset;
	pgRun([`${bin}/initdb`, '-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres']);
	pgRun([
		`${bin}/pg_ctl`,
		'-D',
		`${dir}/data`,
		'-l',
		`${dir}/log`,
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c shared_buffers=256MB`,
		'start'
	]);
	log(`PostgreSQL ${bin.split('/').at(-2)} started on 127.0.0.1:${port} (throwaway, in ${dir})`);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop: async () => {
			const args = [`${bin}/pg_ctl`, '-D', `${dir}/data`, '-m', 'fast', 'stop'];
			if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'ignore' });
			else spawnSync(args[0], args.slice(1), { stdio: 'ignore' });
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Creates (afresh) a database on the server and returns its URL. */
export async function freshDatabase(serverUrl, name) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${name} with (force)`);
		await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function dropDatabase(serverUrl, name) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${name} with (force)`);
	} finally {
		await client.end();
	}
}

/**
 * The stack (PostgREST with its pool, gateway, mail catcher) on `databaseUrl` and the production build.
 * `stackProcess`: the stack in a process of its own (bench/stack-process.mjs), as a hosted project's
 * gateway is, rather than sharing this process's event loop with a load generator.
 */
export async function startApp(databaseUrl, { env = {}, stackProcess = false } = {}) {
	const s = benchSettings(databaseUrl ? { databaseUrl, memory: false } : {});
	await ensureBuild();
	const stack = stackProcess ? await startStackProcess(s) : await startStack(s, { log: () => {} });
	const origin = `http://localhost:${s.appPort}`;
	const app = await serveBuild(
		{
			...stack.env,
			ORIGIN: origin,
			TOGETHER_DEMO: 'true',
			JOBS_INTERVAL_MINUTES: '0',
			SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '200',
			SIGN_IN_CODES_PER_CLIENT_PER_HOUR: '1000',
			SIGN_IN_ATTEMPTS_PER_CLIENT_PER_10_MINUTES: '1000',
			...env
		},
		s.appPort
	);
	return {
		base: `http://127.0.0.1:${s.appPort}`,
		origin,
		settings: s,
		env: stack.env,
		/** The app's process, to read its CPU time (cpuSeconds below). */
		pid: app.child.pid,
		stop: async () => {
			await app.stop();
			await stack.stop();
		}
	};
}

/** startStack in a child process: resolves with the same { env, stop }. */
function startStackProcess(s) {
	const child = spawn(process.execPath, [resolve(root, 'bench/stack-process.mjs')], {
		cwd: root,
		env: { ...process.env, BENCH_STACK_SETTINGS: JSON.stringify(s) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const stop = () =>
		new Promise((r) => {
			if (child.exitCode !== null) return r();
			child.once('exit', () => r());
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 10000).unref();
		});
	return new Promise((resolvePromise, reject) => {
		let out = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			const end = out.indexOf('\n');
			if (end !== -1) resolvePromise({ env: JSON.parse(out.slice(0, end)), stop });
		});
		child.once('exit', (code) => reject(new Error(`The stack stopped as it started (exit ${code}).`)));
	});
}

/**
 * A signed-in session for a person, stored as the app stores it (the SHA-256 of the token, through
 * the API with the service key, as the app's session store does); returns the Cookie header value.
 */
export async function sessionCookie(stackEnv, userId) {
	const token = randomBytes(20).toString('hex');
	const res = await fetch(`${stackEnv.SUPABASE_URL}/rest/v1/sessions`, {
		method: 'POST',
		headers: {
			apikey: stackEnv.SUPABASE_SERVICE_ROLE_KEY,
			authorization: `Bearer ${stackEnv.SUPABASE_SERVICE_ROLE_KEY}`,
			'content-type': 'application/json',
			prefer: 'return=minimal'
		},
		body: JSON.stringify({
			id: createHash('sha256').update(token).digest('hex'),
			user_id: userId,
			expires_at: new Date(Date.now() + 86400000).toISOString()
		})
	});
	if (!res.ok) throw new Error(`Could not make a session: ${res.status} ${await res.text()}`);
	return `together-session=${token}`;
}

/** Milliseconds, printed to one decimal place. */
export const ms = (n) => (n == null ? '–' : Number(n).toFixed(1));

/**
 * CPU seconds (user and system) a process has used so far, from /proc on Linux; null elsewhere.
 * CPU time per request holds steadier than requests/s on a machine busy with other work.
 */
export function cpuSeconds(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of the line (11 and 12 after the name), in clock ticks.
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}
