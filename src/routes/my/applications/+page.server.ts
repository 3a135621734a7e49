import { redirect } from '@sveltejs/kit';
import { listMine } from '$lib/server/applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/applications');
	return { applications: await listMine(locals.db, locals.user.id) };
};
