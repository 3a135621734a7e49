import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { getPlan, getProject, listPrinciples, savePlan } from '$lib/server/projects';
import { parsePlan } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	const project = await getProject(locals.db, id);
	if (!project) error(404, 'We could not find that project.');
	const [principles, plan] = await Promise.all([listPrinciples(locals.db), getPlan(locals.db, id)]);
	const values: Record<string, string> = {};
	for (const e of plan.entries) {
		values[`intention_${e.principle_id}`] = e.intention;
		values[`how_involved_${e.principle_id}`] = e.how_involved;
		values[`level_${e.principle_id}`] = e.level ? String(e.level) : '';
	}
	return { project, principles, values };
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		if (!(await getProject(locals.db, id))) error(404, 'We could not find that project.');
		const form = await readForm(request);
		const parsed = parsePlan(form, await listPrinciples(locals.db));
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		await savePlan(locals.db, id, parsed.data, locals.user.id);
		redirect(303, `/admin/projects/${id}?planned`);
	}
};
