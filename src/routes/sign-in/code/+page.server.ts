import { fail, redirect } from '@sveltejs/kit';
import { forgetSignIn, pendingSignIn, rememberSignIn, setSessionCookie } from '$lib/server/auth/cookies';
import { requestSignIn, verifyCode } from '$lib/server/auth/sign-in';
import { formValues, parse, readForm } from '$lib/validation/form';
import { codeSchema } from '$lib/validation/sign-in';
import { homeFor } from '$lib/server/auth/session';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const REASONS = {
	wrong: m.signin_err_wrong,
	expired: m.signin_err_expired,
	too_many: m.signin_err_too_many,
	limited: m.signin_err_limited
} as const;

export const load: PageServerLoad = ({ cookies, locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user));
	const pending = pendingSignIn(cookies);
	return { email: pending?.email ?? null };
};

export const actions: Actions = {
	verify: async ({ request, cookies, getClientAddress }) => {
		const pending = pendingSignIn(cookies);
		const values = formValues(await readForm(request));
		if (!pending) return fail(400, { values, errors: { code: REASONS.expired }, expired: true });
		const parsed = parse(codeSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, expired: false });
		const result = await verifyCode(pending.requestId, parsed.data.code, getClientAddress());
		if (!result.ok) {
			return fail(400, {
				values,
				errors: { code: REASONS[result.reason]() },
				expired: result.reason === 'expired' || result.reason === 'too_many'
			});
		}
		forgetSignIn(cookies);
		setSessionCookie(cookies, result.cookie);
		redirect(303, result.next);
	},
	resend: async ({ cookies, getClientAddress, url, locals }) => {
		const pending = pendingSignIn(cookies);
		if (!pending) redirect(303, '/sign-in');
		const result = await requestSignIn(
			pending.email,
			getClientAddress(),
			url.origin,
			pending.next,
			locals.locale
		);
		if ('limited' in result) {
			return fail(429, {
				values: {} as Record<string, string>,
				errors: {
					code: m.signin_err_many_codes()
				},
				expired: false
			});
		}
		rememberSignIn(cookies, { ...pending, requestId: result.requestId }, url.protocol === 'https:');
		return { resent: true };
	}
};
