// A member's profile choices in the page's language. The values kept are the English ones in
// $lib/network and $lib/validation/profile (staff pages show those).
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';
import { m } from '$lib/paraglide/messages';
import type { NotifyRhythm } from '$lib/validation/interests';
import type { ContactMethod } from '$lib/validation/profile';

type Region = (typeof REGIONS)[number];
type LivedExperience = (typeof LIVED_EXPERIENCE)[number];

// Each message is named here (not built from the value), so a page's code carries only these.
const CONTACT: Record<ContactMethod, () => string> = {
	email: m.contact_email,
	phone: m.contact_phone,
	text: m.contact_text,
	post: m.contact_post
};
const REGION: Record<Region, () => string> = {
	'North East': m.region_north_east,
	'North West': m.region_north_west,
	'Yorkshire and the Humber': m.region_yorkshire_and_the_humber,
	'East Midlands': m.region_east_midlands,
	'West Midlands': m.region_west_midlands,
	'East of England': m.region_east_of_england,
	London: m.region_london,
	'South East': m.region_south_east,
	'South West': m.region_south_west,
	Wales: m.region_wales,
	Scotland: m.region_scotland,
	'Northern Ireland': m.region_northern_ireland
};
const LIVED: Record<LivedExperience, () => string> = {
	'disabled person': m.lived_disabled_person,
	carer: m.lived_carer,
	'mental health': m.lived_mental_health,
	'learning disability': m.lived_learning_disability,
	autism: m.lived_autism,
	'sensory impairment': m.lived_sensory_impairment,
	'long-term condition': m.lived_long_term_condition,
	'older person': m.lived_older_person,
	'young person': m.lived_young_person,
	homelessness: m.lived_homelessness
};

export const contactWords = (c: ContactMethod): string => CONTACT[c]?.() ?? c;
export const regionWords = (r: string): string => REGION[r as Region]?.() ?? r;
export const livedWords = (l: string): string => LIVED[l as LivedExperience]?.() ?? l;

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
