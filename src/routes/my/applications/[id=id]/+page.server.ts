import { fail, redirect } from '@sveltejs/kit';
import { canWithdraw } from '$lib/applications';
import { ApplicationError, answerOffer, firstUnanswered, isOpen } from '$lib/server/applications';
import { ownApplication } from './load.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const detail = await ownApplication(event);
	const { application, opportunity, questions, answers } = detail;
	const open = !!opportunity && isOpen(opportunity);
	const base = `/opportunities/${application.opportunity_id}/apply`;
	const next = firstUnanswered(questions, answers);
	const notice = ['saved', 'withdrawn', 'accepted', 'declined'].find((n) => event.url.searchParams.has(n));
	return {
		...detail,
		open,
		continueHref: next ? `${base}/${next.position}` : `${base}/check`,
		withdrawable: canWithdraw(application.status),
		notice: notice ?? null
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const { application } = await ownApplication(event);
		try {
			await answerOffer(event.locals.db, application.id, true);
		} catch (e) {
			if (e instanceof ApplicationError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, `/my/applications/${application.id}?accepted`);
	}
};
