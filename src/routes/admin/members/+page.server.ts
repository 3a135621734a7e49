import { fail } from '@sveltejs/kit';
import { inviteMember } from '$lib/server/members';
import {
	directoryFilters,
	findMembers,
	LAST_INVOLVED,
	LIVED_EXPERIENCE,
	MEMBER_STATUSES,
	REGIONS
} from '$lib/server/network';
import { TOPICS } from '$lib/opportunities';
import { sendMail } from '$lib/server/mail';
import { invitationEmail } from '$lib/server/mail/invitation';
import { formValues, parse, type FieldErrors, readForm } from '$lib/validation/form';
import { inviteSchema } from '$lib/validation/profile';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = directoryFilters(url.searchParams);
	return {
		filters,
		members: await findMembers(locals.db, filters),
		options: {
			statuses: MEMBER_STATUSES,
			last: LAST_INVOLVED,
			lived: LIVED_EXPERIENCE,
			regions: REGIONS,
			topics: TOPICS
		},
		invited: url.searchParams.get('invited')
	};
};

export const actions: Actions = {
	invite: async ({ locals, request, url }) => {
		if (!locals.user)
			return fail(401, { values: {}, errors: { email: 'Sign in again to invite members.' } as FieldErrors });
		const values = formValues(await readForm(request));
		const parsed = parse(inviteSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await inviteMember(locals.db, parsed.data, locals.user.id);
		if (!result.ok) {
			return fail(400, {
				values,
				errors: { email: 'Someone with this email address is already in Together.' } as FieldErrors
			});
		}
		await sendMail(invitationEmail({ email: parsed.data.email, name: parsed.data.full_name }, url.origin));
		return { invitedEmail: parsed.data.email };
	}
};
