import { requirePermission } from '$lib/server/auth/guard';
import { costTotals } from '$lib/server/adjustments-staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals.user, 'arrange_adjustments');
	return { totals: await costTotals(locals.db) };
};
