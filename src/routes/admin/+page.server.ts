import { countByStatus } from '$lib/server/opportunities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ counts: await countByStatus(locals.db) });
