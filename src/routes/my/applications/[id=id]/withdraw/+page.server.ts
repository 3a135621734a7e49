import { fail, redirect } from '@sveltejs/kit';
import { canWithdraw } from '$lib/applications';
import { ApplicationError, withdrawApplication } from '$lib/server/applications';
import { titleWords } from '$lib/i18n/opportunity-words';
import { m } from '$lib/paraglide/messages';
import { ownApplication } from '../load.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { application, opportunity } = await ownApplication(event);
	if (!canWithdraw(application.status)) redirect(303, `/my/applications/${application.id}`);
	return {
		application,
		title: opportunity ? titleWords(opportunity, event.locals.locale).value : m.apps_this_opportunity()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { application } = await ownApplication(event);
		try {
			await withdrawApplication(event.locals.db, application.id);
		} catch (e) {
			if (e instanceof ApplicationError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, `/my/applications/${application.id}?withdrawn`);
	}
};
