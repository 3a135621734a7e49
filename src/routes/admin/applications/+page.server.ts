import { redirect } from '@sveltejs/kit';
import { SENT_STATUSES } from '$lib/decisions';
import { APPLICATION_STATUSES } from '$lib/applications';
import {
	decisionEvents,
	emailDecision,
	listQueue,
	opportunitiesWithApplications,
	queueQuery,
	readQueueFilters
} from '$lib/server/review';
import { requireStaff } from '$lib/server/auth/guard';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readQueueFilters(url.searchParams);
	const decided = url.searchParams.get('decided') ?? '';
	const [applications, opportunities, outcome] = await Promise.all([
		listQueue(locals.db, filters),
		opportunitiesWithApplications(locals.db),
		decided ? decisionEvents(locals.db, decided) : Promise.resolve([])
	]);
	return {
		filters,
		query: queueQuery(filters),
		applications,
		opportunities: Object.fromEntries(opportunities.map((o) => [String(o.id), o.title])),
		statuses: Object.fromEntries(SENT_STATUSES.map((s) => [s, APPLICATION_STATUSES[s]])),
		noneChosen: url.searchParams.has('none'),
		decided: decided && outcome.length > 0 ? { key: decided, events: outcome } : null
	};
};

export const actions: Actions = {
	/** Tries again to email the messages of a decision whose email did not go. */
	resend: async ({ locals, request, url }) => {
		requireStaff(locals.user);
		const key = String((await readForm(request)).get('request_key') ?? '');
		await emailDecision(locals.db, key, url.origin);
		redirect(303, `/admin/applications?decided=${encodeURIComponent(key)}`);
	}
};
