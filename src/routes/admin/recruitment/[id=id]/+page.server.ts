import { error, fail, redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/server/auth/session';
import {
	addCriterion,
	addPanelMember,
	getRound,
	listCriteria,
	listPanel,
	listStaff,
	moveCriterion,
	removePanelMember,
	roundScoring
} from '$lib/server/recruitment';
import { formValues, parse, readForm, recordId, type FieldErrors } from '$lib/validation/form';
import { MAX_CRITERIA, criterionSchema, panelMemberSchema } from '$lib/validation/recruitment';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['criterion-added', 'criterion-changed', 'criterion-removed', 'panel-added', 'panel-removed'];

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
	await parent(); // staff only: the admin layout checks who is asking first
	const id = Number(params.id);
	const round = await getRound(locals.db, id);
	if (!round) error(404, 'We could not find that recruitment round.');
	const me = locals.user!.id;
	const [criteria, panel, staff] = await Promise.all([
		listCriteria(locals.db, id),
		listPanel(locals.db, id),
		listStaff(locals.db)
	]);
	const scoring = await roundScoring(locals.db, id, me, criteria, panel);
	const scored = Number(url.searchParams.get('scored'));
	return {
		round,
		criteria,
		panel,
		onPanel: panel.some((p) => p.id === me),
		me,
		// Who can still be added: active staff not already on the panel.
		staffToAdd: staff.filter((s) => !panel.some((p) => p.id === s.id)),
		...scoring,
		maxCriteria: MAX_CRITERIA,
		notice: NOTICES.find((n) => url.searchParams.has(n)) ?? null,
		scoredName: scoring.applicants.find((a) => a.applicationId === scored)?.name ?? null
	};
};

function staffOnly(locals: App.Locals) {
	if (!isStaff(locals.user)) error(403, 'These pages are for the co-production team.');
	return locals.user!;
}

async function roundOr404(locals: App.Locals, params: { id: string }) {
	const id = Number(params.id);
	if (!(await getRound(locals.db, id))) error(404, 'We could not find that recruitment round.');
	return id;
}

export const actions: Actions = {
	addCriterion: async ({ locals, params, request }) => {
		staffOnly(locals);
		const id = await roundOr404(locals, params);
		const values = formValues(await readForm(request));
		const parsed = parse(criterionSchema, values, values);
		if (!parsed.ok) return fail(400, { form: 'criterion', values, errors: parsed.errors });
		const result = await addCriterion(locals.db, id, parsed.data);
		if (!result.ok) {
			const message =
				result.reason === 'too_many'
					? `A person specification can have up to ${MAX_CRITERIA} criteria. Remove one before adding another.`
					: 'You cannot change this person specification.';
			return fail(400, { form: 'criterion', values, errors: { title: message } as FieldErrors });
		}
		redirect(303, `/admin/recruitment/${id}?criterion-added#criteria`);
	},

	move: async ({ locals, params, request }) => {
		staffOnly(locals);
		const id = await roundOr404(locals, params);
		const form = await readForm(request);
		const criterion = recordId(form.get('criterion'));
		const direction = form.get('direction');
		if (criterion === null || (direction !== 'up' && direction !== 'down'))
			error(400, 'Choose a criterion to move.');
		const result = await moveCriterion(locals.db, criterion, direction === 'up');
		if (!result.ok) error(result.reason === 'not_found' ? 404 : 403, 'You cannot move that criterion.');
		redirect(303, `/admin/recruitment/${id}#criterion-${criterion}`);
	},

	addPanel: async ({ locals, params, request }) => {
		staffOnly(locals);
		const id = await roundOr404(locals, params);
		const values = formValues(await readForm(request));
		const parsed = parse(panelMemberSchema, values, values);
		if (!parsed.ok) return fail(400, { form: 'panel', values, errors: parsed.errors });
		const result = await addPanelMember(locals.db, id, parsed.data.staff_id);
		if (!result.ok) {
			return fail(400, {
				form: 'panel',
				values,
				errors: {
					staff_id: 'Choose someone on the co-production team who is still working here.'
				} as FieldErrors
			});
		}
		redirect(303, `/admin/recruitment/${id}?panel-added#panel`);
	},

	removePanel: async ({ locals, params, request }) => {
		staffOnly(locals);
		const id = await roundOr404(locals, params);
		const staffId = String((await readForm(request)).get('staff_id') ?? '');
		if (!/^[0-9a-f-]{36}$/.test(staffId)) error(400, 'Choose who to remove from the panel.');
		await removePanelMember(locals.db, id, staffId);
		redirect(303, `/admin/recruitment/${id}?panel-removed#panel`);
	}
};
