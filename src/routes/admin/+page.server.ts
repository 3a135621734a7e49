import { countByStatus } from '$lib/server/opportunities';
import { listRounds } from '$lib/server/recruitment';
import { workWaiting } from '$lib/server/staff-home';
import { requireStaff } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.user);
	const [counts, rounds, work] = await Promise.all([
		countByStatus(locals.db),
		listRounds(locals.db),
		workWaiting(locals.db, locals.user)
	]);
	return { counts, rounds: rounds.length, work, isAdmin: locals.user?.role === 'admin' };
};
