import * as v from 'valibot';
import { emailOf, list, optionalText, text } from './form';
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';

export const CONTACT_METHODS = {
	email: 'Email',
	phone: 'Phone call',
	text: 'Text message',
	post: 'Letter by post'
} as const;
export type ContactMethod = keyof typeof CONTACT_METHODS;

export const profileSchema = v.object({
	full_name: text('your full name', { max: 120 }),
	preferred_name: optionalText('the name you would like us to use', { max: 60 }),
	pronouns: optionalText('your pronouns', { max: 40 }),
	phone: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check(
			(s) => s === '' || /^[0-9+() -]{6,20}$/.test(s),
			'Enter a phone number, like 07700 900 982 or +44 7700 900 982'
		),
		v.transform((s) => (s === '' ? null : s))
	),
	contact_methods: v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(v.picklist(Object.keys(CONTACT_METHODS) as ContactMethod[], 'Choose how we may contact you')),
		v.minLength(1, 'Choose at least one way we may contact you')
	),
	region: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['', ...REGIONS], 'Choose a region from the list'),
		v.transform((s) => (s === '' ? null : s))
	),
	lived_experience: v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(v.picklist([...LIVED_EXPERIENCE], 'Choose from the list'))
	)
});

export const inviteSchema = v.object({
	email: emailOf('their'),
	full_name: text('their full name', { max: 120 })
});
