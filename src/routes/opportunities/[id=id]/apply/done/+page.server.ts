import { redirect } from '@sveltejs/kit';
import { whatHappensNext } from '$lib/server/applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { application, opportunity } = await parent();
	if (!application || application.status === 'draft') redirect(303, `/opportunities/${opportunity.id}/apply`);
	// Once the application has moved on (or been withdrawn), its own page says where it is.
	if (application.status !== 'submitted') redirect(303, `/my/applications/${application.id}`);
	return { next: whatHappensNext(opportunity), email: locals.user?.email ?? '' };
};
