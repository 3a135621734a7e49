import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { agreedAdjustmentsFor, decideClaim, getClaimForStaff, type Decision } from '$lib/server/claims-staff';
import { formValues, parse, readForm } from '$lib/validation/form';
import { decisionSchema } from '$lib/validation/payments-staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const claim = await getClaimForStaff(locals.db, Number(params.id));
	if (!claim) error(404, 'We could not find that claim.');
	const done = url.searchParams.get('done');
	return {
		claim,
		// What was agreed for this activity, for staff who arrange adjustments (each read audited).
		adjustments: await agreedAdjustmentsFor(locals.db, locals.user, claim.id),
		// One key per showing of the form: pressing twice, or sending again, makes one decision.
		requestKey: randomUUID(),
		done: done === 'approved' || done === 'query' || done === 'rejected' ? (done as Decision) : null
	};
};

export const actions: Actions = {
	decide: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const values = formValues(await readForm(request));
		const parsed = parse(decisionSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const d = parsed.data;
		const result = await decideClaim(
			locals.db,
			Number(params.id),
			d.decision,
			d.decision === 'approved' ? null : d.message,
			d.request_key
		);
		if (!result.ok) return fail(409, { values, errors: { decision: result.problem } });
		redirect(303, `/admin/claims/${params.id}?done=${result.status}`);
	}
};
