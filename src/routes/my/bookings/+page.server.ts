import { redirect } from '@sveltejs/kit';
import { listMyBookings } from '$lib/server/bookings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/bookings');
	return { bookings: await listMyBookings(locals.db, locals.user.id) };
};
