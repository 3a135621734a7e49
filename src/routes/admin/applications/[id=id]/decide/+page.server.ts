import { error } from '@sveltejs/kit';
import { decisionLabel, decisionsFor, isDecision } from '$lib/decisions';
import { getDecisionTargets } from '$lib/server/review';
import { decisionActions, misfits, needsTerm, startingValues } from '../../decision-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const [target] = await getDecisionTargets(locals.db, [Number(params.id)]);
	if (!target) error(404, 'We could not find that application.');
	const raw = url.searchParams.get('decision');
	const decision = isDecision(raw) ? raw : null;
	return {
		target,
		decision,
		label: decision ? decisionLabel(decision, target.status) : '',
		problem: !decision
			? 'Choose a decision on the application page.'
			: (misfits(decision, [target])[0] ?? null),
		choices: decisionsFor(target.status),
		needsTerm: decision ? needsTerm(decision, [target]) : false,
		values: decision ? startingValues(decision, [target]) : {}
	};
};

export const actions: Actions = decisionActions(
	({ params }) => [Number(params.id)],
	(key, [id]) => `/admin/applications/${id}?decided=${key}`
);
