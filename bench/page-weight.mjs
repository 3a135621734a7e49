// Page weight: for each route, the bytes a first visit downloads after compression (brotli, as
// adapter-node serves them): HTML, JavaScript, CSS, fonts and images. Prints a table and a summary.
// Targets for member pages: JavaScript ≤ 50 KB and everything ≤ 150 KB; staff pages: JavaScript ≤ 120 KB.
// Signed-in pages are measured with a session of the demo member (Alex) or the demo admin.
// Runs its own stack (ports moved by TEST_PORT_OFFSET) and production build, or measures BENCH_URL
// (public pages only) if given. BENCH_FILES=1 also lists each page's JavaScript files by size.
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { existsSync, readFileSync, statSync } = await import('node:fs');
const { resolve } = await import('node:path');
const { brotliCompressSync } = await import('node:zlib');
const { root } = await import('../scripts/lib/env.mjs');
const { sessionCookie, short, startApp } = await import('./lib.mjs');

const MEMBER = '00000000-0000-4000-8000-000000000001';
const ADMIN = '00000000-0000-4000-8000-000000000005';
const ROUTES = [
	['/', 'member'],
	['/opportunities', 'member'],
	['/opportunities/1', 'member'],
	['/opportunities/1?view=easy-read', 'member'],
	['/sign-in', 'member'],
	['/accessibility', 'member'],
	['/my', 'member', MEMBER],
	['/my/claims/new', 'member', MEMBER],
	['/my/applications', 'member', MEMBER],
	['/admin', 'staff', ADMIN],
	['/admin/opportunities', 'staff', ADMIN],
	['/admin/applications', 'staff', ADMIN],
	['/admin/claims', 'staff', ADMIN]
].filter(([route, , who]) => !short || !who || route === '/my/claims/new' || route === '/admin');

let base = process.env.BENCH_URL;
let stop = async () => {};
const cookies = new Map();
if (!base) {
	const app = await startApp('');
	base = app.base;
	stop = app.stop;
	for (const who of [MEMBER, ADMIN]) cookies.set(who, await sessionCookie(app.env, who));
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

/**
 * Fonts a first visit downloads: those the page preloads, and the Latin files of a font the page
 * asks for on <html data-font> (a member's display setting); a browser fetches no other @font-face.
 * Stylesheets may be files or inlined in the page's head (kit.inlineStyleThreshold).
 */
function fontsOf(html, stylesheets) {
	const fonts = new Set(
		[...html.matchAll(/<link[^>]*rel="preload"[^>]*>/g)].flatMap(
			(link) => link[0].match(/\/_app\/immutable\/[^"'\s)]+\.woff2/g) ?? []
		)
	);
	const chosen = html.match(/<html[^>]*data-font="([a-z]+)"/)?.[1];
	if (chosen) {
		const sheets = [
			...stylesheets.map((sheet) => ({
				code: readFileSync(resolve(client, `.${sheet}`), 'utf8'),
				at: sheet
			})),
			...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({
				code: m[1],
				at: '/_app/immutable/assets/inline.css'
			}))
		];
		for (const { code, at } of sheets) {
			for (const m of code.matchAll(/url\(([^)]*?-latin-\d+-normal[^)]*?\.woff2)\)/g)) {
				if (!m[1].includes(chosen)) continue;
				fonts.add(m[1].startsWith('/') ? m[1] : posix.join(dirname(at), m[1]));
			}
		}
	}
	return [...fonts];
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
try {
	for (const [route, audience, who] of ROUTES) {
		if (who && !cookies.has(who)) continue;
		const res = await fetch(base + route, {
			headers: who ? { cookie: cookies.get(who) } : {},
			redirect: 'manual'
		});
		if (res.status !== 200) throw new Error(`${route} answered ${res.status}, not 200`);
		const html = await res.text();
		const images = new Set(
			[...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]).filter((src) => src.startsWith('/'))
		);
		const scripts = javascriptOf(html);
		const js = scripts.reduce((n, a) => n + compressed(a), 0);
		if (process.env.BENCH_FILES === '1') {
			console.log(`\n${route}: JavaScript files (KB after brotli)`);
			for (const a of scripts.toSorted((x, y) => compressed(y) - compressed(x)))
				console.log(`  ${kb(compressed(a)).padStart(5)} ${a}`);
		}
		// Stylesheets fetched as files: inlined ones come with the HTML, their <link> disabled.
		const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)]
			.filter((link) => !/\sdisabled\b/.test(link[0]))
			.flatMap((link) => link[0].match(/\/_app\/immutable\/[^"'\s)]+\.css/g) ?? []);
		const css = sheets.reduce((n, a) => n + compressed(a), 0);
		const img = [...images].reduce((n, a) => n + compressed(a), 0);
		const font = fontsOf(html, sheets).reduce((n, a) => n + compressed(a), 0);
		const page = brotliCompressSync(Buffer.from(html)).length;
		const total = page + js + css + font + img;
		const jsTarget = audience === 'member' ? 50 * 1024 : 120 * 1024;
		const ok = js <= jsTarget && (audience !== 'member' || total <= 150 * 1024);
		rows.push({
			route: who ? `${route} (signed in)` : route,
			audience,
			html: kb(page),
			js: kb(js),
			css: kb(css),
			fonts: kb(font),
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
const largest = (audience, key) =>
	Math.max(0, ...rows.filter((r) => r.audience === audience).map((r) => Number(r[key])));
console.log(
	`page weight: ${rows.filter((r) => r['meets target'] === 'yes').length} of ${rows.length} routes meet their targets; ` +
		`member pages: largest JavaScript ${largest('member', 'js')} KB (target 50), largest total ${largest('member', 'total')} KB (target 150); ` +
		`staff pages: largest JavaScript ${largest('staff', 'js')} KB (target 120)`
);
