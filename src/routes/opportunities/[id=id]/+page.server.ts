import { error, redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import Booking from '$lib/components/Booking.svelte';
import MeetingList from '$lib/components/MeetingList.svelte';
import PersonSpecification from '$lib/components/PersonSpecification.svelte';
import { bookingView } from '$lib/server/bookings';
import { getOpportunityAndUpcoming, withLinks } from '$lib/server/meetings';
import { myOpportunityState } from '$lib/server/opportunities';
import { listCriteria } from '$lib/server/recruitment';
import { save, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	// What does not depend on the opportunity's own row is asked for at the same time as the row
	// (with its meetings to come), and the rest (which needs its type or status, or the meetings)
	// as soon as it is there: two round trips, not three.
	const mine = locals.user ? myOpportunityState(locals.db, id) : null;
	// Awaited below; if the opportunity is not found first, its failure must not go unhandled.
	mine?.catch(() => {});
	const found = await getOpportunityAndUpcoming(locals.db, id);
	if (!found) error(404, m.err_404_opportunity());
	const { opportunity } = found;
	// Members who chose "easy read first" in their display settings get it unless they ask for standard.
	const easyFirst = locals.display.easyRead === 'on';
	const asked = url.searchParams.get('view');
	const view = asked === 'easy-read' || (easyFirst && asked !== 'standard') ? 'easy-read' : 'standard';
	const [me, meetings, criteria, booking] = await Promise.all([
		mine,
		withLinks(locals.db, found.upcoming, !!locals.user),
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
		// The meetings ahead and a role's person specification are words and links only: drawn here too.
		meetingsHtml: render(MeetingList, { props: { meetings, easy: view === 'easy-read' } }).body,
		criteriaHtml: render(PersonSpecification, { props: { criteria } }).body,
		opportunity,
		view,
		easyFirst,
		saved: me?.saved ?? false,
		signedIn: !!locals.user,
		takingPart: me?.takingPart ?? false,
		application: me?.application ?? null
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
