import { listRounds } from '$lib/server/recruitment';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { rounds: await listRounds(locals.db) };
};
