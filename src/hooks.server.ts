import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { anonClient, userClient } from '$lib/server/db/client';
import { lucia, validateSessionToken } from '$lib/server/auth/session';

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
	return resolve(event);
};

/** Plain security headers; pages for a signed-in person are never stored by the browser or a proxy. */
const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', 'en-GB')
	});
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
	if (
		event.locals.user ||
		event.url.pathname.startsWith('/sign-in') ||
		event.url.pathname.startsWith('/dev/')
	) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(authenticate, headers);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'We could not find that page.'
				: 'Something went wrong on our side. Nothing you did caused it. Please try again in a few minutes.'
	};
};
