import { error, redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import Booking from '$lib/components/Booking.svelte';
import { takesPart } from '$lib/server/adjustments';
import { bookingView } from '$lib/server/bookings';
import { findMine } from '$lib/server/applications';
import { listUpcoming } from '$lib/server/meetings';
import { getOpportunity } from '$lib/server/opportunities';
import { listCriteria } from '$lib/server/recruitment';
import { isSaved, save, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	// What does not depend on the opportunity's own row is asked for at the same time as the row,
	// and the rest (which needs its type or status) as soon as it is there: two round trips, not three.
	const mine = Promise.all([
		locals.user ? isSaved(locals.db, id) : false,
		locals.user ? findMine(locals.db, locals.user.id, id) : null,
		// Members taking part can ask for adjustments for its meetings.
		locals.user ? takesPart(locals.db, locals.user.id, id) : false,
		listUpcoming(locals.db, id, !!locals.user)
	]);
	// Awaited below; if the opportunity is not found first, its failure must not go unhandled.
	mine.catch(() => {});
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, m.err_404_opportunity());
	// Members who chose "easy read first" in their display settings get it unless they ask for standard.
	const easyFirst = locals.display.easyRead === 'on';
	const asked = url.searchParams.get('view');
	const view = asked === 'easy-read' || (easyFirst && asked !== 'standard') ? 'easy-read' : 'standard';
	const [[saved, application, takingPart, meetings], criteria, booking] = await Promise.all([
		mine,
		// A steering group role shows the person specification the panel scores against.
		opportunity.type === 'steering_group_role' ? listCriteria(locals.db, id) : [],
		// Events and training that take bookings show the booking panel instead of applying.
		bookingView(locals.db, locals.user, id, opportunity.status, url)
	]);
	return {
		// The booking panel is plain forms that work without JavaScript, so it is drawn here and the
		// page's code does without it (its code and words are most of a page that has one).
		bookingHtml: booking
			? render(Booking, { props: { booking, opportunityId: id, easy: view === 'easy-read' } }).body
			: null,
		opportunity,
		view,
		easyFirst,
		saved,
		signedIn: !!locals.user,
		criteria,
		takingPart,
		meetings,
		application: application ? { id: application.id, status: application.status } : null
	};
};

export const actions: Actions = {
	save: async ({ locals, params, url }) => {
		const id = Number(params.id);
		if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(`/opportunities/${id}`)}`);
		await save(locals.db, locals.user.id, id);
		return { savedNow: true, view: url.searchParams.get('view') };
	},
	unsave: async ({ locals, params }) => {
		const id = Number(params.id);
		if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(`/opportunities/${id}`)}`);
		await unsave(locals.db, id);
		return { removedNow: true };
	}
};
