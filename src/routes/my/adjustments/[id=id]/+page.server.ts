import { error, redirect } from '@sveltejs/kit';
import { getMyRequest } from '$lib/server/adjustments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const request = await getMyRequest(locals.db, Number(params.id));
	if (!request) error(404, 'We could not find that request. The link may be wrong, or it may not be yours.');
	return {
		request,
		sent: url.searchParams.has('sent'),
		changed: url.searchParams.has('changed')
	};
};
