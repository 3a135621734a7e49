import { redirect } from '@sveltejs/kit';
import { claimRules } from '$lib/server/claims';
import { ownClaim } from '../load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const detail = await ownClaim(event);
	if (detail.claim.status === 'draft') redirect(303, `/my/claims/${detail.claim.id}/check`);
	const rules = await claimRules(event.locals.db);
	return { claim: detail.claim, payWithinDays: rules.settings.pay_within_days };
};
