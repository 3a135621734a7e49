import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import {
	getPlan,
	getProject,
	getReflection,
	listFeedback,
	listPrinciples,
	saveReflection
} from '$lib/server/projects';
import { parseReflection } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const [project, reflection] = await Promise.all([
		getProject(locals.db, id),
		getReflection(locals.db, id, Number(params.reflection))
	]);
	if (!project || !reflection) error(404, 'We could not find that reflection.');
	const [principles, plan, feedback] = await Promise.all([
		listPrinciples(locals.db),
		getPlan(locals.db, id),
		listFeedback(locals.db, [id])
	]);
	const values: Record<string, string> = {
		title: reflection.title,
		kind: reflection.kind,
		reflected_on: reflection.reflected_on
	};
	for (const e of reflection.entries) {
		values[`what_happened_${e.principle_id}`] = e.what_happened;
		values[`evidence_${e.principle_id}`] = e.evidence;
		values[`what_to_change_${e.principle_id}`] = e.what_to_change;
		values[`level_${e.principle_id}`] = e.level ? String(e.level) : '';
	}
	return {
		project,
		reflection,
		principles,
		plan: plan.entries,
		feedback,
		values,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const reflection = await getReflection(locals.db, id, Number(params.reflection));
		if (!reflection) error(404, 'We could not find that reflection.');
		const form = await readForm(request);
		const parsed = parseReflection(form, await listPrinciples(locals.db));
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		await saveReflection(locals.db, id, reflection.id, parsed.data, locals.user.id);
		redirect(303, `/admin/projects/${id}/reflections/${reflection.id}?saved`);
	}
};
