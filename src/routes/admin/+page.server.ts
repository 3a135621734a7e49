import { countByStatus } from '$lib/server/opportunities';
import { listRounds } from '$lib/server/recruitment';
import { countWaiting } from '$lib/server/review';
import { staffCounts } from '$lib/server/adjustments-staff';
import { hasPermission } from '$lib/server/auth/session';
import { countClaimsToApprove } from '$lib/server/claims-staff';
import { countRunsToMake } from '$lib/server/payment-runs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [counts, waiting, rounds] = await Promise.all([
		countByStatus(locals.db),
		countWaiting(locals.db),
		listRounds(locals.db)
	]);
	// Cards that need a permission are counted only for the staff who hold it.
	const [claimsToApprove, runs, adjustments] = await Promise.all([
		countClaimsToApprove(locals.db),
		hasPermission(locals.user, 'finance') ? countRunsToMake(locals.db) : Promise.resolve(null),
		hasPermission(locals.user, 'arrange_adjustments') ? staffCounts(locals.db) : Promise.resolve(null)
	]);
	return {
		counts,
		waiting,
		rounds: rounds.length,
		claimsToApprove,
		runs,
		adjustments,
		isAdmin: locals.user?.role === 'admin'
	};
};
