import { error } from '@sveltejs/kit';
import { getOpportunity } from '$lib/server/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'We could not find that opportunity.');
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity. It may have been taken down.');
	const view = url.searchParams.get('view') === 'easy-read' ? 'easy-read' : 'standard';
	return { opportunity, view };
};
