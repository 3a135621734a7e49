import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import {
	getPlan,
	getProject,
	listFeedback,
	listPrinciples,
	listReflections,
	projectOpportunities,
	projectPeople,
	projectSpend,
	setOpportunityProject,
	unlinkedOpportunities
} from '$lib/server/projects';
import { planDone, summariseFeedback } from '$lib/projects';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const project = await getProject(locals.db, id);
	if (!project) error(404, 'We could not find that project.');
	const [opportunities, unlinked, people, spend, principles, plan, reflections, feedback] = await Promise.all(
		[
			projectOpportunities(locals.db, id),
			unlinkedOpportunities(locals.db),
			projectPeople(locals.db, id),
			projectSpend(locals.db, id),
			listPrinciples(locals.db),
			getPlan(locals.db, id),
			listReflections(locals.db, [id]),
			listFeedback(locals.db, [id])
		]
	);
	return {
		project,
		opportunities,
		unlinked,
		people,
		spend,
		planDone: planDone(principles, plan.entries),
		planStarted: plan.entries.length > 0,
		reflections,
		feedback: summariseFeedback(feedback),
		notice: ['added', 'saved', 'linked', 'unlinked', 'planned'].find((k) => url.searchParams.has(k)) ?? null
	};
};

const opportunityId = async (request: Request) => {
	return recordId((await readForm(request)).get('opportunity'));
};

export const actions: Actions = {
	link: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const opp = await opportunityId(request);
		if (!opp) return fail(400, { errors: { opportunity: 'Choose an opportunity to add' } });
		if (!(await setOpportunityProject(locals.db, opp, Number(params.id))))
			return fail(404, { errors: { opportunity: 'We could not find that opportunity' } });
		redirect(303, `/admin/projects/${params.id}?linked`);
	},
	unlink: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const opp = await opportunityId(request);
		if (opp) await setOpportunityProject(locals.db, opp, null);
		redirect(303, `/admin/projects/${params.id}?unlinked`);
	}
};
