import { requirePermission } from '$lib/server/auth/guard';
import { loadQueue } from '$lib/server/adjustments-staff';
import { countQueue, inFilter, readFilter } from '$lib/adjustments-staff';
import type { PageServerLoad } from './$types';

const ukToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals.user, 'arrange_adjustments');
	const filter = readFilter(url.searchParams.get('show'));
	const today = ukToday();
	// Every request listed is a staff read of a member's request: the function audits each one.
	const rows = await loadQueue(locals.db);
	return {
		filter,
		counts: countQueue(rows, today),
		rows: rows.filter((r) => inFilter(r, filter, today))
	};
};
