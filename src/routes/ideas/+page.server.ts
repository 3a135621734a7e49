import { redirect } from '@sveltejs/kit';
import { isOpenCall, listCalls, myIdeas } from '$lib/server/ideas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/ideas');
	const [calls, mine] = await Promise.all([listCalls(locals.db), myIdeas(locals.db, locals.user.id)]);
	return { open: calls.filter(isOpenCall), closed: calls.filter((c) => !isOpenCall(c)), mine };
};
