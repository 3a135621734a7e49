import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { CONSENT_WORDING } from '$lib/adjustments';
import { AdjustmentError, getPassport, savePassport } from '$lib/server/adjustments';
import { passportSchema, toItems, toValues } from '$lib/validation/adjustments';
import { formValues, parse, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/access-needs/edit');
	const passport = await getPassport(locals.db, locals.user.id);
	return {
		values: {
			...toValues(passport?.items ?? []),
			share_with_staff: passport ? (passport.share_with_staff ? 'yes' : 'no') : ''
		},
		consent: passport?.consent ?? null,
		/** Has the member already agreed to the wording shown now? */
		agreed: passport?.consent.wording === CONSENT_WORDING,
		wording: CONSENT_WORDING
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/access-needs/edit');
		const values = formValues(await readForm(request));
		const parsed = parse(passportSchema, values, values);
		const current = await getPassport(locals.db, locals.user.id);
		const agreedAlready = current?.consent.wording === CONSENT_WORDING;
		const consentMissing = !agreedAlready && values.consent !== 'yes';
		if (!parsed.ok || consentMissing) {
			const errors = parsed.ok ? {} : { ...parsed.errors };
			if (consentMissing) errors.consent = m.needs_consent_missing();
			return fail(400, { values, errors });
		}
		try {
			await savePassport(
				locals.db,
				toItems(parsed.data),
				parsed.data.share_with_staff,
				parsed.data.consent === 'yes' ? CONSENT_WORDING : null
			);
		} catch (e) {
			if (e instanceof AdjustmentError) return fail(400, { values, errors: { form: e.message } });
			throw e;
		}
		redirect(303, '/my/access-needs?saved');
	}
};
