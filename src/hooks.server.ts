import { json, text, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { compressPages } from '$lib/server/compress';
import { paintFirst, scriptCollector } from '$lib/server/paint-first';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { anonClient, userClient } from '$lib/server/db/client';
import { isStaff, lucia, validateSessionToken } from '$lib/server/auth/session';
import { forgetVisitorCopies } from '$lib/server/opportunities';
import { startJobs } from '$lib/server/notifications';
import { applyDisplaySettings, displayAttributes } from '$lib/server/display';
import { chooseLocale, htmlLang, type Locale } from '$lib/i18n/locale';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { defineCustomServerStrategy } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { isCrossSite, NON_PAGE_CSP, securityHeaders } from '$lib/server/security-headers';
import { isUnreachable } from '$lib/server/unreachable';

/** The language chosen for each request (below), read back by Paraglide's "custom-together" strategy. */
const requestLocales = new WeakMap<Request, Locale>();
defineCustomServerStrategy('custom-together', {
	getLocale: (request) => request && requestLocales.get(request)
});

/** Once, when the server starts: the background jobs (JOBS_INTERVAL_MINUTES; 0 turns them off). */
export const init: ServerInit = () => {
	if (!building) startJobs();
};

/** Routes any site may POST a form to. The signed token in the address is what allows the change. */
const OPEN_TO_CROSS_SITE_POSTS = new Set([
	// RFC 8058 one-click unsubscribe: the member's mail client (or their mail provider's server) POSTs
	// "List-Unsubscribe=One-Click" here from elsewhere, often with no Origin header at all.
	'/notifications/[token]'
]);
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);

/**
 * SvelteKit's own check against cross-site form posts, for every route but those above. SvelteKit
 * runs its check before any hook and cannot leave one route out, so svelte.config.js turns it off
 * (trustedOrigins: ['*']) and this does the same check instead. Production only, as SvelteKit's.
 */
const crossSiteForms: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (
		!dev &&
		FORM_TYPES.has(type) &&
		['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
		request.headers.get('origin') !== url.origin &&
		!(event.route.id && OPEN_TO_CROSS_SITE_POSTS.has(event.route.id))
	) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		return request.headers.get('accept') === 'application/json'
			? json({ message }, { status: 403 })
			: text(message, { status: 403 });
	}
	// Everything else that changes something (the JSON endpoints): refused when a browser says it
	// comes from another site, in development too.
	if (
		!FORM_TYPES.has(type) &&
		isCrossSite(request, url) &&
		!(event.route.id && OPEN_TO_CROSS_SITE_POSTS.has(event.route.id))
	) {
		return json({ message: 'This request must come from Together itself.' }, { status: 403 });
	}
	return resolve(event);
};

/** Who is asking: the session cookie is checked on every request, and the database client acts as them. */
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(lucia.sessionCookieName);
	if (token) {
		const result = await validateSessionToken(token);
		if (result.cookie) {
			event.cookies.set(result.cookie.name, result.cookie.value, { path: '/', ...result.cookie.attributes });
		}
		event.locals.user = result.user;
		event.locals.session = result.session;
		if (!result.user && result.ended && !event.url.pathname.startsWith('/sign-in')) {
			event.cookies.set('together-ended', '1', {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:',
				maxAge: 600
			});
		}
	}
	let db: App.Locals['db'] | undefined;
	Object.defineProperty(event.locals, 'db', {
		get: () => (db ??= event.locals.user ? userClient(event.locals.user) : anonClient())
	});
	const response = await resolve(event);
	// Anything staff send (an opportunity, its meetings, bookings or person specification) may change
	// what visitors see: the copies kept for visitors are read afresh from the next request on.
	if (isStaff(event.locals.user) && !SAFE_METHODS.has(event.request.method)) forgetVisitorCopies();
	return response;
};
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The member's display settings (profile, else cookie), for pages and for the <html> element, and
 * the page's language: the one chosen in the settings, else the browser's (Accept-Language).
 */
const display: Handle = async ({ event, resolve }) => {
	applyDisplaySettings(event);
	const locale = chooseLocale(
		event.locals.display.language,
		event.request.headers.get('accept-language'),
		event.url.pathname
	);
	event.locals.locale = locale;
	requestLocales.set(event.request, locale);
	const response = await paraglideMiddleware(event.request, () => resolve(event));
	// A page looks different for each member's settings cookie and languages: shared caches must keep them apart.
	if (response.headers.get('content-type')?.startsWith('text/html')) {
		response.headers.append('vary', 'Cookie');
		response.headers.append('vary', 'Accept-Language');
	}
	return response;
};

/** Plain security headers; pages for a signed-in person are never stored by the browser or a proxy. */
const headers: Handle = async ({ event, resolve }) => {
	// Words first: the page's scripts are asked for once it has been painted ($lib/server/paint-first).
	const { scripts, preload } = scriptCollector();
	const response = await resolve(event, {
		preload,
		// The display settings are in the very first bytes, so the page never flashes the standard look.
		transformPageChunk: ({ html }) =>
			paintFirst(
				displayAttributes(html, event.locals.display, htmlLang(event.locals.locale ?? 'en')),
				scripts
			)
	});
	for (const [name, value] of Object.entries(securityHeaders(event.url))) response.headers.set(name, value);
	// Pages have SvelteKit's policy (kit.csp); anything else gets one that lets nothing run.
	if (!response.headers.has('content-security-policy'))
		response.headers.set('content-security-policy', NON_PAGE_CSP);
	if (
		event.locals.user ||
		event.url.pathname.startsWith('/sign-in') ||
		event.url.pathname.startsWith('/dev/')
	) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

/**
 * While the data service is down or restarting, a page that could not load goes out as 503 with
 * Retry-After (not 500): the plain "we can't reach the service, your work is safe" page.
 */
const serviceDown: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Before any page could start (reading the session): the same words on a bare page.
		if (!isUnreachable(error)) throw error;
		console.error(`The data service could not be reached: ${error instanceof Error ? error.message : error}`);
		const heading = escapeHtml(m.error_unreachable());
		const html =
			`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>${heading} – ${escapeHtml(m.title_suffix())}</title></head><body>` +
			`<h1>${heading}</h1><p>${escapeHtml(m.error_unreachable_text())}</p><p><a href="/opportunities">${escapeHtml(m.error_go_opportunities())}</a></p></body></html>`;
		return new Response(html, {
			status: 503,
			headers: {
				...securityHeaders(event.url),
				'content-type': 'text/html; charset=utf-8',
				'content-security-policy': NON_PAGE_CSP,
				'cache-control': 'no-store',
				'retry-after': '5'
			}
		});
	}
	if (!event.locals.unreachable || response.status !== 500) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '5');
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status: 503, headers });
};

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const handle = sequence(compressPages, serviceDown, crossSiteForms, authenticate, display, headers);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isUnreachable(error)) {
		event.locals.unreachable = true;
		// The service is down or restarting: one plain line in the log, a plain page for the member.
		console.error(`The data service could not be reached: ${error instanceof Error ? error.message : error}`);
		return { message: m.error_unreachable_text(), unreachable: true };
	}
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? m.error_not_found_text() : m.error_problem_text()
	};
};
