import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { getPlan, getProject, listFeedback, listPrinciples, saveReflection } from '$lib/server/projects';
import { parseReflection } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import { ukDay } from '$lib/server/opportunities';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	const project = await getProject(locals.db, id);
	if (!project) error(404, 'We could not find that project.');
	const [principles, plan, feedback] = await Promise.all([
		listPrinciples(locals.db),
		getPlan(locals.db, id),
		listFeedback(locals.db, [id])
	]);
	return {
		project,
		principles,
		plan: plan.entries,
		feedback,
		values: { kind: 'milestone', reflected_on: ukDay(new Date().toISOString()) }
	};
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		if (!(await getProject(locals.db, id))) error(404, 'We could not find that project.');
		const form = await readForm(request);
		const parsed = parseReflection(form, await listPrinciples(locals.db));
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		const saved = await saveReflection(locals.db, id, null, parsed.data, locals.user.id);
		redirect(303, `/admin/projects/${id}/reflections/${saved}?saved`);
	}
};
