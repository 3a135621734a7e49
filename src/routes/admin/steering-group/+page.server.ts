import { reminderDays, steeringRoster } from '$lib/server/network';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const [roster, days] = await Promise.all([steeringRoster(locals.db), reminderDays(locals.db)]);
	return { roster, days, saved: url.searchParams.get('saved') };
};
