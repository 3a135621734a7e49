// Applying is for signed-in members: anyone else signs in first and comes straight back here.
import { error, redirect } from '@sveltejs/kit';
import { applyContext } from '$lib/server/applications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const context = await applyContext(locals.db, locals.user.id, Number(params.id));
	if (!context) error(404, 'We could not find that opportunity. It may have been taken down.');
	return context;
};
