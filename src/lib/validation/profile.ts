import * as v from 'valibot';
import { emailOf, list, text } from './form';
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';
import { m } from '$lib/paraglide/messages';

export const CONTACT_METHODS = {
	email: 'Email',
	phone: 'Phone call',
	text: 'Text message',
	post: 'Letter by post'
} as const;
export type ContactMethod = keyof typeof CONTACT_METHODS;

/** An optional text field whose message reads in the member's language. */
const optional = (max: number, tooLong: (i: { max: number }) => string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, () => tooLong({ max })),
		v.transform((s) => (s === '' ? null : s))
	);

// A member's own form: its messages are functions, read in the member's language.
export const profileSchema = v.object({
	full_name: v.pipe(
		v.string(() => m.profile_err_name()),
		v.trim(),
		v.nonEmpty(() => m.profile_err_name()),
		v.maxLength(120, () => m.profile_err_name_long({ max: 120 }))
	),
	preferred_name: optional(60, m.profile_err_preferred_long),
	pronouns: optional(40, m.profile_err_pronouns_long),
	phone: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check(
			(s) => s === '' || /^[0-9+() -]{6,20}$/.test(s),
			() => m.profile_err_phone()
		),
		v.transform((s) => (s === '' ? null : s))
	),
	contact_methods: v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(v.picklist(Object.keys(CONTACT_METHODS) as ContactMethod[], () => m.profile_err_contact())),
		v.minLength(1, () => m.profile_err_contact_none())
	),
	region: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['', ...REGIONS], () => m.profile_err_region()),
		v.transform((s) => (s === '' ? null : s))
	),
	lived_experience: v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(v.picklist([...LIVED_EXPERIENCE], () => m.profile_err_lived()))
	)
});

export const inviteSchema = v.object({
	email: emailOf('their'),
	full_name: text('their full name', { max: 120 })
});
