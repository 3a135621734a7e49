import { fail, redirect } from '@sveltejs/kit';
import { displaySchema, safeReturnPath } from '$lib/preferences/display';
import { saveToProfile, setDisplayCookie } from '$lib/server/display';
import { formValues, parse, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	settings: locals.display,
	from: safeReturnPath(url.searchParams.get('from')),
	saved: url.searchParams.has('saved'),
	signedIn: !!locals.user
});

export const actions: Actions = {
	default: async ({ locals, request, cookies, url }) => {
		const values = formValues(await readForm(request));
		const from = safeReturnPath(typeof values.from === 'string' ? values.from : null);
		const parsed = parse(displaySchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		setDisplayCookie(cookies, url, parsed.data);
		if (locals.user) await saveToProfile(locals.db, locals.user.id, parsed.data);
		redirect(303, `/settings/display?saved&from=${encodeURIComponent(from)}`);
	}
};
