/**
 * Words first, scripts after. On a phone with weak signal every script fetched while the page is
 * still arriving shares the connection with it, and a slow phone paints nothing while it compiles
 * them. So a page's scripts are not announced in the Link header (SvelteKit's default); the page's
 * own start-up script asks for them once the page has been painted, all at once (modulepreload),
 * and then starts the page. Until then the page is plain HTML: links and forms work without them
 * (progressive enhancement), and typing is kept ($lib/early-typing).
 */

/** What SvelteKit's start-up script begins with, and where its import list ends. */
const START = 'Promise.all([';
const STARTED = ']).then(([kit, app])';

/**
 * The scripts a page would have had preloaded: the `preload` option of `resolve` collects them
 * (and returns false, so they stay out of the Link header).
 */
export function scriptCollector() {
	const scripts: string[] = [];
	return {
		scripts,
		preload: ({ type, path }: { type: string; path: string }) => {
			// SvelteKit's own choice for the rest: stylesheets yes (here they are inlined), fonts no.
			if (type !== 'js') return type === 'css';
			scripts.push(path);
			return false;
		}
	};
}

/**
 * The page's start-up script, changed to wait for the first paint, then preload the page's
 * scripts together and start. A page without SvelteKit's start-up script is returned as it is.
 */
export function paintFirst(html: string, scripts: string[]): string {
	const start = html.lastIndexOf(START);
	const started = start < 0 ? -1 : html.indexOf(STARTED, start);
	if (started < 0) return html;
	// Once the browser reports its first contentful paint. A hidden tab paints nothing, so it starts
	// at once; a browser without paint timing waits a frame; and nothing waits longer than 3 s.
	const afterPaint =
		`new Promise((go) => { let done = false; const ready = () => { if (done) return; done = true; ` +
		`for (const href of ${JSON.stringify(scripts)}) { const link = document.createElement('link'); ` +
		`link.rel = 'modulepreload'; link.href = href; document.head.append(link); } go(); }; ` +
		`setTimeout(ready, 3000); ` +
		`if (document.visibilityState === 'hidden') ready(); ` +
		`else if (PerformanceObserver.supportedEntryTypes?.includes('paint')) new PerformanceObserver((list, watch) => { ` +
		`if (list.getEntriesByName('first-contentful-paint').length) { watch.disconnect(); setTimeout(ready); } }).observe({ type: 'paint', buffered: true }); ` +
		`else requestAnimationFrame(() => setTimeout(ready)); })`;
	return (
		html.slice(0, start) +
		`${afterPaint}.then(() => ${START}` +
		html.slice(start + START.length, started) +
		`]))${STARTED.slice(2)}` +
		html.slice(started + STARTED.length)
	);
}
