// `npm run db:reset`: a fresh database with the migrations and demo data, as `supabase db reset` does.
import { loadEnv, requireNode24, settings } from './lib/env.mjs';
import { openDatabase, prepare, removePgliteData, wipeServer } from './lib/database.mjs';
import { ensurePortsFree } from './lib/ports.mjs';

requireNode24();
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
