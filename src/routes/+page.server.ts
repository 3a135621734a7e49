import { listOpen, listOpenForVisitors } from '$lib/server/opportunities';
import { isClosingSoon } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Visitors share a list kept for a few seconds (as on the opportunities page); members ask as themselves.
	const open = await (locals.user ? listOpen : listOpenForVisitors)(locals.db);
	const closingSoon = open.filter((o) => isClosingSoon(o));
	const others = open.filter((o) => !isClosingSoon(o));
	const newest = [...others]
		.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))
		.slice(0, 4);
	return { closingSoon, newest, openCount: open.length };
};
