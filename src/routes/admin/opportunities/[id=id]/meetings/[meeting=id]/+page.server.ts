import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { getMeeting, removeMeeting, updateMeeting } from '$lib/server/meetings';
import { getOpportunity } from '$lib/server/opportunities';
import { meetingToValues, meetingValues, parseMeeting } from '$lib/validation/meeting';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

const GONE = 'We could not find that meeting. It may have been removed.';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const meeting = await getMeeting(locals.db, id, Number(params.meeting));
	if (!meeting) error(404, GONE);
	return {
		opportunity: { id: opportunity.id, title: opportunity.title },
		meeting,
		values: meetingToValues(meeting),
		confirmRemove: url.searchParams.has('remove')
	};
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const parsed = parseMeeting(meetingValues(await readForm(request)));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!(await updateMeeting(locals.db, id, Number(params.meeting), parsed.data))) error(404, GONE);
		redirect(303, `/admin/opportunities/${id}/meetings?saved=${params.meeting}#meeting-${params.meeting}`);
	},
	remove: async ({ locals, params }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const result = await removeMeeting(locals.db, id, Number(params.meeting));
		if (result === 'in_use')
			return fail(409, {
				removeRefused:
					'You cannot remove this meeting, because members have asked for adjustments for it. Change its date or place instead, and tell them.'
			});
		redirect(303, `/admin/opportunities/${id}/meetings?removed`);
	}
};
