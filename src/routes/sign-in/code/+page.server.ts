import { fail, redirect } from '@sveltejs/kit';
import { forgetSignIn, pendingSignIn, rememberSignIn, setSessionCookie } from '$lib/server/auth/cookies';
import { requestSignIn, verifyCode } from '$lib/server/auth/sign-in';
import { formValues, parse } from '$lib/validation/form';
import { codeSchema } from '$lib/validation/sign-in';
import { homeFor } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

const REASONS = {
	wrong: 'That code is not right. Check the email and enter the 6 numbers again.',
	expired: 'That code has expired or has been used. Ask for a new code.',
	too_many: 'That code has been tried too many times. Ask for a new code.',
	limited: 'There have been a lot of tries from here in a short time. Wait 10 minutes and try again.'
} as const;

export const load: PageServerLoad = ({ cookies, locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user));
	const pending = pendingSignIn(cookies);
	return { email: pending?.email ?? null };
};

export const actions: Actions = {
	verify: async ({ request, cookies, getClientAddress }) => {
		const pending = pendingSignIn(cookies);
		const values = formValues(await request.formData());
		if (!pending) return fail(400, { values, errors: { code: REASONS.expired }, expired: true });
		const parsed = parse(codeSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, expired: false });
		const result = await verifyCode(pending.requestId, parsed.data.code, getClientAddress());
		if (!result.ok) {
			return fail(400, {
				values,
				errors: { code: REASONS[result.reason] },
				expired: result.reason === 'expired' || result.reason === 'too_many'
			});
		}
		forgetSignIn(cookies);
		setSessionCookie(cookies, result.cookie);
		redirect(303, result.next);
	},
	resend: async ({ cookies, getClientAddress, url }) => {
		const pending = pendingSignIn(cookies);
		if (!pending) redirect(303, '/sign-in');
		const result = await requestSignIn(pending.email, getClientAddress(), url.origin, pending.next);
		if ('limited' in result) {
			return fail(429, {
				values: {} as Record<string, string>,
				errors: {
					code: 'You have asked for a lot of codes in a short time. Use a code we have already sent, or wait an hour.'
				},
				expired: false
			});
		}
		rememberSignIn(cookies, { ...pending, requestId: result.requestId }, url.protocol === 'https:');
		return { resent: true };
	}
};
