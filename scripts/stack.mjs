// `npm run stack`: the local Supabase stack alone (database, API, mail catcher) until Ctrl-C.
import { preflight } from './lib/preflight.mjs';

preflight();
const { loadEnv, settings } = await import('./lib/env.mjs');
const { onShutdown, startStack } = await import('./lib/stack.mjs');

loadEnv();
const stack = await startStack(settings());
onShutdown(stack.stop);
console.log('\nThe stack is running. Press Ctrl-C to stop it.');
for (const [k, v] of Object.entries(stack.env)) console.log(`${k}=${v}`);
