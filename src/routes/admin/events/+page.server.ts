import { listEvents } from '$lib/server/bookings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ events: await listEvents(locals.db) });
