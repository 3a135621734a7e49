import { redirect } from '@sveltejs/kit';
import { deletePassport, getPassport } from '$lib/server/adjustments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/access-needs/delete');
	const passport = await getPassport(locals.db, locals.user.id);
	if (!passport) redirect(303, '/my/access-needs');
	return {};
};

export const actions: Actions = {
	default: async ({ locals }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/access-needs/delete');
		await deletePassport(locals.db);
		redirect(303, '/my/access-needs?deleted');
	}
};
