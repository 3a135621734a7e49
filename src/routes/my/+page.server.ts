import { redirect } from '@sveltejs/kit';
import { listOpen } from '$lib/server/opportunities';
import { isClosingSoon } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my');
	const open = await listOpen(locals.db);
	return { closingSoon: open.filter((o) => isClosingSoon(o)).slice(0, 3), openCount: open.length };
};
