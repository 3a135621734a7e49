import { describe, expect, it } from 'vitest';
import { accessibilityReportSchema } from '$lib/validation/accessibility-report';
import { parse } from '$lib/validation/form';

function errorsOf(input: Record<string, unknown>) {
	const result = parse(accessibilityReportSchema, input, {});
	if (result.ok) throw new Error(`Expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

describe('accessibilityReportSchema', () => {
	it('reads a problem without an email address, trimmed, the empty address as null', () => {
		expect(
			parse(
				accessibilityReportSchema,
				{ kind: 'problem', page: '  My claims ', details: ' The button is too small. ', contact_email: ' ' },
				{}
			)
		).toEqual({
			ok: true,
			data: { kind: 'problem', page: 'My claims', details: 'The button is too small.', contact_email: null }
		});
	});

	it('keeps an email address, in lower case', () => {
		const r = parse(
			accessibilityReportSchema,
			{ kind: 'format', page: 'Meeting papers', details: 'Large print', contact_email: 'Ann@Example.org' },
			{}
		);
		expect(r.ok && r.data.contact_email).toBe('ann@example.org');
	});

	it('says in plain words what is missing', () => {
		expect(errorsOf({ kind: 'problem', page: '', details: '', contact_email: '' })).toEqual({
			page: 'Enter which page it is about',
			details: 'Enter what went wrong, or the format you need'
		});
	});

	it('asks which kind of message when none is chosen', () => {
		expect(errorsOf({ page: 'Home', details: 'x' }).kind).toBe(
			'Choose whether you are telling us about a problem or asking for another format'
		);
	});

	it('refuses an email address in the wrong format', () => {
		expect(errorsOf({ kind: 'problem', page: 'Home', details: 'x', contact_email: 'ann at home' })).toEqual({
			contact_email: 'Enter an email address in the correct format, like name@example.com'
		});
	});

	it('needs an email address to send another format', () => {
		expect(errorsOf({ kind: 'format', page: 'Home', details: 'Braille', contact_email: '' })).toEqual({
			contact_email: 'Enter your email address, so we can send you the information in the format you need'
		});
	});

	it('limits the length of each answer', () => {
		const errors = errorsOf({ kind: 'problem', page: 'p'.repeat(301), details: 'd'.repeat(2001) });
		expect(errors.page).toBe('Which page it is about must be 300 characters or fewer');
		expect(errors.details).toBe('What went wrong, or the format you need must be 2000 characters or fewer');
	});
});
