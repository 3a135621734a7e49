import { redirect } from '@sveltejs/kit';
import { getPassport } from '$lib/server/adjustments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/access-needs');
	return {
		passport: await getPassport(locals.db, locals.user.id),
		saved: url.searchParams.has('saved'),
		deleted: url.searchParams.has('deleted')
	};
};
