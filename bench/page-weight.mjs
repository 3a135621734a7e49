// Page weight: for each route, the bytes a first visit downloads after compression (brotli, as
// adapter-node serves them): HTML, JavaScript, CSS and images. Prints a table and a summary.
// Targets for member pages: JavaScript ≤ 50 KB and everything ≤ 150 KB; staff pages: JavaScript ≤ 120 KB.
// Runs its own stack and production build on spare ports, or measures BENCH_URL if given.
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { existsSync, readFileSync, statSync } = await import('node:fs');
const { resolve } = await import('node:path');
const { brotliCompressSync } = await import('node:zlib');
const { loadEnv, root, settings } = await import('../scripts/lib/env.mjs');
const { build, serveBuild } = await import('../scripts/lib/app.mjs');
const { startStack } = await import('../scripts/lib/stack.mjs');

loadEnv();
const ROUTES = [
	['/', 'member'],
	['/opportunities', 'member'],
	['/opportunities/1', 'member'],
	['/opportunities/1?view=easy-read', 'member'],
	['/sign-in', 'member'],
	['/accessibility', 'member']
];

let base = process.env.BENCH_URL;
let stop = async () => {};
if (!base) {
	const s = settings({
		memory: true,
		dbPort: 56322,
		apiPort: 56321,
		postgrestPort: 56330,
		postgrestAdminPort: 56331,
		mailboxPort: 56324,
		smtpPort: 56325,
		appPort: 4174
	});
	if (!existsSync(resolve(root, 'build/index.js'))) await build({});
	const stack = await startStack(s, { log: () => {} });
	const app = await serveBuild({ ...stack.env, ORIGIN: 'http://localhost:4174' }, 4174);
	base = 'http://localhost:4174';
	stop = async () => {
		await app.stop();
		await stack.stop();
	};
}

const client = resolve(root, 'build/client');
function compressed(path) {
	const file = resolve(client, `.${decodeURIComponent(path)}`);
	if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
	if (existsSync(file)) return brotliCompressSync(readFileSync(file)).length;
	return 0;
}

const { readdirSync } = await import('node:fs');
const { dirname, posix } = await import('node:path');

/** Every JavaScript file a page needs on first load: the entries, the route's nodes and all they import. */
function javascriptOf(html) {
	const start = new Set(html.match(/\/_app\/immutable\/[^"'\s)]+\.js/g) ?? []);
	const ids =
		html
			.match(/node_ids:\s*\[([\d,\s]+)\]/)?.[1]
			.split(',')
			.map((x) => x.trim()) ?? [];
	const nodes = readdirSync(resolve(client, '_app/immutable/nodes'));
	for (const id of ids) {
		const file = nodes.find((f) => f.startsWith(`${id}.`) && f.endsWith('.js'));
		if (file) start.add(`/_app/immutable/nodes/${file}`);
	}
	const seen = new Set();
	const queue = [...start];
	while (queue.length > 0) {
		const path = queue.pop();
		if (seen.has(path)) continue;
		seen.add(path);
		const file = resolve(client, `.${path}`);
		if (!existsSync(file)) continue;
		const code = readFileSync(file, 'utf8');
		for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
			queue.push(posix.join(dirname(path), m[1]));
		}
	}
	return [...seen];
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
try {
	for (const [route, audience] of ROUTES) {
		const html = await (await fetch(base + route)).text();
		const assets = new Set(html.match(/\/_app\/immutable\/[^"'\s)]+\.(?:js|css)/g) ?? []);
		const images = new Set(
			[...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]).filter((src) => src.startsWith('/'))
		);
		const js = javascriptOf(html).reduce((n, a) => n + compressed(a), 0);
		const css = [...assets].filter((a) => a.endsWith('.css')).reduce((n, a) => n + compressed(a), 0);
		const img = [...images].reduce((n, a) => n + compressed(a), 0);
		const page = brotliCompressSync(Buffer.from(html)).length;
		const total = page + js + css + img;
		const jsTarget = audience === 'member' ? 50 * 1024 : 120 * 1024;
		const ok = js <= jsTarget && (audience !== 'member' || total <= 150 * 1024);
		rows.push({
			route,
			html: kb(page),
			js: kb(js),
			css: kb(css),
			images: kb(img),
			total: kb(total),
			'meets target': ok ? 'yes' : 'NO'
		});
	}
} finally {
	await stop();
}

console.log('\nFirst-load bytes after brotli compression (KB)\n');
console.table(rows);
const worstJs = Math.max(...rows.map((r) => Number(r.js)));
const worstTotal = Math.max(...rows.map((r) => Number(r.total)));
console.log(
	`page weight: ${rows.filter((r) => r['meets target'] === 'yes').length} of ${rows.length} routes meet their targets; ` +
		`largest JavaScript ${worstJs} KB (target 50), largest total ${worstTotal} KB (target 150)`
);
