import { error, redirect } from '@sveltejs/kit';
import { getOpportunity } from '$lib/server/opportunities';
import { isSaved, save, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity. It may have been taken down.');
	const view = url.searchParams.get('view') === 'easy-read' ? 'easy-read' : 'standard';
	const saved = locals.user ? await isSaved(locals.db, id) : false;
	return { opportunity, view, saved, signedIn: !!locals.user };
};

export const actions: Actions = {
	save: async ({ locals, params, url }) => {
		const id = Number(params.id);
		if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(`/opportunities/${id}`)}`);
		await save(locals.db, locals.user.id, id);
		return { savedNow: true, view: url.searchParams.get('view') };
	},
	unsave: async ({ locals, params }) => {
		const id = Number(params.id);
		if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(`/opportunities/${id}`)}`);
		await unsave(locals.db, id);
		return { removedNow: true };
	}
};
