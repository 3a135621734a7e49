// The local Supabase stack in one process tree: database, migrations and seed, PostgREST, the API
// gateway and the mail catcher. Returns the settings the app needs and a stop() for all of it.
import { apiKeys } from './keys.mjs';
import { openDatabase, prepare, readCatalog, setAuthenticatorPassword } from './database.mjs';
import { ensurePortsFree } from './ports.mjs';
import { startGateway } from './gateway.mjs';
import { startMailbox } from './mailbox.mjs';
import { startPostgrest } from './postgrest.mjs';

/**
 * `forTests`: PostgREST honours `Prefer: tx=rollback` (so the RLS matrix can try every write and keep
 * none), and the env carries TEST_SCHEMA_CATALOG, a snapshot of what the API exposes, read before
 * PostgREST takes PGlite's one connection.
 */
export async function startStack(s, { log = console.log, forTests = false } = {}) {
	const ports = {
		API_PORT: s.apiPort,
		POSTGREST_PORT: s.postgrestPort,
		POSTGREST_ADMIN_PORT: s.postgrestAdminPort,
		MAILBOX_PORT: s.mailboxPort,
		SMTP_PORT: s.smtpPort
	};
	if (!s.databaseUrl) ports.DB_PORT = s.dbPort;
	await ensurePortsFree(ports);

	const keys = await apiKeys(s.jwtSecret);
	const stops = [];
	let catalog;
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
		const db = await openDatabase(s, log);
		stops.push(() => db.close());
		await prepare(db.adminUrl, { log });
		if (!db.pglite) await setAuthenticatorPassword(db.adminUrl, s.authenticatorPassword);
		if (forTests) catalog = JSON.stringify(await readCatalog(db.adminUrl));

		const postgrest = await startPostgrest({
			dbUri: db.postgrestUrl,
			port: s.postgrestPort,
			adminPort: s.postgrestAdminPort,
			jwtSecret: s.jwtSecret,
			pglite: db.pglite,
			allowRollback: forTests,
			log
		});
		stops.push(() => postgrest.stop());

		const gateway = await startGateway({ port: s.apiPort, postgrestPort: s.postgrestPort, keys, log });
		stops.push(() => gateway.stop());

		const mailbox = await startMailbox({ smtpPort: s.smtpPort, httpPort: s.mailboxPort, log });
		stops.push(() => mailbox.stop());
	} catch (error) {
		await stop();
		throw error;
	}

	return {
		env: {
			SUPABASE_URL: `http://127.0.0.1:${s.apiPort}`,
			SUPABASE_ANON_KEY: keys.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
			SUPABASE_JWT_SECRET: s.jwtSecret,
			SMTP_URL: `smtp://127.0.0.1:${s.smtpPort}`,
			MAILBOX_URL: `http://127.0.0.1:${s.mailboxPort}`,
			...(catalog ? { TEST_SCHEMA_CATALOG: catalog } : {})
		},
		stop
	};
}

/** Runs `main` and stops everything cleanly on Ctrl-C or when the process is asked to end. */
export function onShutdown(stop) {
	let stopping = false;
	const handler = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\nStopping Together (${signal})…`);
		await stop();
		process.exit(0);
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
	process.on('SIGHUP', handler);
}
