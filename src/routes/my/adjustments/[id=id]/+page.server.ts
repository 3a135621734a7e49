import { error, redirect } from '@sveltejs/kit';
import { getMyRequest } from '$lib/server/adjustments';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const request = await getMyRequest(locals.db, Number(params.id));
	if (!request) error(404, m.err_404_request());
	return {
		request,
		sent: url.searchParams.has('sent'),
		changed: url.searchParams.has('changed')
	};
};
