import { deletionQueue } from '$lib/server/data-rights';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await deletionQueue(locals.db)),
	isAdmin: locals.user?.role === 'admin',
	notice: url.searchParams.get('done')
});
