import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { taxYearOf } from '$lib/payments-staff';
import { requirePermission } from '$lib/server/auth/guard';
import { createRun, listRuns, totalsForYear, waitingForRun } from '$lib/server/payment-runs';
import { formValues, parse, readForm } from '$lib/validation/form';
import { runSchema } from '$lib/validation/payments-staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const thisYear = taxYearOf(new Date());
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	const [waiting, runs, totals] = await Promise.all([
		waitingForRun(locals.db),
		listRuns(locals.db),
		totalsForYear(locals.db, year)
	]);
	return { waiting, runs, totals, year, thisYear, requestKey: randomUUID() };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		requirePermission(locals.user, 'finance');
		const values = formValues(await readForm(request));
		const parsed = parse(runSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await createRun(locals.db, parsed.data.method, parsed.data.request_key);
		if (!result.ok) return fail(409, { values, errors: { method: result.problem } });
		redirect(303, `/admin/payment-runs/${result.id}?made`);
	}
};
