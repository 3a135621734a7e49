import { fail, redirect } from '@sveltejs/kit';
import { ApplicationError, answerOffer } from '$lib/server/applications';
import { ownApplication } from '../load.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { application, opportunity } = await ownApplication(event);
	if (application.status !== 'offered') redirect(303, `/my/applications/${application.id}`);
	return { application, title: opportunity?.title ?? 'this opportunity' };
};

export const actions: Actions = {
	default: async (event) => {
		const { application } = await ownApplication(event);
		try {
			await answerOffer(event.locals.db, application.id, false);
		} catch (e) {
			if (e instanceof ApplicationError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, `/my/applications/${application.id}?declined`);
	}
};
