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
import { formValues, parse, type FieldErrors } from '$lib/validation/form';
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
		const values = formValues(await request.formData());
		const parsed = parse(inviteSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await inviteMember(locals.db, parsed.data, locals.user.id);
		if (!result.ok) {
			return fail(400, {
				values,
				errors: { email: 'Someone with this email address is already in Together.' } as FieldErrors
			});
		}
		await sendMail({
			to: parsed.data.email,
			subject: 'You are invited to Together',
			text:
				`Hello ${parsed.data.full_name},\n\n` +
				'The co-production team has invited you to Together, where you can find ways to take part in our work, ' +
				'and tell us what you need to take part.\n\n' +
				`To sign in, go to ${url.origin}/sign-in and enter this email address. We will send you a code. You do not need a password.\n\n` +
				'If you have questions, call us on 0161 000 0000.\n'
		});
		return { invitedEmail: parsed.data.email };
	}
};
