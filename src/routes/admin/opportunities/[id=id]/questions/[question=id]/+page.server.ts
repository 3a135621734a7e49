import { error, fail, redirect } from '@sveltejs/kit';
import { getOpportunity } from '$lib/server/opportunities';
import { getQuestion, listQuestions, removeQuestion, updateQuestion } from '$lib/server/question-editor';
import { requireStaff } from '$lib/server/auth/guard';
import { parseQuestionForm, questionToValues } from '$lib/validation/question';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const questions = await listQuestions(locals.db, id);
	const index = questions.findIndex((q) => q.id === Number(params.question));
	if (index < 0) error(404, 'We could not find that question. It may have been removed.');
	const question = questions[index]!;
	return {
		opportunity,
		question,
		number: index + 1,
		values: questionToValues(question),
		confirmRemove: url.searchParams.has('remove')
	};
};

const ANSWERED =
	'You cannot remove this question, because members have already answered it. You can change its words instead, or make it one they can leave out.';

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const parsed = parseQuestionForm(await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!(await updateQuestion(locals.db, id, Number(params.question), parsed.data)))
			error(404, 'We could not find that question. It may have been removed.');
		redirect(
			303,
			`/admin/opportunities/${id}/questions?saved=${params.question}#question-${params.question}`
		);
	},
	remove: async ({ locals, params }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const question = await getQuestion(locals.db, id, Number(params.question));
		if (!question) redirect(303, `/admin/opportunities/${id}/questions?removed`);
		const result = await removeQuestion(locals.db, id, question.id);
		if (result === 'answered') return fail(409, { removeRefused: ANSWERED });
		redirect(303, `/admin/opportunities/${id}/questions?removed`);
	}
};
