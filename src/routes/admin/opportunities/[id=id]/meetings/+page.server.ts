import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { addMeeting, listMeetings } from '$lib/server/meetings';
import { getOpportunity } from '$lib/server/opportunities';
import { meetingValues, parseMeeting } from '$lib/validation/meeting';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

const NOTICES = ['added', 'saved', 'removed'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const meetings = await listMeetings(locals.db, id);
	const notice = NOTICES.find((k) => url.searchParams.has(k)) ?? null;
	const about = Number(url.searchParams.get(notice ?? '') ?? '');
	return {
		opportunity: { id: opportunity.id, title: opportunity.title, status: opportunity.status },
		meetings,
		now: Date.now(),
		notice,
		noticeAbout: meetings.find((m) => m.id === about) ?? null
	};
};

export const actions: Actions = {
	add: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		if (!(await getOpportunity(locals.db, id))) error(404, 'We could not find that opportunity.');
		const parsed = parseMeeting(meetingValues(await readForm(request)));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const added = await addMeeting(locals.db, id, parsed.data);
		redirect(303, `/admin/opportunities/${id}/meetings?added=${added}#meeting-${added}`);
	}
};
