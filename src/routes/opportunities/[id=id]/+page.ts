import type { PageLoad } from './$types';

// The booking panel (events and training that take bookings) is most of this page's code, with the
// words for access needs it shows. Its code is fetched only for an opportunity that has one, here,
// before the page is drawn or hydrated; other opportunities' pages do without it.
export const load: PageLoad = async ({ data }) => ({
	...data,
	Booking: data.booking ? (await import('$lib/components/Booking.svelte')).default : null
});
