// Staff: set up booking for an event or training, see the event's figures, and the list of who is
// coming with what each chose to share (printable). Shared access needs are read through the audited
// staff_event_bookings, and shown only to staff who arrange adjustments.
import { error, fail, redirect } from '@sveltejs/kit';
import { requirePermission, requireStaff } from '$lib/server/auth/guard';
import { hasPermission } from '$lib/server/auth/session';
import {
	BookingError,
	arrangeForBooking,
	eventFigures,
	getEventSettings,
	remindersForStaff,
	saveEventSettings,
	staffBookings
} from '$lib/server/bookings';
import { getOpportunity } from '$lib/server/opportunities';
import {
	eventSettingValues,
	eventSettingsToValues,
	parseEventSettings
} from '$lib/validation/event-settings';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const bookable = opportunity.type === 'event' || opportunity.type === 'training';
	const settings = bookable ? await getEventSettings(locals.db, id) : null;
	const [figures, bookings, reminders] = settings
		? await Promise.all([
				eventFigures(locals.db, id),
				staffBookings(locals.db, id),
				remindersForStaff(locals.db, id)
			])
		: [null, [], []];
	return {
		opportunity: { id, title: opportunity.title, type: opportunity.type, status: opportunity.status },
		bookable,
		settings,
		values: eventSettingsToValues(settings),
		figures,
		bookings,
		reminders,
		seesNeeds: hasPermission(locals.user, 'arrange_adjustments'),
		notice:
			url.searchParams.get('saved') !== null
				? 'saved'
				: url.searchParams.get('arranged') !== null
					? 'arranged'
					: null
	};
};

export const actions: Actions = {
	settings: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const parsed = parseEventSettings(eventSettingValues(await readForm(request)));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			await saveEventSettings(locals.db, id, parsed.data);
		} catch (e) {
			if (e instanceof BookingError)
				return fail(400, { values: eventSettingsToValues(parsed.data), errors: { places: e.message } });
			throw e;
		}
		redirect(303, `/admin/opportunities/${id}/bookings?saved`);
	},
	arrange: async ({ locals, params, request }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const id = Number(params.id);
		const form = await readForm(request);
		const booking = recordId(form.get('booking'));
		if (booking === null) error(400, 'This form is out of date. Open the page again.');
		const arranged = String(form.get(`arranged-${booking}`) ?? '').trim();
		if (arranged.length > 1000)
			return fail(400, { arrangeError: { booking, message: 'Write at most 1,000 characters' } });
		await arrangeForBooking(locals.db, booking, arranged);
		redirect(303, `/admin/opportunities/${id}/bookings?arranged#booking-${booking}`);
	}
};
