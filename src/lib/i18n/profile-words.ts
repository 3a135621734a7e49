// A member's profile choices in the page's language. The values kept are the English ones in
// $lib/network and $lib/validation/profile (staff pages show those).
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';
import { m } from '$lib/paraglide/messages';
import type { NotifyRhythm } from '$lib/validation/interests';
import type { ContactMethod } from '$lib/validation/profile';

type Messages = Record<string, (() => string) | undefined>;
const say = (key: string, fallback: string): string =>
	(m as unknown as Messages)[key.toLowerCase().replace(/[^a-z]+/g, '_')]?.() ?? fallback;

export const contactWords = (c: ContactMethod): string => say(`contact_${c}`, c);
export const regionWords = (r: string): string => say(`region_${r}`, r);
export const livedWords = (l: string): string => say(`lived_${l}`, l);

export const contactOptions = (): Record<ContactMethod, string> => ({
	email: contactWords('email'),
	phone: contactWords('phone'),
	text: contactWords('text'),
	post: contactWords('post')
});
export const regionOptions = (): Record<string, string> =>
	Object.fromEntries(REGIONS.map((r) => [r, regionWords(r)]));
export const livedOptions = (): Record<string, string> =>
	Object.fromEntries(LIVED_EXPERIENCE.map((l) => [l, livedWords(l)]));

const RHYTHM: Record<NotifyRhythm, () => string> = {
	as_they_come: m.rhythm_as_they_come,
	weekly: m.rhythm_weekly,
	off: m.rhythm_off
};
const RHYTHM_DONE: Record<NotifyRhythm, () => string> = {
	as_they_come: m.rhythm_done_as_they_come,
	weekly: m.rhythm_done_weekly,
	off: m.rhythm_done_off
};
/** How often we email about new opportunities, as RHYTHMS in $lib/validation/interests. */
export const rhythmOptions = (): Record<NotifyRhythm, string> => ({
	as_they_come: RHYTHM.as_they_come(),
	weekly: RHYTHM.weekly(),
	off: RHYTHM.off()
});
/** "We will email you …": what a rhythm means, as a whole sentence. */
export const rhythmPromiseWords = (r: NotifyRhythm): string => RHYTHM_DONE[r]();
