import { redirect } from '@sveltejs/kit';
import { endAllSessions, endSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in');
	return {};
};

export const actions: Actions = {
	signout: async ({ locals, cookies }) => {
		if (locals.session) setSessionCookie(cookies, await endSession(locals.session.id));
		redirect(303, '/sign-in?signed-out');
	},
	everywhere: async ({ locals, cookies }) => {
		if (locals.user) setSessionCookie(cookies, await endAllSessions(locals.user.id));
		redirect(303, '/sign-in?signed-out');
	}
};
