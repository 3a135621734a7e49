import { redirect } from '@sveltejs/kit';
import { openPage, openPageForVisitors, readFilters, readPage } from '$lib/server/opportunities';
import { LOCATION_TYPES, OPPORTUNITY_TYPES } from '$lib/opportunities';
import { listHref } from './list-href';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readFilters(url.searchParams, Object.keys(OPPORTUNITY_TYPES), Object.keys(LOCATION_TYPES));
	const language = locals.locale === 'cy' ? 'cy' : 'en';
	// Visitors who are not signed in all see the same list, kept for a few seconds; members' is their own.
	const list = await (locals.user ? openPage : openPageForVisitors)(
		locals.db,
		filters,
		readPage(url.searchParams),
		new Date(),
		language
	);
	// A page past the end (the list got shorter, or the address was typed): the last page there is.
	if (list.page > list.pages) redirect(303, listHref(filters, list.pages));
	return { filters, list };
};
