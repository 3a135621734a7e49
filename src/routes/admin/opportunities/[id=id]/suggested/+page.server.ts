import { error, fail, redirect } from '@sveltejs/kit';
import { getOpportunity } from '$lib/server/opportunities';
import { invitationsFor, inviteToOpportunity, suggestedMembers } from '$lib/server/matching';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const [suggestions, invitations] = await Promise.all([
		suggestedMembers(locals.db, id),
		invitationsFor(locals.db, id)
	]);
	return { opportunity, suggestions, invitations, invited: url.searchParams.get('invited') };
};

export const actions: Actions = {
	invite: async ({ locals, params, request }) => {
		const id = Number(params.id);
		const opportunity = await getOpportunity(locals.db, id);
		if (!opportunity) error(404, 'We could not find that opportunity.');
		const member = String((await readForm(request)).get('member') ?? '');
		const outcome = await inviteToOpportunity(locals.db, opportunity, member);
		if (outcome === 'not_open')
			return fail(400, { problem: 'This opportunity is not open, so members cannot be invited to apply.' });
		if (outcome === 'not_found') return fail(400, { problem: 'We could not find that member.' });
		const who =
			(await suggestedMembers(locals.db, id)).find((s) => s.member_id === member)?.name ?? 'The member';
		redirect(303, `/admin/opportunities/${id}/suggested?invited=${encodeURIComponent(who)}`);
	}
};
