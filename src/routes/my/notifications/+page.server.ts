import { error, fail, redirect } from '@sveltejs/kit';
import { TOPICS } from '$lib/opportunities';
import { getInterests, saveInterests } from '$lib/server/interests';
import { formValues, parse, readForm } from '$lib/validation/form';
import { interestsSchema } from '$lib/validation/interests';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/notifications');
	const interests = await getInterests(locals.db, locals.user.id);
	if (!interests) error(404, m.profile_not_found());
	return { interests, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/notifications');
		const current = await getInterests(locals.db, locals.user.id);
		if (!current) error(404, m.profile_not_found());
		const values = formValues(await readForm(request));
		// Topics the member chose before the list was fixed stay allowed, so saving never loses them.
		const parsed = parse(interestsSchema([...TOPICS, ...current.topics]), values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		await saveInterests(locals.db, locals.user.id, parsed.data);
		redirect(303, '/my/notifications?saved');
	}
};
