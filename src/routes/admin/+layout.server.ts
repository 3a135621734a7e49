import { error, redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/server/auth/session';
import type { LayoutServerLoad } from './$types';

// Staff only: checked here on the server, and again by Row Level Security on every query.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!isStaff(locals.user)) error(403, 'These pages are for the co-production team.');
	return {};
};
