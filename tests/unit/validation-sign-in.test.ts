import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import { parse } from '$lib/validation/form';
import { codeSchema, signInSchema } from '$lib/validation/sign-in';

describe('codeSchema', () => {
	it('accepts 6 digits, ignoring spaces and hyphens', () => {
		expect(v.parse(codeSchema, { code: '123456' })).toEqual({ code: '123456' });
		expect(v.parse(codeSchema, { code: ' 123 456 ' })).toEqual({ code: '123456' });
		expect(v.parse(codeSchema, { code: '123-456' })).toEqual({ code: '123456' });
		expect(v.parse(codeSchema, { code: '012\t345' })).toEqual({ code: '012345' });
	});

	it('asks for the code when it is empty', () => {
		expect(parse(codeSchema, { code: '' }, {})).toMatchObject({
			ok: false,
			errors: { code: 'Enter the 6-digit code from the email' }
		});
		expect(parse(codeSchema, { code: ' - ' }, {})).toMatchObject({
			ok: false,
			errors: { code: 'Enter the 6-digit code from the email' }
		});
	});

	it('rejects anything that is not exactly 6 digits', () => {
		for (const code of ['12345', '1234567', 'abcdef', '12345a', '123.456', '１２３４５６']) {
			expect(parse(codeSchema, { code }, {}), code).toMatchObject({
				ok: false,
				errors: { code: 'The code is 6 numbers, like 123 456' }
			});
		}
	});
});

describe('signInSchema', () => {
	it('reads the email address, trimmed and in lower case', () => {
		expect(v.parse(signInSchema, { email: ' Member@Example.ORG ' })).toEqual({ email: 'member@example.org' });
	});

	it('asks for your email address', () => {
		expect(parse(signInSchema, { email: '' }, {})).toMatchObject({
			ok: false,
			errors: { email: 'Enter your email address' }
		});
		expect(parse(signInSchema, { email: 'member' }, {})).toMatchObject({
			ok: false,
			errors: { email: 'Enter an email address in the correct format, like name@example.com' }
		});
	});
});
