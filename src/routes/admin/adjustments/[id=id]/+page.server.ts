import { error, fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import {
	answerItem,
	arrangeItem,
	costTotals,
	loadAccessNeeds,
	loadRequest,
	markPapersReady,
	recordCost,
	tellAnswerChanged,
	tellArranged,
	tellPapersReady
} from '$lib/server/adjustments-staff';
import {
	ANSWER_FIELDS,
	ARRANGE_FIELDS,
	COST_FIELDS,
	parseAnswer,
	parseArrange,
	parseCost
} from '$lib/validation/adjustment-staff';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

const GONE = 'We could not find that request. The member may have cancelled it.';
const NOTICES = {
	answered: 'Your answer is saved. The member can see it now.',
	arranged: 'Saved what is arranged. The member can see it now.',
	all_arranged: 'Everything agreed is arranged. We have emailed the member to look at the portal.',
	costed: 'The costs are saved.',
	papers: 'Papers marked ready. We have emailed the member to look at the portal.'
} as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requirePermission(locals.user, 'arrange_adjustments');
	const id = Number(params.id);
	// An audited read: the database writes who read which member's request, and for which opportunity.
	const request = await loadRequest(locals.db, id);
	if (!request) error(404, GONE);
	const [totals, profile] = await Promise.all([
		costTotals(locals.db, request.opportunity.id),
		// The member's whole profile is read (and audited) only when staff ask to see it.
		url.searchParams.has('profile')
			? loadAccessNeeds(locals.db, request.member.id, request.opportunity.id)
			: Promise.resolve(undefined)
	]);
	const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((k) => url.searchParams.has(k));
	return {
		request,
		total: totals[0] ?? null,
		profile,
		notice: notice ? NOTICES[notice] : null,
		// One key per form, so a form sent twice (a double press, a retry) is done once.
		keys: Object.fromEntries(
			request.items.map((i) => [i.id, { answer: crypto.randomUUID(), arrange: crypto.randomUUID() }])
		)
	};
};

/** Each item's fields carry its id ("reason-12"), so the error summary links to the right field. */
function itemValues(form: FormData, fields: readonly string[]): Record<string, string> {
	const item = String(form.get('item') ?? '');
	const values: Record<string, string> = { item };
	for (const field of fields) {
		if (field === 'item') continue;
		const v = form.get(field === 'request_key' ? field : `${field}-${item}`);
		values[field] = typeof v === 'string' ? v : '';
	}
	return values;
}

const refused = (item: string, action: string, values: Record<string, string>, problem: string) =>
	fail(409, { item, action, values, errors: { form: problem } });

export const actions: Actions = {
	answer: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const values = itemValues(await readForm(request), ANSWER_FIELDS);
		const parsed = parseAnswer(values);
		if (!parsed.ok) return fail(400, { item: values.item, action: 'answer', values, errors: parsed.errors });
		const done = await answerItem(locals.db, parsed.data);
		if (!done.ok) return refused(values.item!, 'answer', values, done.problem);
		if (done.answered.changed_answer) await tellAnswerChanged(locals.db, done.answered);
		redirect(303, `/admin/adjustments/${params.id}?answered#item-${parsed.data.item}`);
	},
	arrange: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const values = itemValues(await readForm(request), ARRANGE_FIELDS);
		const parsed = parseArrange(values);
		if (!parsed.ok) return fail(400, { item: values.item, action: 'arrange', values, errors: parsed.errors });
		const done = await arrangeItem(locals.db, parsed.data);
		if (!done.ok) return refused(values.item!, 'arrange', values, done.problem);
		const { arranged } = done;
		if (arranged.all_arranged && !arranged.repeat) {
			await tellArranged(locals.db, arranged);
			redirect(303, `/admin/adjustments/${params.id}?all_arranged#item-${parsed.data.item}`);
		}
		redirect(303, `/admin/adjustments/${params.id}?arranged#item-${parsed.data.item}`);
	},
	cost: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const values = itemValues(await readForm(request), COST_FIELDS);
		const parsed = parseCost(values);
		if (!parsed.ok) return fail(400, { item: values.item, action: 'cost', values, errors: parsed.errors });
		const done = await recordCost(locals.db, parsed.data);
		if (!done.ok) return refused(values.item!, 'cost', values, done.problem);
		redirect(303, `/admin/adjustments/${params.id}?costed#item-${parsed.data.item}`);
	},
	papers: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const meeting = recordId((await readForm(request)).get('meeting'));
		if (meeting === null) error(400, 'This form is out of date. Open the request again.');
		const done = await markPapersReady(locals.db, Number(params.id), meeting);
		if (!done.ok)
			return fail(409, { item: '', action: 'papers', values: {}, errors: { form: done.problem } });
		const { ready } = done;
		if (ready.first_time) await tellPapersReady(locals.db, ready);
		redirect(303, `/admin/adjustments/${params.id}?papers#papers`);
	}
};
