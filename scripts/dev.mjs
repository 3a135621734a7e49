// `npm run dev`: the local stack with demo data plus Vite's dev server.
import { preflight } from './lib/preflight.mjs';

preflight();
const { resolve } = await import('node:path');
const { loadEnv, root, settings, usesHostedSupabase } = await import('./lib/env.mjs');
const { spawn } = await import('node:child_process');
const { onShutdown, startStack } = await import('./lib/stack.mjs');

loadEnv();
const s = settings();
let stack = { env: {}, stop: async () => {} };
if (!usesHostedSupabase()) stack = await startStack(s);
const vite = spawn(
	process.execPath,
	[resolve(root, 'node_modules/vite/bin/vite.js'), 'dev', '--port', String(s.appPort), '--strictPort'],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, TOGETHER_DEMO: 'true', ...stack.env } }
);
const stopVite = () =>
	new Promise((r) => {
		if (vite.exitCode !== null) return r();
		vite.once('exit', () => r());
		vite.kill('SIGTERM');
	});
onShutdown(async () => {
	await stopVite();
	await stack.stop();
});
vite.on('exit', async (code) => {
	await stack.stop();
	process.exit(code ?? 0);
});
