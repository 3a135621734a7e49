import { listForStaff } from '$lib/server/opportunities';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = url.searchParams.get('status') ?? '';
	const status = (raw in OPPORTUNITY_STATUSES ? raw : '') as OpportunityStatus | '';
	return { status, opportunities: await listForStaff(locals.db, status) };
};
