import { error, fail, redirect } from '@sveltejs/kit';
import { chosenYear, financialYearOf } from '$lib/figures';
import { requireStaff } from '$lib/server/auth/guard';
import { hasPermission } from '$lib/server/auth/session';
import { activeTarget, CSV_FILES, loadYear, setActiveTarget } from '$lib/server/figures';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireStaff(locals.user);
	const thisYear = financialYearOf(new Date());
	const year = chosenYear(url.searchParams.get('year'), thisYear);
	const [figures, target] = await Promise.all([loadYear(locals.db, year), activeTarget(locals.db)]);
	return {
		...figures,
		thisYear,
		target,
		isAdmin: locals.user.role === 'admin',
		files: Object.entries(CSV_FILES)
			.filter(([name]) => name !== 'adjustments' || hasPermission(locals.user, 'arrange_adjustments'))
			.map(([name, f]) => ({ name, title: f.title })),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	target: async ({ locals, request, url }) => {
		requireStaff(locals.user);
		if (locals.user.role !== 'admin') error(403, 'Only admins can change the target.');
		const values = Object.fromEntries(await readForm(request)) as Record<string, string>;
		const raw = String(values.target ?? '')
			.trim()
			.replace(/%$/, '')
			.trim();
		const n = Number(raw);
		if (!/^\d{1,3}$/.test(raw) || n < 1 || n > 100)
			return fail(400, {
				values,
				errors: { target: 'Enter the target as a whole number from 1 to 100, like 50' }
			});
		if (!(await setActiveTarget(locals.db, n))) error(403, 'Only admins can change the target.');
		const year = url.searchParams.get('year');
		redirect(303, `/admin/figures?${year ? `year=${encodeURIComponent(year)}&` : ''}saved#target`);
	}
};
