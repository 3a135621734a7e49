import { QUEUE_STATUSES } from '$lib/payments-staff';
import { listClaimQueue, opportunitiesWithClaims, readClaimFilters } from '$lib/server/claims-staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readClaimFilters(url.searchParams);
	const [claims, opportunities] = await Promise.all([
		listClaimQueue(locals.db, filters),
		opportunitiesWithClaims(locals.db)
	]);
	return {
		filters,
		claims,
		opportunities: Object.fromEntries(opportunities.map((o) => [String(o.id), o.title])),
		statuses: QUEUE_STATUSES
	};
};
