import { error, redirect } from '@sveltejs/kit';
import { findMine } from '$lib/server/applications';
import { getOpportunity } from '$lib/server/opportunities';
import { isSaved, save, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity. It may have been taken down.');
	const view = url.searchParams.get('view') === 'easy-read' ? 'easy-read' : 'standard';
	const [saved, application] = locals.user
		? await Promise.all([isSaved(locals.db, id), findMine(locals.db, locals.user.id, id)])
		: [false, null];
	return {
		opportunity,
		view,
		saved,
		signedIn: !!locals.user,
		application: application ? { id: application.id, status: application.status } : null
	};
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
