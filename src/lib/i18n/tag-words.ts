// The status names on an application's and a booking's tag, in the page's language. Apart from
// status-words (claims, payments, adjustments) so that pages showing only these tags do without those.
import type { ApplicationStatus } from '$lib/applications';
import type { BookingStatus } from '$lib/events';
import { m } from '$lib/paraglide/messages';

const APPLICATION: Record<ApplicationStatus, () => string> = {
	draft: m.status_app_draft,
	submitted: m.status_app_submitted,
	shortlisted: m.status_app_shortlisted,
	interview: m.status_app_interview,
	offered: m.status_app_offered,
	accepted: m.status_app_accepted,
	not_selected: m.status_app_not_selected,
	withdrawn: m.status_app_withdrawn
};
const BOOKING: Record<BookingStatus, () => string> = {
	booked: m.status_booking_booked,
	waiting: m.status_booking_waiting,
	offered: m.status_booking_offered,
	cancelled: m.status_booking_cancelled
};

export const applicationStatusWords = (s: ApplicationStatus): string => APPLICATION[s]();
export const bookingStatusWords = (s: BookingStatus): string => BOOKING[s]();
