// Words for meetings, shared by staff and member pages: when, and what the venue offers.

/** The venue's access information, as staff and members read it. */
export const VENUE_ACCESS = {
	step_free: 'Step-free access',
	hearing_loop: 'Hearing loop',
	accessible_toilet: 'Accessible toilet',
	quiet_room: 'Quiet room',
	parking: 'Parking'
} as const;
export type VenueAccessKey = keyof typeof VENUE_ACCESS;
export const VENUE_ACCESS_KEYS = Object.keys(VENUE_ACCESS) as VenueAccessKey[];

const dayFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
	timeZone: 'Europe/London'
});

/** "10am", "2:30pm", "12 noon" in UK time. */
export function formatTime(instant: string): string {
	const t = timeFormat.format(new Date(instant)).replace(/\s/g, '').toLowerCase();
	if (t === '12:00pm') return '12 noon';
	return t.replace(':00', '');
}

/** "Thursday 17 December 2026, 10am to 4pm" (UK time). */
export function formatMeetingWhen(m: { starts_at: string; ends_at: string }): string {
	return `${dayFormat.format(new Date(m.starts_at)).replace(',', '')}, ${formatTime(m.starts_at)} to ${formatTime(m.ends_at)}`;
}

/** What the venue offers, as lines: "Step-free access: Yes". */
export function venueAccess(
	m: Record<VenueAccessKey, boolean | null>
): { key: VenueAccessKey; label: string; answer: string }[] {
	return VENUE_ACCESS_KEYS.map((key) => ({
		key,
		label: VENUE_ACCESS[key],
		answer: m[key] === true ? 'Yes' : m[key] === false ? 'No' : 'Not known yet'
	}));
}
