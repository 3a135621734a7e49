import { error, fail, redirect } from '@sveltejs/kit';
import { giveFeedback, myFeedbackActivities } from '$lib/server/projects';
import { parseFeedback } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const activity = (await myFeedbackActivities(locals.db)).find(
		(a) => a.involvement_id === Number(params.involvement)
	);
	if (!activity) error(404, m.err_404_activity());
	const chosen = url.searchParams.get('form');
	const easy = chosen === 'easy' || (chosen !== 'standard' && locals.display?.easyRead === 'on');
	return { activity, easy, requestKey: crypto.randomUUID() };
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/feedback');
		const form = await readForm(request);
		const parsed = parseFeedback(form);
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		const result = await giveFeedback(locals.db, Number(params.involvement), parsed.data);
		if (result === 'not_allowed') error(404, m.err_404_activity());
		if (result === 'already_given') return fail(409, { values: formValues(form), already: true });
		redirect(303, '/my/feedback?given');
	}
};
