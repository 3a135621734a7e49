// Which pages the service worker may keep on the phone, and under what cache names. Pure, so the
// rules are tested on their own (tests/unit/offline-rules.test.ts).

/** Bump when the kept pages change shape: older caches are removed when the new worker starts. */
export const CACHE_VERSION = 'v1';
const PREFIX = 'together-';
export const PAGES_PREFIX = `${PREFIX}pages-${CACHE_VERSION}-`;

/** Someone not signed in: only public pages are kept for them. */
export const GUEST = 'guest';

/** Pages a member looks at again on the move. Everything else is never kept. */
const PUBLIC_PAGES = [
	/^\/$/,
	/^\/opportunities$/,
	/^\/opportunities\/\d+$/,
	/^\/accessibility$/,
	/^\/install$/
];
const MEMBER_PAGES = [
	/^\/my$/,
	/^\/my\/saved$/,
	/^\/my\/waiting$/,
	/^\/my\/applications(\/\d+)?$/,
	/^\/my\/adjustments(\/\d+)?$/,
	/^\/my\/claims(\/\d+(\/check)?)?$/,
	/^\/opportunities\/\d+\/apply\/(\d+|check)$/
];

export type PageRule = 'public' | 'member' | 'never';

/**
 * What the worker does with a page (a GET navigation): keep it for everyone, keep it for the
 * signed-in member only, or never keep it (staff pages, signing in and out, anything else).
 * Addresses with a query (search results, one-off notices such as "?sent") are not kept.
 */
export function pageRule(url: URL, origin: string): PageRule {
	if (url.origin !== origin || url.search) return 'never';
	const path = url.pathname;
	if (PUBLIC_PAGES.some((p) => p.test(path))) return 'public';
	if (MEMBER_PAGES.some((p) => p.test(path))) return 'member';
	return 'never';
}

/** The cache for one person's pages: kept apart per member, so nobody sees another's pages. */
export function pagesCacheName(member: string | null): string {
	return PAGES_PREFIX + (member ?? GUEST);
}

/** Caches to delete when the worker starts: Together's caches of older versions. */
export function isOutdatedCache(name: string): boolean {
	return name.startsWith(`${PREFIX}pages-`) && !name.startsWith(PAGES_PREFIX);
}

/** Caches to delete when someone else signs in (or nobody is signed in): every other person's. */
export function isOtherPersonsCache(name: string, member: string | null): boolean {
	return name.startsWith(`${PREFIX}pages-`) && name !== pagesCacheName(member);
}

/** A response worth keeping: a whole page that came straight from Together, not a redirect or error. */
export function keepable(
	response: Pick<Response, 'ok' | 'status' | 'type' | 'redirected' | 'headers'>
): boolean {
	return (
		response.status === 200 &&
		response.type === 'basic' &&
		!response.redirected &&
		(response.headers.get('content-type') ?? '').startsWith('text/html')
	);
}

/** Adds the "saved on this phone" mark to a kept page as it is served from the cache. */
export function markSaved(html: string, savedAt: string): string {
	const meta = `<meta name="together-saved" content="${savedAt.replace(/[^0-9TZ:.+-]/g, '')}">`;
	return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : meta + html;
}

/** "last updated 14:05 today" / "last updated 3 November at 14:05" in UK time. */
export function savedWords(savedAt: string, now: Date = new Date()): string {
	const at = new Date(savedAt);
	if (Number.isNaN(at.getTime())) return 'Saved on this phone';
	const zone = { timeZone: 'Europe/London' } as const;
	const time = at.toLocaleTimeString('en-GB', { ...zone, hour: '2-digit', minute: '2-digit' });
	const day = (d: Date) =>
		d.toLocaleDateString('en-GB', { ...zone, day: 'numeric', month: 'long', year: 'numeric' });
	const when = day(at) === day(now) ? `${time} today` : `${day(at)} at ${time}`;
	return `Saved on this phone — last updated ${when}`;
}
