import { listOpen, readFilters } from '$lib/server/opportunities';
import { LOCATION_TYPES, OPPORTUNITY_TYPES } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readFilters(url.searchParams, Object.keys(OPPORTUNITY_TYPES), Object.keys(LOCATION_TYPES));
	const opportunities = await listOpen(locals.db, filters, new Date(), locals.locale === 'cy' ? 'cy' : 'en');
	return { filters, opportunities };
};
