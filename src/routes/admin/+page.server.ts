import { countByStatus } from '$lib/server/opportunities';
import { listRounds } from '$lib/server/recruitment';
import { countWaiting } from '$lib/server/review';
import { staffCounts } from '$lib/server/adjustments-staff';
import { hasPermission } from '$lib/server/auth/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [counts, waiting, rounds] = await Promise.all([
		countByStatus(locals.db),
		countWaiting(locals.db),
		listRounds(locals.db)
	]);
	// Only staff who arrange adjustments see the adjustments card.
	const adjustments = hasPermission(locals.user, 'arrange_adjustments') ? await staffCounts(locals.db) : null;
	return { counts, waiting, rounds: rounds.length, adjustments, seesAudit: locals.user?.role === 'admin' };
};
