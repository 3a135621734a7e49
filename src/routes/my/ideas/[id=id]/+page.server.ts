import { error, redirect } from '@sveltejs/kit';
import { getCall, getIdea } from '$lib/server/ideas';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=/my/ideas/${params.id}`);
	const idea = await getIdea(locals.db, Number(params.id));
	if (!idea || idea.member_id !== locals.user.id) error(404, m.err_404_idea());
	const call = await getCall(locals.db, idea.call_id);
	if (!call) error(404, m.err_404_idea());
	return { idea, call, sent: url.searchParams.has('sent') };
};
