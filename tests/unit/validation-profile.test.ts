import { describe, it, expect } from 'vitest';
import { formValues, parse } from '$lib/validation/form';
import { inviteSchema, profileSchema } from '$lib/validation/profile';

const valid = {
	full_name: '  Sam Smith ',
	preferred_name: '',
	pronouns: '',
	phone: '',
	contact_methods: 'email'
};

function errorsOf(input: Record<string, unknown>) {
	const result = parse(profileSchema, input, {});
	if (result.ok) throw new Error(`Expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

describe('profileSchema', () => {
	it('reads a minimal profile, turning empty optional fields into null', () => {
		expect(parse(profileSchema, valid, {})).toEqual({
			ok: true,
			data: {
				full_name: 'Sam Smith',
				preferred_name: null,
				pronouns: null,
				phone: null,
				contact_methods: ['email'],
				region: null,
				lived_experience: []
			}
		});
	});

	it('reads a full profile from a submitted form', () => {
		const form = new FormData();
		form.append('full_name', 'Samira Khan');
		form.append('preferred_name', ' Sam ');
		form.append('pronouns', 'she/her');
		form.append('phone', ' +44 7700 900 982 ');
		form.append('contact_methods', 'phone');
		form.append('contact_methods', 'post');
		form.append('interests', 'Autism');
		const values = formValues(form);
		expect(parse(profileSchema, values, values)).toEqual({
			ok: true,
			data: {
				full_name: 'Samira Khan',
				preferred_name: 'Sam',
				pronouns: 'she/her',
				phone: '+44 7700 900 982',
				contact_methods: ['phone', 'post'],
				region: null,
				lived_experience: []
			}
		});
	});

	it('asks for the full name', () => {
		expect(errorsOf({ ...valid, full_name: ' ' })).toEqual({ full_name: 'Enter your full name' });
		expect(errorsOf({ ...valid, full_name: 'a'.repeat(121) })).toEqual({
			full_name: 'Your full name must be 120 characters or fewer'
		});
	});

	it('limits the preferred name and pronouns', () => {
		expect(errorsOf({ ...valid, preferred_name: 'a'.repeat(61), pronouns: 'a'.repeat(41) })).toEqual({
			preferred_name: 'The name you would like us to use must be 60 characters or fewer',
			pronouns: 'Your pronouns must be 40 characters or fewer'
		});
	});

	it('takes a region and lived experience from the lists, both optional', () => {
		const ok = parse(
			profileSchema,
			{ ...valid, region: 'Wales', lived_experience: ['carer', 'mental health'] },
			{}
		);
		expect(ok.ok && ok.data.region).toBe('Wales');
		expect(ok.ok && ok.data.lived_experience).toEqual(['carer', 'mental health']);
		const one = parse(profileSchema, { ...valid, lived_experience: 'carer' }, {});
		expect(one.ok && one.data.lived_experience).toEqual(['carer']);
		expect(errorsOf({ ...valid, region: 'Atlantis' })).toEqual({ region: 'Choose a region from the list' });
		expect(errorsOf({ ...valid, lived_experience: ['pirate'] })).toEqual({
			lived_experience: 'Choose from the list'
		});
	});

	describe('contact_methods', () => {
		it('takes a single value or several', () => {
			const one = parse(profileSchema, { ...valid, contact_methods: 'text' }, {});
			expect(one.ok && one.data.contact_methods).toEqual(['text']);
			const several = parse(
				profileSchema,
				{ ...valid, contact_methods: ['email', 'phone', 'text', 'post'] },
				{}
			);
			expect(several.ok && several.data.contact_methods).toEqual(['email', 'phone', 'text', 'post']);
		});

		it('asks for at least one when none is chosen', () => {
			const message = 'Choose at least one way we may contact you';
			expect(errorsOf({ ...valid, contact_methods: undefined })).toEqual({ contact_methods: message });
			expect(errorsOf({ ...valid, contact_methods: '' })).toEqual({ contact_methods: message });
			expect(errorsOf({ ...valid, contact_methods: [] })).toEqual({ contact_methods: message });
		});

		// A form with no box ticked sends no contact_methods field at all.
		it('asks for at least one when no box is ticked, so the field is not sent', () => {
			const form = new FormData();
			form.append('full_name', 'Sam Smith');
			const values = formValues(form);
			expect(parse(profileSchema, values, values)).toMatchObject({
				ok: false,
				errors: { contact_methods: 'Choose at least one way we may contact you' }
			});
		});

		it('rejects a way that is not offered', () => {
			const errors = errorsOf({ ...valid, contact_methods: ['email', 'fax'] });
			expect(Object.values(errors)).toEqual(['Choose how we may contact you']);
		});
	});

	// Topics are chosen on /my/notifications; saving the profile must never change or clear them.
	it('leaves topics alone: an interests field is not read', () => {
		const result = parse(profileSchema, { ...valid, interests: 'autism, carers' }, {});
		expect(result.ok).toBe(true);
		expect(result.ok && Object.keys(result.data)).not.toContain('interests');
	});

	describe('phone', () => {
		it('accepts UK and international formats', () => {
			for (const phone of [
				'07700 900 982',
				'+44 7700 900 982',
				'(01632) 960 001',
				'01632-960-001',
				'999999'
			]) {
				const result = parse(profileSchema, { ...valid, phone }, {});
				expect(result.ok && result.data.phone, phone).toBe(phone);
			}
		});

		it('rejects letters, too few or too many characters', () => {
			const message = 'Enter a phone number, like 07700 900 982 or +44 7700 900 982';
			for (const phone of ['call me', '07700 9OO 982', '12345', '1'.repeat(21), '07700.900.982']) {
				expect(errorsOf({ ...valid, phone }), phone).toEqual({ phone: message });
			}
		});
	});

	it('reports every field with a problem at once', () => {
		expect(errorsOf({ full_name: '', phone: 'x', contact_methods: [] })).toEqual({
			full_name: 'Enter your full name',
			phone: 'Enter a phone number, like 07700 900 982 or +44 7700 900 982',
			contact_methods: 'Choose at least one way we may contact you'
		});
	});
});

describe('inviteSchema', () => {
	it('reads their email address and full name', () => {
		expect(parse(inviteSchema, { email: ' New.Member@Example.org ', full_name: ' Alex Jones ' }, {})).toEqual(
			{
				ok: true,
				data: { email: 'new.member@example.org', full_name: 'Alex Jones' }
			}
		);
	});

	it('asks about them, not you', () => {
		expect(parse(inviteSchema, { email: '', full_name: '' }, {})).toMatchObject({
			ok: false,
			errors: { email: 'Enter their email address', full_name: 'Enter their full name' }
		});
		expect(parse(inviteSchema, { email: 'alex@', full_name: 'a'.repeat(121) }, {})).toMatchObject({
			ok: false,
			errors: {
				email: 'Enter an email address in the correct format, like name@example.com',
				full_name: 'Their full name must be 120 characters or fewer'
			}
		});
	});
});
