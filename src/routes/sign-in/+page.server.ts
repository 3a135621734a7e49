import { fail, redirect } from '@sveltejs/kit';
import { rememberSignIn } from '$lib/server/auth/cookies';
import { requestSignIn, safeNext } from '$lib/server/auth/sign-in';
import { formValues, parse, readForm } from '$lib/validation/form';
import { signInSchema } from '$lib/validation/sign-in';
import { homeFor } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next ?? homeFor(locals.user));
	const ended = url.searchParams.get('ended') === 'idle' || cookies.get('together-ended') === '1';
	if (ended) cookies.delete('together-ended', { path: '/' });
	return { next, ended, signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		const form = await readForm(request);
		const values = formValues(form);
		const parsed = parse(signInSchema, values, values);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const next = safeNext(String(form.get('next') ?? ''));
		const result = await requestSignIn(
			parsed.data.email,
			getClientAddress(),
			url.origin,
			next,
			locals.locale
		);
		if ('limited' in result) {
			return fail(429, {
				values,
				errors: {
					email:
						'You have asked for a lot of codes in a short time. Use a code we have already sent, or wait an hour and try again.'
				}
			});
		}
		rememberSignIn(
			cookies,
			{ requestId: result.requestId, email: parsed.data.email, next },
			url.protocol === 'https:'
		);
		redirect(303, '/sign-in/code');
	}
};
