import { redirect } from '@sveltejs/kit';
import { listMyRequests, listTakingPart } from '$lib/server/adjustments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/adjustments');
	const [requests, takingPart] = await Promise.all([
		listMyRequests(locals.db, locals.user.id),
		listTakingPart(locals.db, locals.user.id)
	]);
	return { requests, takingPart: takingPart.filter((t) => t.meetings.length > 0) };
};
