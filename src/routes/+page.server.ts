import { openSummary, openSummaryForVisitors } from '$lib/server/opportunities';
import type { PageServerLoad } from './$types';

// Visitors share what is kept for a few seconds (as on the opportunities page); members ask as themselves.
export const load: PageServerLoad = async ({ locals }) =>
	(locals.user ? openSummary : openSummaryForVisitors)(locals.db);
