import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { askToBeDeleted, cancelDeletion, myWaitingRequest } from '$lib/server/data-rights';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/data/delete');
	return {
		waiting: await myWaitingRequest(locals.db, locals.user.id),
		key: randomUUID(),
		cancelled: url.searchParams.has('cancelled'),
		isMember: locals.user.role === 'member'
	};
};

export const actions: Actions = {
	ask: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/data/delete');
		const key = String((await readForm(request)).get('request_key') ?? '');
		// The key makes a retried or repeated press one request.
		await askToBeDeleted(locals.db, /^[0-9a-f-]{36}$/.test(key) ? key : randomUUID());
		redirect(303, '/my/data/delete');
	},
	cancel: async ({ locals }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/data/delete');
		await cancelDeletion(locals.db);
		redirect(303, '/my/data/delete?cancelled');
	}
};
