import { error, fail, redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/server/auth/session';
import { getCriterion, getRound, removeCriterion, updateCriterion } from '$lib/server/recruitment';
import { formValues, parse, type FieldErrors, readForm } from '$lib/validation/form';
import { criterionSchema } from '$lib/validation/recruitment';
import type { Actions, PageServerLoad } from './$types';

async function find(locals: App.Locals, params: { id: string; criterion: string }) {
	const roundId = Number(params.id);
	const round = await getRound(locals.db, roundId);
	const criterion = round ? await getCriterion(locals.db, roundId, Number(params.criterion)) : null;
	if (!round || !criterion) error(404, 'We could not find that criterion. It may have been removed.');
	return { round, criterion };
}

function staffOnly(locals: App.Locals) {
	if (!isStaff(locals.user)) error(403, 'These pages are for the co-production team.');
}

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	await parent(); // staff only: the admin layout checks who is asking first
	const { round, criterion } = await find(locals, params);
	return { round, criterion };
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		staffOnly(locals);
		const { round, criterion } = await find(locals, params);
		const values = formValues(await readForm(request));
		const parsed = parse(criterionSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await updateCriterion(locals.db, round.id, criterion.id, parsed.data);
		if (!result.ok)
			return fail(403, { values, errors: { title: 'You cannot change this criterion.' } as FieldErrors });
		redirect(303, `/admin/recruitment/${round.id}?criterion-changed#criterion-${criterion.id}`);
	},
	remove: async ({ locals, params }) => {
		staffOnly(locals);
		const { round, criterion } = await find(locals, params);
		const result = await removeCriterion(locals.db, criterion.id);
		if (!result.ok && result.reason !== 'not_found') error(403, 'You cannot remove this criterion.');
		redirect(303, `/admin/recruitment/${round.id}?criterion-removed#criteria`);
	}
};
