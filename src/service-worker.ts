/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Together's service worker. Built by SvelteKit; scripts/service-worker.mjs then writes the list of
// files to keep (workbox-build's injectManifest) where self.__WB_MANIFEST stands.
//   - precached: the app's code, styles, fonts, pictograms, icons and the offline pages
//   - pages a member looks at: network first (4 s), else the copy kept for that member, marked saved
//   - staff pages, signing in and out, anything not listed in $lib/offline/rules: never kept
//   - the outbox is sent on Background Sync; pages send it too, where there is no such thing
import {
	addPlugins,
	cleanupOutdatedCaches,
	getCacheKeyForURL,
	matchPrecache,
	precacheAndRoute
} from 'workbox-precaching';
import { deliverAll } from '$lib/offline/deliver';
import { getCurrentMember, removeOthers, setCurrentMember } from '$lib/offline/outbox';
import {
	isOtherPersonsCache,
	isOutdatedCache,
	keepable,
	markSaved,
	pageRule,
	pagesCacheName
} from '$lib/offline/rules';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const TIMEOUT_MS = 4000;

// Kept files are the same for everyone: fetched without the member's cookie (the offline page too).
addPlugins([{ requestWillFetch: async ({ request }) => new Request(request, { credentials: 'omit' }) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A new version waits until the member chooses to reload, so nothing they type is lost. The very
// first install takes the open page over at once.
self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (isOutdatedCache(name)) await caches.delete(name);
			await self.clients.claim();
		})()
	);
});

let member: string | null | undefined;
async function currentMember() {
	if (member === undefined) member = await getCurrentMember();
	return member;
}

/** Someone else (or nobody) is signed in now: remove every page and waiting item of anyone else. */
async function switchTo(next: string | null) {
	member = next;
	await setCurrentMember(next);
	for (const name of await caches.keys()) if (isOtherPersonsCache(name, next)) await caches.delete(name);
	await removeOthers(next);
}

self.addEventListener('message', (event) => {
	const data = event.data as { type?: string; member?: string | null } | null;
	if (data?.type === 'skip-waiting') self.skipWaiting();
	if (data?.type === 'member') {
		const next = data.member ?? null;
		event.waitUntil(
			currentMember().then((now) => {
				// Signed out by the session ending: keep their waiting items for when they sign in again,
				// but stop serving their pages.
				if (next === null && now !== null) return switchPages(null);
				if (next !== now) return switchTo(next).then(keepWaitingPage);
				return keepWaitingPage();
			})
		);
	}
	if (data?.type === 'send' && member) event.waitUntil(deliverAll(member).catch(() => undefined));
});

/** "Waiting to send" must open with no signal even if the member never opened it: keep it now. */
async function keepWaitingPage() {
	if (!member) return;
	const cache = await caches.open(pagesCacheName(member));
	const url = new URL('/my/waiting', self.location.origin).href;
	if (await cache.match(url)) return;
	const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
	if (response && keepable(response)) await cache.put(url, await savedCopy(response));
}

/** A copy of a page to keep, with the time it was saved. */
async function savedCopy(response: Response): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.set('x-together-saved-at', new Date().toISOString());
	return new Response(await response.blob(), { status: 200, headers });
}

/** Nobody is signed in for now: stop serving anyone's kept pages, but keep their outbox. */
async function switchPages(next: null) {
	member = next;
	await setCurrentMember(next);
	for (const name of await caches.keys()) if (isOtherPersonsCache(name, next)) await caches.delete(name);
}

self.addEventListener('sync', (event) => {
	const sync = event as Event & { tag: string; waitUntil(p: Promise<unknown>): void };
	if (sync.tag !== 'together-outbox') return;
	sync.waitUntil(
		(async () => {
			const who = await currentMember();
			if (!who || !self.navigator.onLine) throw new Error('Still waiting to send');
			const done = await deliverAll(who);
			// Still no signal: reject, so the browser tries again later.
			if (done.some((d) => d.outcome.kind === 'retry')) throw new Error('Still waiting to send');
		})()
	);
});

/** The network's answer, or `null` if none came within `ms` (the request goes on). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => resolve(null), ms);
		promise.then(
			(r) => (clearTimeout(timer), resolve(r)),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

/** The offline page, marked so the page does not take it for a signed-out visit. */
async function offlinePage(path = '/offline'): Promise<Response> {
	const page = await matchPrecache(path);
	if (!page) return Response.error();
	const html = (await page.text()).replace('</head>', '<meta name="together-offline" content="1"></head>');
	return new Response(html, { status: 200, headers: page.headers });
}

async function saved(cacheName: string, url: string): Promise<Response | null> {
	const cached = await (await caches.open(cacheName)).match(url);
	if (!cached) return null;
	const html = markSaved(await cached.text(), cached.headers.get('x-together-saved-at') ?? '');
	return new Response(html, { status: 200, headers: cached.headers });
}

/**
 * A page: from the network; after 4 s with no answer, the copy kept on the phone if there is one
 * (else keep waiting); with no network at all, the kept copy or the offline page.
 */
async function page(event: FetchEvent, rule: 'public' | 'member' | 'never'): Promise<Response> {
	const who = await currentMember();
	const keep = rule === 'public' || (rule === 'member' && who !== null);
	const cacheName = pagesCacheName(who);
	const url = event.request.url;
	const network = fetch(event.request).then((response) => {
		if (keep && keepable(response)) {
			const copy = response.clone();
			event.waitUntil(Promise.all([caches.open(cacheName), savedCopy(copy)]).then(([c, r]) => c.put(url, r)));
		}
		return response;
	});
	network.catch(() => undefined); // answered from the phone meanwhile: a late failure is no news
	try {
		if (!keep) return await network;
		return (await within(network, TIMEOUT_MS)) ?? (await saved(cacheName, url)) ?? (await network);
	} catch {
		return (keep ? await saved(cacheName, url) : null) ?? offlinePage();
	}
}

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;

	// Signing out: everything of the member goes from the phone before the request leaves.
	if (request.method === 'POST' && url.pathname === '/sign-out') {
		event.respondWith(switchTo(null).then(() => fetch(request)));
		return;
	}
	// A form sent with no signal before its page's code had started (once started, the page puts it
	// in the outbox): the phone says plainly that nothing was sent, not the browser's error page.
	if (request.method === 'POST' && request.mode === 'navigate' && !self.navigator.onLine) {
		event.respondWith(offlinePage('/offline/not-sent'));
		return;
	}
	if (request.method !== 'GET' || request.mode !== 'navigate') return;
	if (getCacheKeyForURL(url.href)) return; // precached: workbox answers
	event.respondWith(page(event, pageRule(url, self.location.origin)));
});
