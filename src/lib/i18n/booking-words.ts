// Words about meetings and bookings in the member's language: a meeting's date and times, and how
// long an offered place is kept. Apart from opportunity-words so that pages without bookings do
// without them.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { offerDeadline } from '$lib/booking-view';
import { formatMeetingWhen, formatTime } from '$lib/meetings';
import { dateWords } from './date-words';

/** As formatMeetingWhen in $lib/meetings, in the page's language. */
export function meetingWhenWords(w: { starts_at: string; ends_at: string }): string {
	if (getLocale() !== 'cy') return formatMeetingWhen(w);
	return m.when_range({
		date: dateWords(w.starts_at, true),
		from: formatTime(w.starts_at),
		to: formatTime(w.ends_at)
	});
}

/** As offerDeadline in $lib/booking-view, in the page's language. */
export function offerDeadlineWords(instant: string | null): string {
	if (getLocale() !== 'cy') return offerDeadline(instant);
	if (!instant) return m.book_soon();
	return m.book_offer_deadline({ time: formatTime(instant), date: dateWords(instant, true) });
}
