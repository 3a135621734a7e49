// Booking a place on an event or training: statuses, error keys in plain words, and reminder words.
// The keys mirror supabase/migrations/20261127130000_events_booking.sql.

export const BOOKING_STATUSES = ['booked', 'waiting', 'offered', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
	booked: 'Booked',
	waiting: 'On the waiting list',
	offered: 'Place offered to you',
	cancelled: 'Cancelled'
};

export const BOOKING_STATUS_TONES: Record<BookingStatus, 'green' | 'blue' | 'yellow' | 'grey'> = {
	booked: 'green',
	waiting: 'blue',
	offered: 'yellow',
	cancelled: 'grey'
};

export const BOOKING_ERRORS = {
	not_allowed: 'You cannot do that with this booking.',
	not_found: 'We could not find that booking.',
	not_bookable: 'This event is not taking bookings.',
	booking_closed: 'Booking for this event has closed.',
	no_public_booking: 'This event is for members only. Sign in to book.',
	invalid_answers: 'Your answers are too long. Keep each one under 1,000 characters.',
	invalid_guest: 'Enter your name and an email address like name@example.com.',
	wrong_status: 'This booking has changed since you looked. Check it again below.',
	offer_expired: 'Sorry, the time to accept this place has run out, so it went to the next person.',
	event_started:
		'The event has started, so the place can no longer be cancelled here. Please call us on 0161 000 0000.'
} as const;
export type BookingErrorKey = keyof typeof BOOKING_ERRORS;

export function isBookingErrorKey(key: string): key is BookingErrorKey {
	return key in BOOKING_ERRORS;
}

/** "in 7 days", "tomorrow", for reminders. */
export function daysAhead(days: number): string {
	if (days === 1) return 'tomorrow';
	if (days === 7) return 'in a week';
	return `in ${days} days`;
}

/** Reminder days as staff type them: "7, 1" → [7, 1]; null when not understood. */
export function parseReminderDays(text: string): number[] | null {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	const parts = trimmed.split(/[\s,]+/).filter(Boolean);
	const days = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
	if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 60) || days.length > 4) return null;
	return [...new Set(days)].sort((a, b) => b - a);
}
