// Lighthouse on the production build, with Debian's Chromium (CHROME_PATH, else /usr/bin/chromium,
// else Playwright's): home, opportunities, an opportunity, sign-in and a claim form (signed in).
//  - the mobile preset: performance, accessibility and best-practices scores (aim 100 each), LCP,
//    TBT and CLS;
//  - an old Android on a slow connection (slow 3G: 400 ms round trips, 400 kbit/s; 10× slower CPU):
//    LCP (aim ≤ 4 s).
// Everything is on loopback: no request leaves the machine and Lighthouse downloads nothing.
// --short: the claim form only. --save DIR (or LIGHTHOUSE_SAVE=DIR): also write each report as JSON
// there, to see what delays the largest paint (its element, the render-blocking files, the waterfall).
import { preflight } from '../scripts/lib/preflight.mjs';

preflight();
const { existsSync, mkdirSync, writeFileSync } = await import('node:fs');
const saveAt = process.argv.indexOf('--save');
const saveDir = saveAt > 0 ? process.argv[saveAt + 1] : process.env.LIGHTHOUSE_SAVE;
if (saveDir) mkdirSync(saveDir, { recursive: true });
const lighthouse = (await import('lighthouse')).default;
const chromeLauncher = await import('chrome-launcher');
const { ms, sessionCookie, short, startApp } = await import('./lib.mjs');

/** Alex, the demo member (supabase/seed.sql), who has something to claim for. */
const MEMBER = '00000000-0000-4000-8000-000000000001';
const PAGES = [
	{ name: 'home', path: '/' },
	{ name: 'opportunities', path: '/opportunities' },
	{ name: 'an opportunity', path: '/opportunities/1' },
	{ name: 'sign-in', path: '/sign-in' },
	{ name: 'claim form (signed in)', path: '/my/claims/new', signedIn: true }
].filter((p) => !short || p.path === '/my/claims/new');

const SLOW = {
	// Slow 3G as WebPageTest and DevTools describe it, and a phone's CPU ten times slower than this one.
	rttMs: 400,
	throughputKbps: 400,
	requestLatencyMs: 400 * 3.75,
	downloadThroughputKbps: 400 * 0.9,
	uploadThroughputKbps: 400 * 0.9,
	cpuSlowdownMultiplier: 10
};

async function chromePath() {
	if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	const { chromium } = await import('@playwright/test');
	return chromium.executablePath();
}

const app = await startApp('');
const chrome = await chromeLauncher.launch({
	chromePath: await chromePath(),
	chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const rows = [];
const outside = new Set();
try {
	const cookie = await sessionCookie(app.env, MEMBER);
	const run = async (page, throttling, retried = false) => {
		const result = await lighthouse(
			`${app.origin}${page.path}`,
			{
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices'],
				extraHeaders: page.signedIn ? { cookie } : undefined,
				disableStorageReset: false
			},
			throttling
				? { extends: 'lighthouse:default', settings: { throttling, throttlingMethod: 'simulate' } }
				: undefined
		);
		const lhr = result.lhr;
		if (saveDir) {
			const file = `${page.name.replace(/\W+/g, '-')}${throttling ? '-slow' : ''}.json`;
			writeFileSync(`${saveDir}/${file}`, JSON.stringify(lhr));
		}
		// A busy machine now and then loses the trace (NO_NAVSTART): one more try before giving up.
		if (lhr.runtimeError && !retried) return run(page, throttling, true);
		if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
		// Nothing may leave the machine: a request elsewhere would make the figures depend on the network.
		for (const r of lhr.audits['network-requests']?.details?.items ?? []) {
			const host = URL.canParse(r.url) ? new URL(r.url).hostname : '';
			if (/^https?:$/.test(new URL(r.url).protocol) && !['localhost', '127.0.0.1'].includes(host))
				outside.add(r.url);
		}
		return lhr;
	};
	for (const page of PAGES) {
		const mobile = await run(page);
		const slow = await run(page, SLOW);
		const score = (c) => Math.round((mobile.categories[c]?.score ?? 0) * 100);
		const audit = (lhr, id) => lhr.audits[id]?.numericValue;
		const lcpSlow = audit(slow, 'largest-contentful-paint');
		rows.push({
			page: page.name,
			performance: score('performance'),
			accessibility: score('accessibility'),
			'best practices': score('best-practices'),
			'LCP ms': Math.round(audit(mobile, 'largest-contentful-paint')),
			'TBT ms': Math.round(audit(mobile, 'total-blocking-time')),
			CLS: Number(audit(mobile, 'cumulative-layout-shift') ?? 0).toFixed(3),
			'slow 3G + 10× CPU LCP ms': Math.round(lcpSlow),
			'meets targets':
				score('performance') === 100 &&
				score('accessibility') === 100 &&
				score('best-practices') === 100 &&
				lcpSlow <= 4000
					? 'yes'
					: 'NO',
			final: mobile.finalDisplayedUrl.replace(app.origin, '')
		});
		// What held a score back, so the figure can be acted on.
		for (const item of mobile.audits['layout-shifts']?.details?.items ?? []) {
			const node = item.node?.selector ?? item.node?.snippet ?? 'an element';
			console.log(`  ${page.name}: layout shift ${Number(item.score).toFixed(3)} – ${node}`);
		}
		for (const category of ['accessibility', 'best-practices']) {
			for (const ref of mobile.categories[category]?.auditRefs ?? []) {
				const a = mobile.audits[ref.id];
				if (ref.weight > 0 && a.score !== null && a.score < 1)
					console.log(`  ${page.name}: ${category} – ${a.title}`);
			}
		}
	}
} finally {
	await chrome.kill();
	await app.stop();
}

console.log(
	`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ` +
		'mobile preset (simulated slow 4G, 4× CPU) and slow 3G with 10× CPU\n'
);
console.table(rows);
if (outside.size) console.log(`Requests that left the machine:\n  ${[...outside].join('\n  ')}`);
const worstLcp = Math.max(...rows.map((r) => r['slow 3G + 10× CPU LCP ms']));
console.log(
	`lighthouse: ${rows.filter((r) => r['meets targets'] === 'yes').length} of ${rows.length} pages meet their targets; ` +
		`lowest performance ${Math.min(...rows.map((r) => r.performance))}, accessibility ${Math.min(...rows.map((r) => r.accessibility))}, ` +
		`best practices ${Math.min(...rows.map((r) => r['best practices']))}; slowest LCP on slow 3G ${ms(worstLcp / 1000)} s (aim ≤ 4); ` +
		`${outside.size} requests left the machine`
);
