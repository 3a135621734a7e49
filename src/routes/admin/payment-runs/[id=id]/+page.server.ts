import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { getRun, markRunPaid } from '$lib/server/payment-runs';
import { formValues, parse, readForm } from '$lib/validation/form';
import { paidSchema } from '$lib/validation/payments-staff';
import type { Actions, PageServerLoad } from './$types';

/** Today in London, as YYYY-MM-DD. */
function today(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const run = await getRun(locals.db, Number(params.id));
	if (!run) error(404, 'We could not find that payment run.');
	return {
		run,
		today: today(),
		requestKey: randomUUID(),
		made: url.searchParams.has('made'),
		paid: url.searchParams.has('paid')
	};
};

export const actions: Actions = {
	paid: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'finance');
		const values = formValues(await readForm(request));
		const parsed = parse(paidSchema(today()), values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const p = parsed.data;
		const result = await markRunPaid(locals.db, Number(params.id), p.paid_on, p.reference, p.request_key);
		if (!result.ok) return fail(409, { values, errors: { paid_on: result.problem } });
		redirect(303, `/admin/payment-runs/${params.id}?paid`);
	}
};
