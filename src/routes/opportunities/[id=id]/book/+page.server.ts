// Booking a place: the forms of the Booking panel post here. Success goes back to the opportunity
// with what happened (?booking=…); a refusal shows this page with the problem and what was typed.
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import {
	BookingError,
	answerOffer,
	bookAsGuest,
	bookPlace,
	bookingView,
	cancelBooking,
	guestWithinLimit
} from '$lib/server/bookings';
import { getOpportunity } from '$lib/server/opportunities';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, m.err_book_opportunity_missing());
	const booking = await bookingView(locals.db, locals.user, id, opportunity.status, url);
	if (!booking) redirect(303, `/opportunities/${id}`);
	return { opportunity: { id, title: opportunity.title }, booking };
};

const back = (id: number, what: string) => `/opportunities/${id}?booking=${what}#booking`;

function answersFrom(form: FormData): { answers: string[]; errors: Record<string, string> } {
	const answers: string[] = [];
	const errors: Record<string, string> = {};
	for (let i = 0; i < 5; i++) {
		const value = form.get(`answer-${i}`);
		if (value === null) break;
		const text = String(value).trim();
		if (text.length > 1000) errors[`answer-${i}`] = m.err_book_answer_long();
		answers.push(text);
	}
	return { answers, errors };
}

function bookingId(form: FormData): number {
	const id = recordId(form.get('booking'));
	if (id === null) error(400, m.err_book_bad_booking());
	return id;
}

function signInFirst(id: number): never {
	redirect(303, `/sign-in?next=${encodeURIComponent(`/opportunities/${id}`)}`);
}

export const actions: Actions = {
	book: async ({ locals, params, request }) => {
		const id = Number(params.id);
		if (!locals.user) signInFirst(id);
		const form = await readForm(request);
		const share = form.getAll('share').map(String);
		const { answers, errors } = answersFrom(form);
		const values = { share, answers };
		if (Object.keys(errors).length) return fail(400, { errors, values });
		let status: string;
		try {
			status = (await bookPlace(locals.db, id, share, answers, String(form.get('request_key') ?? ''))).status;
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message, values });
			throw e;
		}
		redirect(303, back(id, status === 'booked' ? 'booked' : 'waiting'));
	},
	cancel: async ({ locals, params, request }) => {
		const id = Number(params.id);
		if (!locals.user) signInFirst(id);
		try {
			await cancelBooking(locals.db, bookingId(await readForm(request)));
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, back(id, 'cancelled'));
	},
	accept: async ({ locals, params, request }) => {
		const id = Number(params.id);
		if (!locals.user) signInFirst(id);
		try {
			await answerOffer(locals.db, bookingId(await readForm(request)), true);
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, back(id, 'accepted'));
	},
	decline: async ({ locals, params, request }) => {
		const id = Number(params.id);
		if (!locals.user) signInFirst(id);
		try {
			await answerOffer(locals.db, bookingId(await readForm(request)), false);
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message });
			throw e;
		}
		redirect(303, back(id, 'declined'));
	},
	guest: async ({ params, request, getClientAddress, locals }) => {
		const id = Number(params.id);
		const form = await readForm(request);
		const name = String(form.get('name') ?? '').trim();
		const email = String(form.get('email') ?? '')
			.trim()
			.toLowerCase();
		const { answers, errors } = answersFrom(form);
		if (name.length === 0) errors.name = m.err_book_name();
		else if (name.length > 120) errors.name = m.err_book_name_long();
		if (email.length === 0) errors.email = m.err_book_email();
		else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254)
			errors.email = m.err_book_email_format();
		const values = { name, email, answers };
		// Ordered as the fields are, so the error summary reads top to bottom.
		const ordered = Object.fromEntries(
			['name', 'email', ...answers.map((_, i) => `answer-${i}`)]
				.filter((k) => errors[k])
				.map((k) => [k, errors[k]!])
		);
		if (Object.keys(ordered).length) return fail(400, { errors: ordered, values });
		if (!(await guestWithinLimit(getClientAddress())))
			return fail(429, { problem: m.err_book_too_many(), values });
		let status: string;
		try {
			const key = String(form.get('request_key') ?? '');
			// The emails about the booking are in the language of this page.
			status = (await bookAsGuest(id, { name, email }, answers, key, locals.locale)).status;
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message, values });
			throw e;
		}
		redirect(303, back(id, status === 'booked' ? 'guest-booked' : 'guest-waiting'));
	}
};
