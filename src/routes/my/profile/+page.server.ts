import { error, fail, redirect } from '@sveltejs/kit';
import { getProfile, myLivedExperience, saveLivedExperience, updateProfile } from '$lib/server/members';
import { myWaitingRequest } from '$lib/server/data-rights';
import { formValues, parse, type FieldErrors, readForm } from '$lib/validation/form';
import { profileSchema } from '$lib/validation/profile';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/profile');
	const [profile, lived, deletion] = await Promise.all([
		getProfile(locals.db, locals.user.id),
		myLivedExperience(locals.db, locals.user.id),
		myWaitingRequest(locals.db, locals.user.id)
	]);
	if (!profile) error(404, m.profile_not_found());
	return {
		profile,
		lived,
		deletionAsked: deletion?.requested_at ?? null,
		editing: url.searchParams.has('edit'),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/profile');
		const values = formValues(await readForm(request));
		const parsed = parse(profileSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const p = parsed.data;
		if (!p.phone && p.contact_methods.some((m) => m === 'phone' || m === 'text')) {
			return fail(400, {
				values,
				errors: { phone: m.profile_err_phone_needed() } as FieldErrors
			});
		}
		const { lived_experience, ...changes } = p;
		await updateProfile(locals.db, locals.user.id, changes);
		await saveLivedExperience(locals.db, lived_experience);
		redirect(303, '/my/profile?saved');
	}
};
