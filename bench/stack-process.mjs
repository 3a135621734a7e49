// The stack (PostgREST, the API gateway, the mail catcher) in a process of its own, for the server
// bench: there the load generator keeps its own event loop busy, and a gateway sharing it would
// hold up every request the app makes to PostgREST. Settings come as JSON in BENCH_STACK_SETTINGS;
// the stack's env goes out as one line of JSON on stdout; SIGTERM stops it all.
import { startStack } from '../scripts/lib/stack.mjs';

const stack = await startStack(JSON.parse(process.env.BENCH_STACK_SETTINGS ?? '{}'), { log: () => {} });
process.stdout.write(`${JSON.stringify(stack.env)}\n`);
const stop = async () => {
	await stack.stop();
	process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
