// The status names on a booking's tag, in the page's language. Apart from status-words (claims,
// payments, adjustments) so that pages showing only this tag do without those.
import type { BookingStatus } from '$lib/events';
import { m } from '$lib/paraglide/messages';

const BOOKING: Record<BookingStatus, () => string> = {
	booked: m.status_booking_booked,
	waiting: m.status_booking_waiting,
	offered: m.status_booking_offered,
	cancelled: m.status_booking_cancelled
};

export const bookingStatusWords = (s: BookingStatus): string => BOOKING[s]();
