import { countByStatus } from '$lib/server/opportunities';
import { listRounds } from '$lib/server/recruitment';
import { countWaiting } from '$lib/server/review';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [counts, waiting, rounds] = await Promise.all([
		countByStatus(locals.db),
		countWaiting(locals.db),
		listRounds(locals.db)
	]);
	return { counts, waiting, rounds: rounds.length };
};
