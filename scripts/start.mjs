// `npm start`: the local stack with demo data plus a production build of Together on :3000.
import { preflight } from './lib/preflight.mjs';

preflight();
const { loadEnv, settings, usesHostedSupabase } = await import('./lib/env.mjs');
const { build, serveBuild } = await import('./lib/app.mjs');
const { onShutdown, startStack } = await import('./lib/stack.mjs');

loadEnv();
const s = settings();
const origin = process.env.ORIGIN || `http://localhost:${s.appPort}`;

await build({});

let stack = { env: {}, stop: async () => {} };
if (usesHostedSupabase()) {
	console.log(`Using the Supabase project at ${process.env.SUPABASE_URL}.`);
} else {
	stack = await startStack(s);
}
const app = await serveBuild(
	{ ORIGIN: origin, TOGETHER_DEMO: process.env.TOGETHER_DEMO ?? 'true', ...stack.env },
	s.appPort
);
onShutdown(async () => {
	await app.stop();
	await stack.stop();
});

console.log(`
Together is running at ${origin}
  Sign in as member@example.org (or member2@, staff@, finance@, admin@example.org).
  Sign-in codes arrive in the local mailbox: ${origin}/dev/mailbox
Press Ctrl-C to stop.`);
