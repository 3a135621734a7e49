// The first thing every script does, before loading anything installed: check that Node is new
// enough and that the dependencies are there, and say so in one plain sentence if not.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function preflight() {
	const stop = (sentence) => {
		console.error(`\n${sentence}\n`);
		process.exit(1);
	};
	if (!existsSync(resolve(root, 'node_modules/.package-lock.json'))) {
		stop('Together\'s dependencies are not installed yet. Run "npm install" first, then try again.');
	}
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		stop(
			`Together needs Node 24 or newer, and this is Node ${process.versions.node}. ` +
				'Start it with "npm start", "npm run dev" or "npm test": they use the Node 24 that "npm install" brought.'
		);
	}
}
