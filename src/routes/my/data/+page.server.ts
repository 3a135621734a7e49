import { myData } from '$lib/server/data-rights';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ data: await myData(locals.db) });
