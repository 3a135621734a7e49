// `npm run dev`: the local stack with demo data plus Vite's dev server.
import { resolve } from 'node:path';
import { loadEnv, requireNode24, root, settings, usesHostedSupabase } from './lib/env.mjs';
import { run } from './lib/app.mjs';
import { onShutdown, startStack } from './lib/stack.mjs';

requireNode24();
loadEnv();
const s = settings();
let stack = { env: {}, stop: async () => {} };
if (!usesHostedSupabase()) stack = await startStack(s);
onShutdown(stack.stop);
try {
	await run(
		process.execPath,
		[resolve(root, 'node_modules/vite/bin/vite.js'), 'dev', '--port', String(s.appPort), '--strictPort'],
		{
			TOGETHER_DEMO: 'true',
			...stack.env
		}
	);
} finally {
	await stack.stop();
}
