import { redirect } from '@sveltejs/kit';
import { createOpportunity } from '$lib/server/opportunities';
import { sendDueAlertsSoon } from '$lib/server/notifications';
import { readOpportunityForm } from '$lib/server/opportunity-form';
import { listJargon } from '$lib/server/easy-read';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ jargon: await listJargon(locals.db) });

function create(status: 'draft' | 'published') {
	return async ({ locals, request }: { locals: App.Locals; request: Request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/admin/opportunities/new');
		const read = await readOpportunityForm(request, status === 'published');
		if (read.failure) return read.failure;
		const id = await createOpportunity(locals.db, read.input, status, locals.user.id);
		if (status === 'published') sendDueAlertsSoon(); // emails members it matches, without waiting
		redirect(303, `/admin/opportunities/${id}?${status === 'published' ? 'published' : 'saved'}`);
	};
}

export const actions: Actions = { draft: create('draft'), publish: create('published') };
