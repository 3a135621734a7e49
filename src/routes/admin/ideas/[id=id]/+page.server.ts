import { error } from '@sveltejs/kit';
import { getCall, ideasForCall, tellMembers } from '$lib/server/ideas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const call = await getCall(locals.db, Number(params.id));
	if (!call) error(404, 'We could not find that call for ideas.');
	return {
		call,
		ideas: await ideasForCall(locals.db, call.id),
		opened: url.searchParams.has('opened'),
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	tell: async ({ locals, params }) => {
		const told = await tellMembers(locals.db, Number(params.id));
		return { told };
	}
};
