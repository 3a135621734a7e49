// What the booking panel is given (from $lib/server/bookings), shared by member pages.
import type { NeedItem } from './adjustments';
import type { BookingStatus } from './events';
import { formatTime } from './meetings';

export interface BookingView {
	panel: {
		settings: { places: number; public_booking: boolean; questions: string[] };
		places: { places: number; left: number; guests_left: number; waiting: number };
		open: boolean;
		starts_at: string | null;
		ends_at: string | null;
		mine: {
			id: number;
			status: BookingStatus;
			offer_expires_at: string | null;
			position: number | null;
		} | null;
		needs: NeedItem[];
	};
	signedIn: boolean;
	requestKey: string;
	/** What just happened, from the address after a booking action (?booking=booked). */
	flash: string | null;
}

const day = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: 'Europe/London'
});

/** "5pm on Saturday 28 November" (UK time). */
export function offerDeadline(instant: string | null): string {
	if (!instant) return 'soon';
	return `${formatTime(instant)} on ${day.format(new Date(instant)).replace(',', '')}`;
}
