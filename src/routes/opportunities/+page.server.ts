import { listOpen, listOpenForVisitors, readFilters } from '$lib/server/opportunities';
import { LOCATION_TYPES, OPPORTUNITY_TYPES } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readFilters(url.searchParams, Object.keys(OPPORTUNITY_TYPES), Object.keys(LOCATION_TYPES));
	const language = locals.locale === 'cy' ? 'cy' : 'en';
	// Visitors who are not signed in all see the same list, kept for a few seconds; members' is their own.
	const opportunities = await (locals.user ? listOpen : listOpenForVisitors)(
		locals.db,
		filters,
		new Date(),
		language
	);
	return { filters, opportunities };
};
