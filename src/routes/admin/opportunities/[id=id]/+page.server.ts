import { error, fail, redirect } from '@sveltejs/kit';
import { getOpportunity, history, setStatus, ukDay, updateOpportunity } from '$lib/server/opportunities';
import { readOpportunityForm } from '$lib/server/opportunity-form';
import { sendDueAlertsSoon } from '$lib/server/notifications';
import { listQuestions } from '$lib/server/question-editor';
import { countMeetings } from '$lib/server/meetings';
import { closedToApplications } from '$lib/server/review';
import { opportunityToValues } from '$lib/validation/opportunity';
import { listJargon } from '$lib/server/easy-read';
import { opportunityProjectChoice, setOpportunityProject } from '$lib/server/projects';
import { requireStaff } from '$lib/server/auth/guard';
import type { OpportunityStatus } from '$lib/opportunities';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const notice =
		['published', 'saved', 'closed', 'draft', 'project'].find((k) => url.searchParams.has(k)) ?? null;
	return {
		opportunity,
		values: opportunityToValues(opportunity, ukDay(opportunity.closes_at)),
		history: locals.user?.role === 'admin' ? await history(locals.db, id) : [],
		questionCount: (await listQuestions(locals.db, id)).length,
		meetingCount: await countMeetings(locals.db, id),
		closedToApplications: opportunity.status !== 'draft' && closedToApplications(opportunity),
		jargon: await listJargon(locals.db),
		project: await opportunityProjectChoice(locals.db, id),
		notice
	};
};

function save(status: OpportunityStatus | null) {
	return async ({
		locals,
		request,
		params
	}: {
		locals: App.Locals;
		request: Request;
		params: { id: string };
	}) => {
		const id = Number(params.id);
		const current = await getOpportunity(locals.db, id);
		if (!current) error(404, 'We could not find that opportunity.');
		const read = await readOpportunityForm(request, (status ?? current.status) === 'published');
		if (read.failure) return read.failure;
		if (!(await updateOpportunity(locals.db, id, read.input, status ?? undefined))) {
			return fail(403, { values: {}, errors: { form: 'You cannot change this opportunity.' } });
		}
		if (status === 'published') sendDueAlertsSoon(); // emails members it matches, without waiting
		redirect(303, `/admin/opportunities/${id}?${status === 'published' ? 'published' : 'saved'}`);
	};
}

function move(status: OpportunityStatus, notice: string) {
	return async ({ locals, params }: { locals: App.Locals; params: { id: string } }) => {
		const id = Number(params.id);
		if (!(await setStatus(locals.db, id, status))) error(404, 'We could not find that opportunity.');
		redirect(303, `/admin/opportunities/${id}?${notice}`);
	};
}

export const actions: Actions = {
	save: save(null),
	publish: save('published'),
	close: move('closed', 'closed'),
	draft: move('draft', 'draft'),
	project: async ({ locals, request, params }) => {
		requireStaff(locals.user);
		const raw = String((await readForm(request)).get('project_id') ?? '');
		const projectId = raw === '' ? null : recordId(raw);
		if (raw !== '' && projectId === null) error(400, 'Choose a project from the list.');
		if (!(await setOpportunityProject(locals.db, Number(params.id), projectId)))
			error(404, 'We could not find that opportunity or that project. Open the page again.');
		redirect(303, `/admin/opportunities/${params.id}?project`);
	}
};
