// A guest's own page for their booking, opened from the link in our emails: see the place, cancel
// it in one step, and after the event say what they thought. The link is the only key, so the page
// is never cached and never indexed.
import { error, fail, redirect } from '@sveltejs/kit';
import { BookingError, cancelGuestBooking, giveGuestFeedback, guestBooking } from '$lib/server/bookings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const booking = await guestBooking(params.token);
	if (!booking) error(404, m.guestbooking_not_found());
	return { booking, notice: url.searchParams.get('done') };
};

const RATINGS = ['good', 'ok', 'not_good'] as const;
type Rating = (typeof RATINGS)[number];

export const actions: Actions = {
	cancel: async ({ params }) => {
		try {
			await cancelGuestBooking(params.token);
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, `/bookings/${params.token}?done=cancel`);
	},
	feedback: async ({ params, request }) => {
		const form = await readForm(request);
		const rating = String(form.get('rating') ?? '');
		const comment = String(form.get('comment') ?? '').trim();
		const errors: Record<string, string> = {};
		if (!RATINGS.includes(rating as Rating)) errors.rating = m.guestbooking_rating_missing();
		if (comment.length > 2000) errors.comment = m.guestbooking_comment_long();
		if (Object.keys(errors).length) return fail(400, { errors, values: { rating, comment } });
		try {
			await giveGuestFeedback(params.token, rating as Rating, comment || null);
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message, values: { rating, comment } });
			throw e;
		}
		redirect(303, `/bookings/${params.token}?done=feedback`);
	}
};
