// Postgres for the local stack: PGlite served on loopback by pglite-socket (data under .data/),
// or the server named by DATABASE_URL. Applies Supabase's bootstrap where missing, the migrations
// in order (recorded as the Supabase CLI records them) and, on a new database, the demo seed.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { fail, root } from './env.mjs';

const migrationsDir = resolve(root, 'supabase/migrations');

function sqlFile(path) {
	return readFileSync(resolve(root, path), 'utf8');
}

/** The demo data: seed.sql first, then each part in supabase/seeds in name order (as config.toml lists them). */
export function seedFiles() {
	const parts = readdirSync(resolve(root, 'supabase/seeds'))
		.filter((f) => /^[a-z0-9_-]+\.sql$/.test(f))
		.sort()
		.map((f) => `supabase/seeds/${f}`);
	return ['supabase/seed.sql', ...parts];
}

export function migrationFiles() {
	return readdirSync(migrationsDir)
		.filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
		.sort()
		.map((file) => ({ file, version: file.slice(0, 14), name: file.slice(15, -4) }));
}

async function connect(url) {
	const client = new pg.Client({ connectionString: url });
	try {
		await client.connect();
	} catch (error) {
		fail(
			`Could not connect to the database at ${redact(url)} (${error.message}). ` +
				'Check DATABASE_URL in .env, or remove it to use the built-in database.'
		);
	}
	return client;
}

export function redact(url) {
	const u = new URL(url);
	if (u.password) u.password = '***';
	return u.toString();
}

/** Brings a database up to date. Returns whether it was new (and so was seeded). */
export async function prepare(url, { seed = true, log = console.log } = {}) {
	const client = await connect(url);
	try {
		const before = await client.query(
			"select to_regclass('supabase_migrations.schema_migrations') is not null as has_table"
		);
		let applied = new Set();
		if (before.rows[0].has_table) {
			const rows = await client.query('select version from supabase_migrations.schema_migrations');
			applied = new Set(rows.rows.map((r) => r.version));
		}
		const isNew = applied.size === 0;

		await client.query(sqlFile('supabase/local/bootstrap.sql'));

		for (const m of migrationFiles()) {
			if (applied.has(m.version)) continue;
			const sql = sqlFile(`supabase/migrations/${m.file}`);
			try {
				await client.query('begin');
				await client.query(sql);
				await client.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[m.version, m.name, [sql]]
				);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback');
				fail(`The migration ${m.file} failed: ${error.message}. Fix it and start again.`);
			}
			log(`  applied migration ${m.file}`);
		}

		if (isNew && seed) {
			for (const file of seedFiles()) {
				try {
					await client.query(sqlFile(file));
				} catch (error) {
					fail(`The demo data in ${file} failed to load: ${error.message}.`);
				}
				log(`  loaded the demo data (${file})`);
			}
		}
		return isNew;
	} finally {
		await client.end();
	}
}

/** Lets PostgREST's login role in with the stack's password (a server may require one). */
export async function setAuthenticatorPassword(url, password) {
	const client = await connect(url);
	try {
		await client.query(`alter role authenticator with login password '${password.replaceAll("'", "''")}'`);
	} finally {
		await client.end();
	}
}

/** Empties a DATABASE_URL server of Together's schemas so that prepare() starts it afresh. */
export async function wipeServer(url) {
	const client = await connect(url);
	try {
		await client.query(`
			drop schema if exists public cascade;
			drop schema if exists private cascade;
			drop schema if exists supabase_migrations cascade;
			create schema public;
		`);
	} finally {
		await client.end();
	}
}

/**
 * Opens the database the stack runs on and returns its URLs.
 * PGlite allows one connection at a time: the migrations connect and leave before PostgREST takes it.
 */
export async function openDatabase(s, log = console.log) {
	if (s.databaseUrl) {
		log(`Database: ${redact(s.databaseUrl)}`);
		const adminUrl = s.databaseUrl;
		const api = new URL(s.databaseUrl);
		api.username = 'authenticator';
		api.password = s.authenticatorPassword;
		return {
			adminUrl,
			postgrestUrl: api.toString(),
			pglite: false,
			async close() {}
		};
	}

	const { PGlite } = await import('@electric-sql/pglite');
	const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
	let dataDir = 'memory://';
	if (!s.memory) {
		dataDir = resolve(s.dataDir, 'pglite');
		mkdirSync(dataDir, { recursive: true });
	}
	let db;
	try {
		db = await PGlite.create(dataDir);
	} catch (error) {
		fail(
			`The built-in database in ${dataDir} could not be opened (${error.message}). ` +
				'If Together is running in another window, stop it; otherwise "npm run db:reset" starts a fresh one.'
		);
	}
	const server = new PGLiteSocketServer({ db, port: s.dbPort, host: '127.0.0.1' });
	await server.start();
	log(`Database: PGlite in ${s.memory ? 'memory' : dataDir}, on 127.0.0.1:${s.dbPort}`);
	const url = `postgres://postgres@127.0.0.1:${s.dbPort}/postgres`;
	return {
		adminUrl: url,
		postgrestUrl: `postgres://authenticator@127.0.0.1:${s.dbPort}/postgres`,
		pglite: true,
		async close() {
			await server.stop();
			await db.close();
		}
	};
}

export function removePgliteData(s) {
	rmSync(resolve(s.dataDir, 'pglite'), { recursive: true, force: true });
}

/**
 * What PostgREST exposes (the public schema), for the tests' RLS matrix and data-export check: tables
 * and views with their options and columns (with what the API roles may write, and the table each
 * foreign key points at), and functions with their security.
 */
export async function readCatalog(url) {
	const client = await connect(url);
	try {
		const relations = await client.query(`
			select c.relname as name,
				case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind,
				coalesce(c.reloptions, '{}') as options,
				c.relrowsecurity as rls,
				coalesce((select array_agg(a.attname::text order by a.attnum) from pg_index i
					join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
					where i.indrelid = c.oid and i.indisprimary), '{}') as primary_key,
				coalesce((select json_agg(json_build_object(
					'name', a.attname,
					'generated', a.attidentity = 'a' or a.attgenerated <> '',
					'select', has_column_privilege('authenticated', c.oid, a.attnum, 'select'),
					'anon_select', has_column_privilege('anon', c.oid, a.attnum, 'select'),
					'insert', has_column_privilege('authenticated', c.oid, a.attnum, 'insert'),
					'update', has_column_privilege('authenticated', c.oid, a.attnum, 'update'),
					'references', (select f.relname from pg_constraint k join pg_class f on f.oid = k.confrelid
						where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any(k.conkey) limit 1)
				) order by a.attnum) from pg_attribute a
					where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
			order by c.relname`);
		const functions = await client.query(`
			select p.proname as name, pg_get_function_identity_arguments(p.oid) as args,
				p.prosecdef as security_definer, coalesce(p.proconfig, '{}') as config,
				has_function_privilege('anon', p.oid, 'execute') as anon,
				has_function_privilege('authenticated', p.oid, 'execute') as authenticated
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and p.prokind = 'f'
			order by p.proname, args`);
		return { relations: relations.rows, functions: functions.rows };
	} finally {
		await client.end();
	}
}
