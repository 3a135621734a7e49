// What every apply page and action checks first: a signed-in member, the opportunity (not an event
// that takes bookings: those are booked on their page), and their application.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { applyContext, firstUnanswered, type ApplyContext } from '$lib/server/applications';
import { getEventSettings } from '$lib/server/bookings';
import { m } from '$lib/paraglide/messages';

export interface Member {
	id: string;
	email: string;
	name: string;
}

export async function memberContext(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<{ member: Member; context: ApplyContext }> {
	const { locals, url } = event;
	const id = Number((event.params as { id: string }).id);
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	if (await getEventSettings(locals.db, id)) redirect(303, `/opportunities/${id}`);
	const context = await applyContext(locals.db, locals.user.id, id);
	if (!context) error(404, m.err_404_opportunity());
	const { id: memberId, email, preferredName, fullName } = locals.user;
	return { member: { id: memberId, email, name: preferredName || fullName }, context };
}

/** Where a member goes next for a draft: the first question still to answer, or check your answers. */
export function nextStep(context: ApplyContext): string {
	const base = `/opportunities/${context.opportunity.id}/apply`;
	const next = firstUnanswered(context.questions, context.answers);
	return next ? `${base}/${next.position}` : `${base}/check`;
}
