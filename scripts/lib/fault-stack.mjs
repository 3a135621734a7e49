// A stack that faults can be made on, for the fault test and bench/faults.mjs: its own throwaway
// PostgreSQL cluster (Debian's binaries, initdb in a temporary folder, on a free loopback port) that
// may be stopped and restarted, PostgREST behind a small proxy that can kill it with SIGKILL after
// it has answered (so the commit happened and the reply is lost), and the API gateway in front.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { prepare, setAuthenticatorPassword } from './database.mjs';
import { settings } from './env.mjs';
import { startGateway } from './gateway.mjs';
import { apiKeys } from './keys.mjs';
import { startPostgrest } from './postgrest.mjs';

/** Debian's PostgreSQL programs (the newest installed), or null. */
export function postgresBin() {
	const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
	return (
		versions
			.sort((a, b) => Number(a) - Number(b))
			.map((v) => `/usr/lib/postgresql/${v}/bin`)
			.findLast((dir) => existsSync(`${dir}/initdb`) && existsSync(`${dir}/pg_ctl`)) ?? null
	);
}

/** A port nothing listens on now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createNetServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** A PostgreSQL cluster of its own: start, stop, restart (pg_ctl) and remove. */
export async function throwawayCluster({ log = () => {} } = {}) {
	const bin = postgresBin();
	if (!bin) throw new Error("Debian's PostgreSQL server is not installed (apt-get install postgresql).");
	const dir = mkdtempSync(join(tmpdir(), 'together-fault-pg.'));
	chmodSync(dir, 0o777);
	const asRoot = process.getuid?.() === 0;
	const pgRun = (args) => {
		// initdb and the server refuse to run as root: run them as the postgres user, as CI does.
		const [cmd, rest] = asRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)];
		return execFileSync(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
	};
	const port = await freePort();
	const data = `${dir}/data`;
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
	const ctl = (...args) => pgRun([`${bin}/pg_ctl`, '-D', data, '-l', `${dir}/log`, '-w', ...args]);
	// While the server stops and starts, this process goes on answering (the proxy and gateway live here).
	const ctlAsync = async (...args) => {
		const all = [`${bin}/pg_ctl`, '-D', data, '-l', `${dir}/log`, '-w', ...args];
		const [cmd, rest] = asRoot ? ['runuser', ['-u', 'postgres', '--', ...all]] : [all[0], all.slice(1)];
		await promisify(execFile)(cmd, rest);
	};
	pgRun([`${bin}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
	ctl('-o', options, 'start');
	log(`PostgreSQL ${bin.split('/').at(-2)} on 127.0.0.1:${port} (throwaway, in ${dir})`);
	let running = true;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		/** pg_ctl restart -m fast: every connection is cut, and the server is back when this resolves. */
		async restart() {
			await ctlAsync('-m', 'fast', '-o', options, 'restart');
			running = true;
		},
		async stop() {
			await ctlAsync('-m', 'fast', 'stop');
			running = false;
		},
		async start() {
			await ctlAsync('-o', options, 'start');
			running = true;
		},
		remove() {
			if (running) {
				try {
					ctl('-m', 'immediate', 'stop');
				} catch {
					// already gone
				}
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A proxy in front of PostgREST. `killAfterReply(test)` arms it: the next request for which
 * `test(method, path)` is true goes through, and once PostgREST has answered (its transaction
 * committed), PostgREST is killed with SIGKILL and the caller's connection dropped before any of the
 * answer reaches it. `onKill` then starts PostgREST again.
 */
function startKillingProxy({ port, upstreamPort, onKill }) {
	let armed = null;
	const server = createServer((req, res) => {
		const kill = armed && armed(req.method, req.url ?? '') ? armed : null;
		if (kill) armed = null;
		const upstream = request(
			{ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
			(up) => {
				if (kill) {
					up.resume();
					req.socket.destroy();
					onKill();
					return;
				}
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			}
		);
		upstream.on('error', () => req.socket.destroy());
		req.pipe(upstream);
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () =>
			resolve({
				killAfterReply(test) {
					armed = test;
				},
				stop: () =>
					new Promise((r) => {
						server.close(() => r());
						server.closeAllConnections();
					})
			})
		);
	});
}

/**
 * The whole fault stack, with the demo data. Returns the env the app and the tests use (as
 * startStack does), the cluster, and `killPostgrestAfterReply(test)` which resolves once
 * PostgREST, killed after answering a matching request, is ready again.
 */
export async function startFaultStack({ log = () => {} } = {}) {
	const s = settings({});
	const cluster = await throwawayCluster({ log });
	const stops = [() => cluster.remove()];
	const stop = async () => {
		for (const fn of stops.reverse()) {
			try {
				await fn();
			} catch (error) {
				console.error(`While stopping: ${error.message}`);
			}
		}
		stops.length = 0;
	};
	try {
		await prepare(cluster.url, { log: () => {} });
		await setAuthenticatorPassword(cluster.url, s.authenticatorPassword);
		const api = new URL(cluster.url);
		api.username = 'authenticator';
		api.password = s.authenticatorPassword;
		const [postgrestPort, adminPort, proxyPort, apiPort] = await Promise.all([
			freePort(),
			freePort(),
			freePort(),
			freePort()
		]);
		const startApi = () =>
			startPostgrest({
				dbUri: api.toString(),
				port: postgrestPort,
				adminPort,
				jwtSecret: s.jwtSecret,
				pglite: false,
				log: () => {}
			});
		let postgrest = await startApi();
		stops.push(() => postgrest.stop());

		let restarted = null;
		let kills = 0;
		let onRestarted = () => {};
		const proxy = await startKillingProxy({
			port: proxyPort,
			upstreamPort: postgrestPort,
			onKill() {
				kills++;
				postgrest.child.kill('SIGKILL');
				restarted = new Promise((resolve) => postgrest.child.once('exit', resolve)).then(async () => {
					postgrest = await startApi();
					onRestarted();
				});
			}
		});
		stops.push(() => proxy.stop());

		const keys = await apiKeys(s.jwtSecret);
		const gateway = await startGateway({ port: apiPort, postgrestPort: proxyPort, keys, log: () => {} });
		stops.push(() => gateway.stop());
		log(`Fault stack: API on http://127.0.0.1:${apiPort}/rest/v1, PostgREST behind a killing proxy`);

		return {
			env: {
				SUPABASE_URL: `http://127.0.0.1:${apiPort}`,
				SUPABASE_ANON_KEY: keys.anonKey,
				SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
				SUPABASE_JWT_SECRET: s.jwtSecret
			},
			cluster,
			get kills() {
				return kills;
			},
			/** Arms the proxy; resolves when PostgREST, killed after answering, is ready again. */
			killPostgrestAfterReply(test) {
				const back = new Promise((resolve) => (onRestarted = resolve));
				proxy.killAfterReply(test);
				return back;
			},
			/** Resolves when a kill's restart (if one is under way) has finished. */
			async settled() {
				await restarted;
			},
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
