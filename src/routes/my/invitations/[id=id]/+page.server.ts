import { error, redirect } from '@sveltejs/kit';
import { answerInvitation, getInvitation } from '$lib/server/matching';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

function isOpen(o: { status: string; closes_at: string | null }): boolean {
	return o.status === 'published' && (!o.closes_at || Date.parse(o.closes_at) > Date.now());
}

/** Where saying yes leads: booking for events and training, otherwise the application. */
const nextStep = (o: { id: number; type: string }) =>
	o.type === 'event' || o.type === 'training' ? `/opportunities/${o.id}` : `/opportunities/${o.id}/apply`;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.user) redirect(303, `/sign-in?next=/my/invitations/${params.id}`);
	const invitation = await getInvitation(locals.db, Number(params.id));
	if (!invitation || invitation.member_id !== locals.user.id) error(404, m.err_404_invitation());
	return { invitation, open: isOpen(invitation.opportunity), next: nextStep(invitation.opportunity) };
};

export const actions: Actions = {
	accept: async ({ locals, params }) => {
		if (!locals.user) redirect(303, `/sign-in?next=/my/invitations/${params.id}`);
		const invitation = await getInvitation(locals.db, Number(params.id));
		if (!invitation || !(await answerInvitation(locals.db, invitation.id, true)))
			error(404, m.err_404_invitation());
		redirect(303, nextStep(invitation.opportunity));
	},
	decline: async ({ locals, params }) => {
		if (!locals.user) redirect(303, `/sign-in?next=/my/invitations/${params.id}`);
		if (!(await answerInvitation(locals.db, Number(params.id), false))) error(404, m.err_404_invitation());
		redirect(303, `/my/invitations/${params.id}`);
	}
};
