import { randomUUID } from 'node:crypto';
import { emailLanguage } from '$lib/server/mail/language';
import { fail, redirect } from '@sveltejs/kit';
import {
	ApplicationError,
	missingAnswers,
	sendConfirmation,
	submitApplication,
	type ApplyContext
} from '$lib/server/applications';
import { m } from '$lib/paraglide/messages';
import { readRequestKey } from '$lib/validation/application';
import { memberContext } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

function draftOnly(context: ApplyContext) {
	const { application } = context;
	const base = `/opportunities/${context.opportunity.id}/apply`;
	if (!application) redirect(303, base);
	if (application.status !== 'draft') redirect(303, `/my/applications/${application.id}`);
	if (!context.open) redirect(303, base);
	return application;
}

function missingList(context: ApplyContext) {
	return missingAnswers(context.questions, context.answers).map((q) => ({
		position: q.position,
		prompt: q.prompt
	}));
}

export const load: PageServerLoad = async ({ parent, locals }) => {
	const context = await parent();
	draftOnly(context);
	return {
		// A new key each time the page is shown: pressing Send twice, or the browser retrying, sends
		// the same key, and the database makes one application of it.
		requestKey: randomUUID(),
		email: locals.user?.email ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { member, context } = await memberContext(event);
		const base = `/opportunities/${context.opportunity.id}/apply`;
		const { application } = context;
		// Already sent (a second press of Send after the first went through): show what happened.
		if (application && application.status !== 'draft') redirect(303, `${base}/done`);
		// Closed while the member was offline: say so, rather than move them on without a word.
		if (application && !context.open)
			return fail(400, {
				problem: m.check_closed()
			});
		const draft = draftOnly(context);

		const form = await readForm(event.request);
		const requestKey = readRequestKey(form.get('request_key')) ?? randomUUID();
		const missing = missingList(context);
		if (missing.length > 0) return fail(400, { missing });

		try {
			const sent = await submitApplication(event.locals.db, draft.id, requestKey);
			if (sent.confirm) {
				const link = `${event.url.origin}/my/applications/${draft.id}`;
				// The member sees the confirmation page at once; the email follows.
				sendConfirmation(
					member,
					context.opportunity,
					link,
					emailLanguage(event.locals.user?.displaySettings)
				).catch((e) => console.error('Application confirmation email', e));
			}
		} catch (e) {
			if (e instanceof ApplicationError) {
				if (e.key === 'answers_missing') return fail(400, { missing });
				return fail(400, { problem: e.message });
			}
			throw e;
		}
		redirect(303, `${base}/done`);
	}
};
