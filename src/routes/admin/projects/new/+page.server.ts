import { fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { projectChoices, saveProject } from '$lib/server/projects';
import { parseProject } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await projectChoices(locals.db)),
	values: { manager_id: locals.user?.id ?? '' }
});

export const actions: Actions = {
	default: async ({ locals, request }) => {
		requireStaff(locals.user);
		const form = await readForm(request);
		const choices = await projectChoices(locals.db);
		const parsed = parseProject(
			form,
			choices.managers.map((m) => m.id),
			choices.programmes.map((p) => p.id)
		);
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		const id = await saveProject(locals.db, null, parsed.data, locals.user.id);
		if (id === null)
			return fail(403, { values: formValues(form), errors: { name: 'You cannot add projects.' } });
		redirect(303, `/admin/projects/${id}?added`);
	}
};
