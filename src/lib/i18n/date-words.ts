// Dates in the page's language. Kept apart from ./opportunity-words so that what every page shows
// (the layout's offline status) carries only these few lines.
import { formatDate } from '$lib/opportunities';
import { getLocale } from '$lib/paraglide/runtime';

/** A date in the page's language ("14 March 2027", "14 Mawrth 2027"). */
export function dateWords(value: string | null, long = false): string {
	if (!value) return '';
	if (getLocale() !== 'cy') return formatDate(value, long);
	return welshDate(new Date(value.length === 10 ? `${value}T12:00:00Z` : value), long);
}

// Welsh names written out here: not every browser carries Welsh dates (some Chromium builds fall
// back to English), and the page must read the same when the browser renders it again.
const WELSH_MONTHS = [
	'Ionawr',
	'Chwefror',
	'Mawrth',
	'Ebrill',
	'Mai',
	'Mehefin',
	'Gorffennaf',
	'Awst',
	'Medi',
	'Hydref',
	'Tachwedd',
	'Rhagfyr'
];
const WELSH_DAYS = [
	'Dydd Sul',
	'Dydd Llun',
	'Dydd Mawrth',
	'Dydd Mercher',
	'Dydd Iau',
	'Dydd Gwener',
	'Dydd Sadwrn'
];
const londonParts = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'numeric',
	year: 'numeric',
	weekday: 'short',
	timeZone: 'Europe/London'
});
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Dydd Iau, 26 Tachwedd 2026" (long) or "26 Tachwedd 2026", as the day falls in the UK. */
export function welshDate(date: Date, long = false): string {
	const parts = Object.fromEntries(londonParts.formatToParts(date).map((p) => [p.type, p.value]));
	const day = `${Number(parts.day)} ${WELSH_MONTHS[Number(parts.month) - 1]} ${parts.year}`;
	return long ? `${WELSH_DAYS[SHORT_DAYS.indexOf(parts.weekday ?? '')]}, ${day}` : day;
}
