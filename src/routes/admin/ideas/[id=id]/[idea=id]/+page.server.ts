import { error, fail, redirect } from '@sveltejs/kit';
import { IDEA_STATUSES, type IdeaStatus } from '$lib/matching';
import { getCall, getIdea, ideasForCall, projectChoices, updateIdea } from '$lib/server/ideas';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params }) => {
	const call = await getCall(locals.db, Number(params.id));
	const idea = call
		? (await ideasForCall(locals.db, call.id)).find((i) => i.id === Number(params.idea))
		: null;
	if (!call || !idea) error(404, 'We could not find that idea.');
	return { call, idea, projects: await projectChoices(locals.db) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const idea = await getIdea(locals.db, Number(params.idea));
		if (!idea || idea.call_id !== Number(params.id)) error(404, 'We could not find that idea.');
		const form = await readForm(request);
		const values = {
			status: String(form.get('status') ?? ''),
			published: form.get('published') === 'yes',
			outcome: String(form.get('outcome') ?? '').trim(),
			project_id: String(form.get('project_id') ?? '')
		};
		const errors: Record<string, string> = {};
		if (!Object.hasOwn(IDEA_STATUSES, values.status)) errors.status = 'Choose where this idea is';
		if (values.outcome.length > 3000) errors.outcome = 'The message must be 3,000 characters or fewer';
		if (idea.outcome_sent_at && values.outcome !== (idea.outcome ?? ''))
			errors.outcome = 'The member has already been sent this message, so it cannot be changed';
		if (values.project_id && values.status !== 'chosen')
			errors.project_id = 'Only a chosen idea can become part of a project';
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		await updateIdea(
			locals.db,
			idea.id,
			{
				status: values.status as IdeaStatus,
				published: values.published,
				outcome: values.outcome || null,
				project_id: values.project_id ? Number(values.project_id) : null
			},
			idea.published_at
		);
		redirect(303, `/admin/ideas/${params.id}?saved=${encodeURIComponent(idea.title)}`);
	}
};
