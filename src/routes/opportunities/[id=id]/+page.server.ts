import { error, redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import Booking from '$lib/components/Booking.svelte';
import MeetingList from '$lib/components/MeetingList.svelte';
import PersonSpecification from '$lib/components/PersonSpecification.svelte';
import { bookingView } from '$lib/server/bookings';
import { myOpportunityState } from '$lib/server/opportunities';
import { opportunityPageForVisitors, readOpportunityPage } from '$lib/server/opportunity-page';
import { save, unsave } from '$lib/server/saved';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	// The member's own part is asked for at the same time as the opportunity; a visitor gets the
	// opportunity as every visitor does, kept for a few seconds.
	const mine = locals.user ? myOpportunityState(locals.db, id) : null;
	// Awaited below; if the opportunity is not found first, its failure must not go unhandled.
	mine?.catch(() => {});
	const found = locals.user
		? await readOpportunityPage(locals.db, id, true)
		: await opportunityPageForVisitors(locals.db, id);
	if (!found) error(404, m.err_404_opportunity());
	const { opportunity, meetings, criteria } = found;
	// Members who chose "easy read first" in their display settings get it unless they ask for standard.
	const easyFirst = locals.display.easyRead === 'on';
	const asked = url.searchParams.get('view');
	const view = asked === 'easy-read' || (easyFirst && asked !== 'standard') ? 'easy-read' : 'standard';
	const [me, booking] = await Promise.all([
		mine,
		// Events and training that take bookings show the booking panel instead of applying.
		bookingView(locals.db, locals.user, id, opportunity.status, url, found.settings)
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
