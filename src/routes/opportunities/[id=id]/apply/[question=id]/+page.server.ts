import { error, fail, redirect } from '@sveltejs/kit';
import type { Question } from '$lib/applications';
import {
	ApplicationError,
	phoneNumber,
	saveAnswer,
	type AnswerToSave,
	type ApplyContext
} from '$lib/server/applications';
import { checkAudioFile } from '$lib/server/uploads';
import { checkAnswer, readIntent } from '$lib/validation/application';
import { memberContext } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { readForm } from '$lib/validation/form';

/** The question at this position, for a member whose draft is open; anyone else goes where they belong. */
function questionFor(context: ApplyContext, position: string): Question {
	const base = `/opportunities/${context.opportunity.id}/apply`;
	const { application } = context;
	if (!application) redirect(303, base);
	if (application.status !== 'draft') redirect(303, `/my/applications/${application.id}`);
	if (!context.open) redirect(303, base);
	const question = context.questions.find((q) => q.position === Number(position));
	if (!question) error(404, m.err_404_question());
	return question;
}

export const load: PageServerLoad = async ({ parent, params, url, locals }) => {
	const context = await parent();
	const question = questionFor(context, params.question);
	const index = context.questions.indexOf(question);
	return {
		question,
		number: index + 1,
		previous: context.questions[index - 1]?.position ?? null,
		answer: context.answers.find((a) => a.question_id === question.id) ?? null,
		phone: question.kind === 'text' && locals.user ? await phoneNumber(locals.db, locals.user.id) : null,
		fromCheck: url.searchParams.get('from') === 'check'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { member, context } = await memberContext(event);
		const question = questionFor(context, event.params.question);
		const application = context.application!;
		const base = `/opportunities/${context.opportunity.id}/apply`;
		const existing = context.answers.find((a) => a.question_id === question.id);

		const form = await readForm(event.request);
		const intent = readIntent(form.get('intent'));
		const answer = String(form.get('answer') ?? '');
		const values = { answer };
		const file = form.get('audio');
		const audio = file instanceof File && (file.size > 0 || file.name !== '') ? file : null;

		const checked = checkAnswer(question, { intent, answer, audio }, existing);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });

		let save: AnswerToSave;
		if (checked.decision.store === 'audio') {
			const sound = await checkAudioFile(audio!);
			if (!sound.ok) return fail(400, { values, errors: { audio: sound.error } });
			save = { store: 'audio', file: sound };
		} else {
			save = checked.decision;
		}

		try {
			await saveAnswer(event.locals.db, member.id, application.id, question.id, save, existing);
		} catch (e) {
			// The opportunity closed (or the draft was sent) since the page was shown.
			if (e instanceof ApplicationError) redirect(303, base);
			throw e;
		}

		if (intent === 'later') redirect(303, `/my/applications/${application.id}?saved`);
		if (form.get('from') === 'check') redirect(303, `${base}/check`);
		const index = context.questions.indexOf(question);
		const next = context.questions[index + 1];
		redirect(303, next ? `${base}/${next.position}` : `${base}/check`);
	}
};
