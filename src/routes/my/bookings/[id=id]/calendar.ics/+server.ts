// The calendar file of a member's own booking (the same one the confirmation email carries).
import { error } from '@sveltejs/kit';
import { calendarOf, getMyBooking } from '$lib/server/bookings';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, m.err_401_calendar());
	const booking = await getMyBooking(locals.db, locals.user.id, Number(params.id));
	if (!booking) error(404, m.eventfb_not_found());
	const ics = calendarOf(booking, {
		email: locals.user.email,
		name: locals.user.preferredName ?? locals.user.fullName
	});
	if (!ics) error(404, m.err_404_calendar());
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${booking.id}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
