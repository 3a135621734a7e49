// "Stay signed in": records activity for the signed-in person's session. A JSON endpoint, so it
// checks the request came from Together's own pages (SvelteKit's CSRF check covers forms only).
import { error, json } from '@sveltejs/kit';
import { touchSession, LIFETIMES } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request, url }) => {
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	if ((site && site !== 'same-origin') || (origin && origin !== url.origin) || (!site && !origin)) {
		error(403, 'This request must come from Together itself.');
	}
	if (!locals.user || !locals.session) error(401, 'You are not signed in.');
	const now = Date.now();
	await touchSession(locals.session.id, now);
	const idle = now + LIFETIMES.staff.idle;
	const absolute = Date.parse(locals.session.absoluteExpiresAt);
	return json({ secondsLeft: Math.floor((Math.min(idle, absolute) - now) / 1000) });
};
