import { taxYearOf } from '$lib/payments';
import { ukToday } from '$lib/validation/claim';
import { listMyClaims, myTotals, totalsFor } from '$lib/server/claims';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const current = taxYearOf(ukToday());
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= current ? asked : current;
	const [claims, totals] = await Promise.all([listMyClaims(locals.db, user.id), myTotals(locals.db)]);
	const paid = claims
		.filter((c) => c.status === 'paid' && c.paid_on && taxYearOf(c.paid_on) === year)
		.sort((a, b) => (a.paid_on! < b.paid_on! ? -1 : 1));
	return { year, current, paid, totals: totalsFor(totals, year), today: ukToday(), name: user.fullName };
};
