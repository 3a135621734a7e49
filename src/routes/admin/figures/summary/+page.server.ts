import { chosenYear, financialYearOf } from '$lib/figures';
import { requireStaff } from '$lib/server/auth/guard';
import { activeTarget, loadYear } from '$lib/server/figures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireStaff(locals.user);
	const year = chosenYear(url.searchParams.get('year'), financialYearOf(new Date()));
	const [figures, target] = await Promise.all([loadYear(locals.db, year), activeTarget(locals.db)]);
	return { ...figures, target };
};
