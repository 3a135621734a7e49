import { error, fail, redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/server/auth/session';
import { canScore } from '$lib/recruitment';
import { getRound, getScoringSheet, isOnPanel, listCriteria, saveScores } from '$lib/server/recruitment';
import { formValues, readForm } from '$lib/validation/form';
import { parseScores } from '$lib/validation/recruitment';
import type { Actions, PageServerLoad } from './$types';

async function find(locals: App.Locals, params: { id: string; application: string }) {
	const roundId = Number(params.id);
	const me = locals.user!.id;
	const round = await getRound(locals.db, roundId);
	if (!round) error(404, 'We could not find that recruitment round.');
	const [sheet, criteria, onPanel] = await Promise.all([
		getScoringSheet(locals.db, roundId, Number(params.application), me),
		listCriteria(locals.db, roundId),
		isOnPanel(locals.db, roundId, me)
	]);
	if (!sheet) error(404, 'We could not find that application in this round.');
	return { round, sheet, criteria, onPanel };
}

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	await parent(); // staff only: the admin layout checks who is asking first
	return await find(locals, params);
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		if (!isStaff(locals.user)) error(403, 'These pages are for the co-production team.');
		const { round, sheet, criteria, onPanel } = await find(locals, params);
		const form = await readForm(request);
		const values = formValues(form);
		if (!onPanel)
			return fail(403, { values, problem: 'You are not on this round’s panel, so you cannot score.' });
		if (!canScore(sheet.stage))
			return fail(403, {
				values,
				problem: 'Scores can no longer be changed: a decision has been made about this applicant.'
			});
		const parsed = parseScores(form, criteria);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const saved = await saveScores(locals.db, sheet.applicationId, locals.user!.id, parsed.data);
		if (!saved.ok)
			return fail(403, {
				values,
				problem:
					'Your scores could not be saved: only members of this round’s panel can score, and only while the applicant is shortlisted or invited to interview.'
			});
		redirect(303, `/admin/recruitment/${round.id}?scored=${sheet.applicationId}`);
	}
};
