// Runs the app as a child process: the production build (node build) or Vite's dev server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, root } from './env.mjs';

export function run(command, args, env, { quiet = false } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: root,
			env: { ...process.env, ...env },
			stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit'
		});
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
		);
	});
}

export async function build(env) {
	console.log('Building the app…');
	try {
		await run(
			process.execPath,
			[resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
			env
		);
		// The service worker's list of files to keep on the phone, from what was just built.
		await run(process.execPath, [resolve(root, 'scripts/service-worker.mjs')], env);
	} catch {
		fail('The app did not build: the messages above say why.');
	}
}

/** Starts `node build` and resolves once it answers on the port. */
export async function serveBuild(env, port) {
	if (!existsSync(resolve(root, 'build/index.js')))
		fail('There is no build of the app yet: run "npm run build".');
	const child = spawn(process.execPath, [resolve(root, 'build/index.js')], {
		cwd: root,
		env: {
			// Audio answers may be up to 10 MB; adapter-node refuses bodies over 512 KB unless told.
			BODY_SIZE_LIMIT: '12M',
			...process.env,
			...env,
			PORT: String(port),
			HOST: process.env.HOST ?? '127.0.0.1'
		},
		stdio: 'inherit'
	});
	const until = Date.now() + 20000;
	while (Date.now() < until) {
		if (child.exitCode !== null) fail('The app stopped as it started: the messages above say why.');
		try {
			await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 150));
		}
	}
	return {
		child,
		stop: () =>
			new Promise((r) => {
				if (child.exitCode !== null) return r();
				child.once('exit', () => r());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			})
	};
}
