import { redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { listMine } from '$lib/server/applications';
import { closingSoonest, countOpen } from '$lib/server/opportunities';
import { listSaved } from '$lib/server/saved';
import { myFeedbackActivities } from '$lib/server/projects';
import { forHomePage } from '$lib/server/matching';
import MoreCards from './MoreCards.svelte';
import type { PageServerLoad } from './$types';

/** Applications waiting for the member come first: an offer to answer, then drafts to finish. */
const ORDER = ['offered', 'interview', 'draft'];

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my');
	const [closingSoon, openCount, applications, saved, feedback, match] = await Promise.all([
		closingSoonest(locals.db, 3),
		countOpen(locals.db),
		listMine(locals.db, locals.user.id),
		listSaved(locals.db),
		myFeedbackActivities(locals.db),
		forHomePage(locals.db, locals.user.id)
	]);
	const rank = (status: string) => (ORDER.includes(status) ? ORDER.indexOf(status) : ORDER.length);
	return {
		closingSoon,
		// Plain links and words, drawn here: the page's code does without them (see MoreCards.svelte).
		moreHtml: render(MoreCards, { props: { openCount } }).body,
		applications: applications
			.map((a, i) => ({ a, i }))
			.sort((x, y) => rank(x.a.status) - rank(y.a.status) || x.i - y.i)
			.map(({ a }) => a)
			.slice(0, 5),
		applicationCount: applications.length,
		saved: saved.slice(0, 5),
		savedCount: saved.length,
		feedbackDue: feedback.filter((a) => !a.given),
		match
	};
};
