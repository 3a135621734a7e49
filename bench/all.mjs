// `npm run bench` runs every bench in turn; `npm run bench -- --short` is the quick run CI makes to
// check that they still work and to print their figures. Each prints a table and a one-line
// summary; this repeats the summaries at the end. Figures are never asserted: only a bench that
// fails to run fails this.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BENCHES = ['page-weight.mjs', 'queries.mjs', 'server-speed.mjs', 'faults.mjs', 'lighthouse.mjs'];
const args = process.argv.slice(2);

function run(file) {
	return new Promise((done) => {
		const child = spawn(process.execPath, [resolve(import.meta.dirname, file), ...args], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let last = '';
		child.stdout.on('data', (chunk) => {
			process.stdout.write(chunk);
			const lines = chunk.toString().trim().split('\n');
			if (lines.at(-1)) last = lines.at(-1);
		});
		child.on('exit', (code) => done({ code, last }));
	});
}

const started = Date.now();
const summaries = [];
let failed = 0;
for (const file of BENCHES) {
	console.log(`\n=== ${file} ${args.join(' ')}`);
	const t = Date.now();
	const { code, last } = await run(file);
	const took = `${Math.round((Date.now() - t) / 1000)} s`;
	if (code === 0) summaries.push(`${last} [${took}]`);
	else {
		failed++;
		summaries.push(`${file}: FAILED (exit ${code}) [${took}]`);
	}
}
console.log(`\nBench summaries (${Math.round((Date.now() - started) / 1000)} s in all):`);
for (const line of summaries) console.log(`  ${line}`);
process.exit(failed ? 1 : 0);
