import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { loadPapersDue, markPapersReady, tellPapersReady } from '$lib/server/adjustments-staff';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals.user, 'arrange_adjustments');
	// Audited: each request listed is a staff read of that member's request.
	const papers = await loadPapersDue(locals.db);
	return { papers, ready: url.searchParams.get('ready') };
};

export const actions: Actions = {
	ready: async ({ locals, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const form = await readForm(request);
		const requestId = recordId(form.get('request'));
		const meeting = recordId(form.get('meeting'));
		if (requestId === null || meeting === null)
			return fail(400, { problem: 'This form is out of date. Open the page again.' });
		const done = await markPapersReady(locals.db, requestId, meeting);
		if (!done.ok) return fail(409, { problem: done.problem });
		if (done.ready.first_time) await tellPapersReady(locals.db, done.ready);
		redirect(303, `/admin/adjustments/papers?ready=${encodeURIComponent(done.ready.meeting_title)}`);
	}
};
