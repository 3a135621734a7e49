// `npm test`: every test, starting and stopping what they need.
//   unit         vitest, pure logic
//   integration  vitest against a fresh local stack (PGlite in memory, or TEST_DATABASE_URL)
//   e2e          Playwright + axe against a production build served on the same stack
// With TEST_DATABASE_URL set (a PostgreSQL server it may empty), the integration suite runs a
// second time against that server. `node scripts/test.mjs unit|integration|e2e` runs one part;
// after integration or e2e, test files or filters narrow it (`npm run test:e2e -- claims`).
import { preflight } from './lib/preflight.mjs';

preflight();
const { existsSync } = await import('node:fs');
const { resolve } = await import('node:path');
const { fail, loadEnv, root, settings } = await import('./lib/env.mjs');
const { build, run, serveBuild } = await import('./lib/app.mjs');
const { wipeServer } = await import('./lib/database.mjs');
const { startStack } = await import('./lib/stack.mjs');

loadEnv();
const only = process.argv[2] ?? 'all';
if (!['all', 'unit', 'integration', 'e2e'].includes(only))
	fail(`Unknown part "${only}": use unit, integration or e2e.`);

const node = process.execPath;
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const playwright = resolve(root, 'node_modules/@playwright/test/cli.js');

// The tests' own ports, so a running `npm start` does not get in the way. TEST_PORT_OFFSET moves
// them all, so two copies of the project can run their tests at once.
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0 || offset > 5000)
	fail('TEST_PORT_OFFSET must be a whole number from 0 to 5000.');
const s = settings({
	databaseUrl: '',
	memory: true,
	dbPort: 55322 + offset,
	apiPort: 55321 + offset,
	postgrestPort: 55330 + offset,
	postgrestAdminPort: 55331 + offset,
	mailboxPort: 55324 + offset,
	smtpPort: 55325 + offset,
	appPort: 4173 + offset
});

// The RLS matrix reads the demo data as seeded, so it goes before the tests that add rows: on a whole
// run, and on a narrow one whose files (vitest matches them as parts of the path) take it in. With
// other options given, the run is left as asked.
const MATRIX = 'tests/integration/rls-matrix.test.ts';
async function integration(env, files) {
	const vitestRun = (args) => run(node, [vitest, 'run', '--project', 'integration', ...args], env);
	if (files.some((f) => f.startsWith('-'))) return vitestRun(files);
	if (files.length > 0 && !files.some((f) => MATRIX.includes(f.replace(/^\.\//, ''))))
		return vitestRun(files);
	await vitestRun([MATRIX]);
	await vitestRun([...files, '--exclude', MATRIX, '--passWithNoTests']);
}

const results = [];
async function part(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push(`${name}: passed (${Math.round((Date.now() - started) / 1000)} s)`);
	} catch (error) {
		results.push(`${name}: FAILED`);
		throw error;
	}
}

let stack;
let app;
let failed = false;
try {
	if (only === 'all' || only === 'unit') {
		await part('unit', () => run(node, [vitest, 'run', '--project', 'unit'], {}));
	}
	if (only !== 'unit') {
		stack = await startStack(s, { log: (line) => console.log(`  ${line}`), forTests: true });
		const env = { ...stack.env, TEST_ORIGIN: `http://localhost:${s.appPort}` };

		if (only === 'all' || only === 'integration') {
			const files = only === 'integration' ? process.argv.slice(3) : [];
			await part('integration (PGlite)', () => integration(env, files));
		}
		if (only === 'all' || only === 'e2e') {
			if (!existsSync(resolve(root, 'build/index.js')) || process.env.TEST_SKIP_BUILD !== '1')
				await build({});
			app = await serveBuild(
				{
					...env,
					ORIGIN: env.TEST_ORIGIN,
					TOGETHER_DEMO: 'true',
					// No background jobs: an alert email arriving in the middle of another journey's sign-in
					// would be read as its code. The notifications tests run the alert job themselves.
					JOBS_INTERVAL_MINUTES: '0',
					// Every e2e sign-in comes from this one machine: allow more than a member ever needs.
					SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '200',
					SIGN_IN_CODES_PER_CLIENT_PER_HOUR: '1000',
					SIGN_IN_ATTEMPTS_PER_CLIENT_PER_10_MINUTES: '1000'
				},
				s.appPort
			);
			await part('e2e', () => run(node, [playwright, 'test', ...process.argv.slice(3)], env));
		}
		await app?.stop();
		app = undefined;
		await stack.stop();
		stack = undefined;
	}
	if ((only === 'all' || only === 'integration') && process.env.TEST_DATABASE_URL) {
		const server = { ...s, databaseUrl: process.env.TEST_DATABASE_URL, memory: false };
		console.log('\nEmptying TEST_DATABASE_URL for a fresh run on the PostgreSQL server…');
		await wipeServer(server.databaseUrl);
		stack = await startStack(server, { log: (line) => console.log(`  ${line}`), forTests: true });
		// The fault test (tests/integration/faults.test.ts) runs in this phase only, on a server of its own.
		const files = only === 'integration' ? process.argv.slice(3) : [];
		await part('integration (PostgreSQL server)', () =>
			integration({ ...stack.env, TEST_FAULTS: '1' }, files)
		);
	}
} catch (error) {
	failed = true;
	console.error(error instanceof Error ? error.message : error);
} finally {
	await app?.stop();
	await stack?.stop();
}

console.log(`\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
