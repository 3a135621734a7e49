// Settings for the local stack and the app, read once from the environment and `.env`.
// Every setting is documented in .env.example.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** Stops with one plain sentence, never a stack trace alone. */
export function fail(sentence) {
	console.error(`\n${sentence}\n`);
	process.exit(1);
}

export function loadEnv() {
	const file = resolve(root, '.env');
	if (existsSync(file)) process.loadEnvFile(file);
}

const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

function port(name, fallback) {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 65535)
		fail(`${name} must be a port number between 1 and 65535, not "${value}".`);
	return n;
}

/** The settings of one stack. `overrides` lets the test runner use its own ports and an in-memory database. */
export function settings(overrides = {}) {
	const s = {
		dataDir: resolve(root, process.env.DATA_DIR || '.data'),
		databaseUrl: process.env.DATABASE_URL || '',
		dbPort: port('DB_PORT', 54322),
		apiPort: port('API_PORT', 54321),
		postgrestPort: port('POSTGREST_PORT', 54330),
		postgrestAdminPort: port('POSTGREST_ADMIN_PORT', 54331),
		mailboxPort: port('MAILBOX_PORT', 54324),
		smtpPort: port('SMTP_PORT', 54325),
		appPort: port('PORT', 3000),
		jwtSecret: process.env.SUPABASE_JWT_SECRET || LOCAL_JWT_SECRET,
		authenticatorPassword: process.env.AUTHENTICATOR_PASSWORD || 'together-local-authenticator',
		memory: false,
		...overrides
	};
	if (s.jwtSecret.length < 32) fail('SUPABASE_JWT_SECRET must be at least 32 characters long.');
	return s;
}

/** True when SUPABASE_URL points at a hosted project rather than this machine. */
export function usesHostedSupabase() {
	const url = process.env.SUPABASE_URL;
	if (!url) return false;
	const host = new URL(url).hostname;
	return !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
}
