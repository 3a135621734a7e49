import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { getProject, projectChoices, saveProject } from '$lib/server/projects';
import { parseProject } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const project = await getProject(locals.db, Number(params.id));
	if (!project) error(404, 'We could not find that project.');
	return { project, ...(await projectChoices(locals.db)) };
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const form = await readForm(request);
		const choices = await projectChoices(locals.db);
		const parsed = parseProject(
			form,
			choices.managers.map((m) => m.id),
			choices.programmes.map((p) => p.id)
		);
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		const id = await saveProject(locals.db, Number(params.id), parsed.data, locals.user.id);
		if (id === null) error(404, 'We could not find that project.');
		redirect(303, `/admin/projects/${id}?saved`);
	}
};
