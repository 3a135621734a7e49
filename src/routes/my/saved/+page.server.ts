import { redirect } from '@sveltejs/kit';
import { listSaved, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/saved');
	return { saved: await listSaved(locals.db) };
};

export const actions: Actions = {
	remove: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/saved');
		const id = recordId((await readForm(request)).get('opportunity'));
		if (id !== null) await unsave(locals.db, id);
		return { removed: true };
	}
};
