import { redirect } from '@sveltejs/kit';
import { whatHappensNext } from '$lib/server/applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { application, opportunity } = await parent();
	if (!application || application.status === 'draft') redirect(303, `/opportunities/${opportunity.id}/apply`);
	return { next: whatHappensNext(opportunity), email: locals.user?.email ?? '' };
};
