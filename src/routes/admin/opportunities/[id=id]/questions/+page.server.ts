import { error, fail, redirect } from '@sveltejs/kit';
import { getOpportunity } from '$lib/server/opportunities';
import { addQuestion, getQuestion, listQuestions, moveQuestion } from '$lib/server/question-editor';
import { closedToApplications } from '$lib/server/review';
import { requireStaff } from '$lib/server/auth/guard';
import { formValues, readForm } from '$lib/validation/form';
import { parseQuestionForm } from '$lib/validation/question';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['added', 'saved', 'removed', 'moved'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const questions = await listQuestions(locals.db, id);
	const notice = NOTICES.find((k) => url.searchParams.has(k)) ?? null;
	const about = Number(url.searchParams.get(notice ?? '') ?? '');
	return {
		opportunity,
		closed: closedToApplications(opportunity),
		questions,
		notice,
		noticeAbout: questions.find((q) => q.id === about) ?? null
	};
};

export const actions: Actions = {
	add: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		if (!(await getOpportunity(locals.db, id))) error(404, 'We could not find that opportunity.');
		const form = await readForm(request);
		const parsed = parseQuestionForm(form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const added = await addQuestion(locals.db, id, parsed.data);
		if (added === null) {
			return fail(400, {
				values: formValues(form),
				errors: { prompt: 'This application already has 100 questions. Remove one before adding another' }
			});
		}
		redirect(303, `/admin/opportunities/${id}/questions?added=${added}#question-${added}`);
	},
	move: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const form = await readForm(request);
		const questionId = Number(form.get('question'));
		const direction = form.get('direction') === 'up' ? 'up' : 'down';
		const question = Number.isInteger(questionId) ? await getQuestion(locals.db, id, questionId) : null;
		if (!question) error(404, 'We could not find that question. It may have been removed.');
		await moveQuestion(locals.db, question.id, direction);
		redirect(303, `/admin/opportunities/${id}/questions?moved=${question.id}#question-${question.id}`);
	}
};
