import { fail, redirect } from '@sveltejs/kit';
import { ApplicationError, startApplication } from '$lib/server/applications';
import { memberContext, nextStep } from './guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { application } = await parent();
	if (application && application.status !== 'draft') redirect(303, `/my/applications/${application.id}`);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { context } = await memberContext(event);
		const { application } = context;
		if (application && application.status !== 'draft') redirect(303, `/my/applications/${application.id}`);
		try {
			const started = await startApplication(event.locals.db, context.opportunity.id);
			if (!application) context.application = started;
		} catch (e) {
			if (e instanceof ApplicationError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, nextStep(context));
	}
};
