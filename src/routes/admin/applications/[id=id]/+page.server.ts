import { error, fail, redirect } from '@sveltejs/kit';
import { decisionLabel, decisionsFor } from '$lib/decisions';
import {
	addNote,
	closedToApplications,
	decisionEvents,
	emailDecision,
	getApplicationPage
} from '$lib/server/review';
import { requireStaff } from '$lib/server/auth/guard';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

const NOTE_MAX = 5000;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const application = await getApplicationPage(locals.db, Number(params.id));
	if (!application) error(404, 'We could not find that application.');
	const decided = url.searchParams.get('decided') ?? '';
	const outcome = decided ? await decisionEvents(locals.db, decided) : [];
	return {
		application,
		closed: closedToApplications(application.opportunity),
		decisions: decisionsFor(application.status).map((d) => ({
			decision: d,
			label: decisionLabel(d, application.status)
		})),
		decided: outcome.length > 0 ? { key: decided, events: outcome } : null,
		noteAdded: url.searchParams.has('noted')
	};
};

export const actions: Actions = {
	note: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const body = String((await readForm(request)).get('note') ?? '')
			.replace(/\r\n/g, '\n')
			.trim();
		if (!body) return fail(400, { note: '', errors: { note: 'Enter the note' } });
		if (body.length > NOTE_MAX)
			return fail(400, { note: body, errors: { note: `The note must be ${NOTE_MAX} characters or fewer` } });
		await addNote(locals.db, id, locals.user.id, body);
		redirect(303, `/admin/applications/${id}?noted#notes`);
	},
	/** Tries again to email a decision's messages that did not go. */
	resend: async ({ locals, params, request, url }) => {
		requireStaff(locals.user);
		const key = String((await readForm(request)).get('request_key') ?? '');
		await emailDecision(locals.db, key, url.origin);
		redirect(303, `/admin/applications/${params.id}?decided=${encodeURIComponent(key)}`);
	}
};
