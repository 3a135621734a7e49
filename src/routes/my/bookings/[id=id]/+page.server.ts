import { error, fail, redirect } from '@sveltejs/kit';
import { BookingError, answerOffer, cancelBooking, getMyBooking } from '$lib/server/bookings';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const booking = await getMyBooking(locals.db, locals.user.id, Number(params.id));
	if (!booking) error(404, m.eventfb_not_found());
	return { booking, notice: url.searchParams.get('done') };
};

async function act(locals: App.Locals, id: number, what: 'cancel' | 'accept' | 'decline') {
	if (!locals.user) redirect(303, `/sign-in?next=/my/bookings/${id}`);
	try {
		if (what === 'cancel') await cancelBooking(locals.db, id);
		else await answerOffer(locals.db, id, what === 'accept');
	} catch (e) {
		if (e instanceof BookingError) return fail(400, { problem: e.message });
		throw e;
	}
	redirect(303, `/my/bookings/${id}?done=${what}`);
}

export const actions: Actions = {
	cancel: ({ locals, params }) => act(locals, Number(params.id), 'cancel'),
	accept: ({ locals, params }) => act(locals, Number(params.id), 'accept'),
	decline: ({ locals, params }) => act(locals, Number(params.id), 'decline')
};
