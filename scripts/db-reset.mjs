// `npm run db:reset`: a fresh database with the migrations and demo data, as `supabase db reset` does.
import { preflight } from './lib/preflight.mjs';

preflight();
const { loadEnv, settings } = await import('./lib/env.mjs');
const { openDatabase, prepare, removePgliteData, wipeServer } = await import('./lib/database.mjs');
const { ensurePortsFree } = await import('./lib/ports.mjs');

loadEnv();
const s = settings();
if (s.databaseUrl) {
	await wipeServer(s.databaseUrl);
} else {
	await ensurePortsFree({ DB_PORT: s.dbPort });
	removePgliteData(s);
}
const db = await openDatabase(s);
try {
	await prepare(db.adminUrl);
} finally {
	await db.close();
}
console.log('The database is fresh, with the demo data loaded.');
