import { listOpen } from '$lib/server/opportunities';
import { isClosingSoon } from '$lib/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const open = await listOpen(locals.db);
	const closingSoon = open.filter((o) => isClosingSoon(o));
	const others = open.filter((o) => !isClosingSoon(o));
	const newest = [...others]
		.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))
		.slice(0, 4);
	return { closingSoon, newest, openCount: open.length };
};
