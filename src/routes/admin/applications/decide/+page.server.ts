import { redirect } from '@sveltejs/kit';
import { commonDecisions, decisionLabel, isDecision } from '$lib/decisions';
import { getDecisionTargets, readIds } from '$lib/server/review';
import { decisionActions, needsTerm, startingValues } from '../decision-form.server';
import type { Actions, PageServerLoad } from './$types';

/** Where the queue was (its filters), so "back" returns to the same view. */
function backTo(url: URL): string {
	const back = new URLSearchParams(url.searchParams.get('back') ?? '');
	const keep = new URLSearchParams();
	for (const key of ['opportunity', 'status', 'q', 'sort']) {
		const v = back.get(key);
		if (v) keep.set(key, v);
	}
	return keep.toString();
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const back = backTo(url);
	const ids = readIds(url.searchParams.getAll('id'));
	const targets = await getDecisionTargets(locals.db, ids);
	if (targets.length === 0) redirect(303, `/admin/applications?${back ? `${back}&` : ''}none`);
	const statuses = targets.map((t) => t.status);
	const choices = commonDecisions(statuses);
	const raw = url.searchParams.get('decision');
	const chosen = isDecision(raw) && choices.includes(raw) ? raw : null;
	return {
		back,
		targets,
		choices: Object.fromEntries(choices.map((c) => [c, decisionLabel(c, statuses)])),
		// The choice form says it was sent, so pressing Continue without choosing shows an error.
		noChoice: url.searchParams.has('chosen') && !chosen,
		decision: chosen,
		label: chosen ? decisionLabel(chosen, statuses) : '',
		needsTerm: chosen ? needsTerm(chosen, targets) : false,
		values: chosen ? startingValues(chosen, targets) : {}
	};
};

export const actions: Actions = decisionActions(
	({ url }) => readIds(url.searchParams.getAll('id')),
	(key) => `/admin/applications?decided=${key}`
);
