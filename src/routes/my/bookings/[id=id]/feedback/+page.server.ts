import { error, fail, redirect } from '@sveltejs/kit';
import { BookingError, getMyBooking, giveFeedback } from '$lib/server/bookings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const booking = await getMyBooking(locals.db, locals.user.id, Number(params.id));
	if (!booking) error(404, m.eventfb_not_found());
	return {
		booking: { id: booking.id, title: booking.title, feedback: booking.feedback, attended: booking.attended }
	};
};

const RATINGS = ['good', 'ok', 'not_good'] as const;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const id = Number(params.id);
		if (!locals.user) redirect(303, `/sign-in?next=/my/bookings/${id}/feedback`);
		const form = await readForm(request);
		const rating = String(form.get('rating') ?? '');
		const comment = String(form.get('comment') ?? '').trim();
		const errors: Record<string, string> = {};
		if (!RATINGS.includes(rating as (typeof RATINGS)[number])) errors.rating = m.eventfb_err_rating();
		if (comment.length > 2000) errors.comment = m.eventfb_err_long();
		if (Object.keys(errors).length) return fail(400, { errors, values: { rating, comment } });
		try {
			await giveFeedback(locals.db, id, rating as (typeof RATINGS)[number], comment || null);
		} catch (e) {
			if (e instanceof BookingError)
				return fail(400, { errors: { rating: e.message }, values: { rating, comment } });
			throw e;
		}
		redirect(303, `/my/bookings/${id}?done=feedback`);
	}
};
