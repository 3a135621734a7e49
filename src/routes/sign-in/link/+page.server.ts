import { fail, redirect } from '@sveltejs/kit';
import { forgetSignIn, setSessionCookie } from '$lib/server/auth/cookies';
import { verifyLink } from '$lib/server/auth/sign-in';
import { homeFor } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

// Opening the link only shows a button: email scanners that visit links must not use up the sign-in.
export const load: PageServerLoad = ({ url, locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user));
	const token = url.searchParams.get('token') ?? '';
	return { token: /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const token = String((await readForm(request)).get('token') ?? '');
		const result = /^[A-Za-z0-9_-]{43}$/.test(token) ? await verifyLink(token, getClientAddress()) : null;
		if (!result || !result.ok) return fail(400, { failed: true });
		forgetSignIn(cookies);
		setSessionCookie(cookies, result.cookie);
		redirect(303, result.next);
	}
};
