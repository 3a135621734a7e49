// `npm run stack`: the local Supabase stack alone (database, API, mail catcher) until Ctrl-C.
import { loadEnv, requireNode24, settings } from './lib/env.mjs';
import { onShutdown, startStack } from './lib/stack.mjs';

requireNode24();
loadEnv();
const stack = await startStack(settings());
onShutdown(stack.stop);
console.log('\nThe stack is running. Press Ctrl-C to stop it.');
for (const [k, v] of Object.entries(stack.env)) console.log(`${k}=${v}`);
