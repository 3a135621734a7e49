import { createServer } from 'node:net';
import { fail } from './env.mjs';

function isFree(port) {
	return new Promise((resolve) => {
		const probe = createServer()
			.once('error', () => resolve(false))
			.once('listening', () => probe.close(() => resolve(true)))
			.listen(port, '127.0.0.1');
	});
}

/** Fails in plain words when a port the stack needs is taken. `ports` maps setting name to port. */
export async function ensurePortsFree(ports) {
	for (const [name, port] of Object.entries(ports)) {
		if (!(await isFree(port))) {
			fail(
				`Port ${port} (${name}) is already in use. Is Together already running in another window? ` +
					`Stop it, or choose another port by setting ${name} in .env.`
			);
		}
	}
}
