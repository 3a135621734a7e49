import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import {
	capitalise,
	email,
	emailOf,
	formValues,
	list,
	optionalText,
	parse,
	readForm,
	recordId,
	searchText,
	text
} from '$lib/validation/form';

function form(entries: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

/** The first error message of a schema for an input, or null when it passes. */
function firstError(schema: v.GenericSchema, input: unknown): string | null {
	const result = v.safeParse(schema, input, { abortPipeEarly: true });
	return result.success ? null : result.issues[0].message;
}

describe('readForm', () => {
	it('takes U+0000 out of text, as a real multipart post carries it, and keeps a file byte for byte', async () => {
		const bytes = new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0x10, 0x00, 0xff, 0xd9]);
		const posted = form([
			['full_name', 'Ann\u0000 Jones'],
			['full_name', '\u0000'],
			['notes', 'a tab\tand a bell\u0001'],
			['receipt', new File([bytes], 'receipt.jpg', { type: 'image/jpeg' })]
		]);
		// Sent through a Request, so the form is encoded and read back as the server gets it.
		const request = new Request('http://localhost/my/profile', { method: 'POST', body: posted });
		const read = await readForm(request);
		expect(read.getAll('full_name')).toEqual(['Ann Jones', '']);
		expect(read.get('notes')).toBe('a tab\tand a bell\u0001');
		const file = read.get('receipt') as File;
		expect(file.name).toBe('receipt.jpg');
		expect(file.type).toBe('image/jpeg');
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
	});

	it('reads a url-encoded form the same way', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			body: new URLSearchParams({ outcome: 'a%00b\u0000c' })
		});
		expect((await readForm(request)).get('outcome')).toBe('a%00bc');
	});
});

describe('searchText', () => {
	it('reads words from the address without U+0000, trimmed and cut to length', () => {
		const params = new URLSearchParams('q=%00+care%00rs+&interest=' + 'x'.repeat(80));
		expect(searchText(params)).toBe('carers');
		expect(searchText(params, 'interest', 60)).toBe('x'.repeat(60));
		expect(searchText(params, 'missing')).toBe('');
	});
});

describe('recordId', () => {
	it('takes a whole number from 1 up to the largest JavaScript holds exactly', () => {
		expect(recordId('42')).toBe(42);
		expect(recordId(' 7 ')).toBe(7);
		expect(recordId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
	});

	it('gives null for anything else, for the form to answer in plain words', () => {
		for (const odd of [
			'',
			'0',
			'-1',
			'1.5',
			'1e3',
			'0x10',
			'abc',
			'12345678901234567890',
			'9007199254740993'
		])
			expect(recordId(odd), odd).toBeNull();
		expect(recordId(null)).toBeNull();
		expect(recordId(undefined)).toBeNull();
		expect(recordId(new File(['1'], 'one.txt'))).toBeNull();
	});
});

describe('formValues', () => {
	it('gives each field as a string', () => {
		expect(
			formValues(
				form([
					['title', 'A title'],
					['summary', '']
				])
			)
		).toEqual({ title: 'A title', summary: '' });
	});

	it('gives repeated names (such as checkboxes) as a list, in order', () => {
		const values = formValues(
			form([
				['topics', 'autism'],
				['title', 'x'],
				['topics', 'carers'],
				['topics', 'housing']
			])
		);
		expect(values).toEqual({ topics: ['autism', 'carers', 'housing'], title: 'x' });
	});

	it('gives an empty object for an empty form', () => {
		expect(formValues(new FormData())).toEqual({});
	});

	it('leaves out files', () => {
		const values = formValues(
			form([
				['upload', new File(['x'], 'x.txt')],
				['name', 'Sam'],
				['name', new File(['y'], 'y.txt')]
			])
		);
		expect(values).toEqual({ upload: '', name: 'Sam' });
	});
});

describe('parse', () => {
	const schema = v.object({
		name: text('your name'),
		age: v.pipe(v.string(), v.regex(/^\d+$/, 'Enter a number'))
	});

	it('returns the checked data when valid', () => {
		const result = parse(schema, { name: '  Sam ', age: '42' }, {});
		expect(result).toEqual({ ok: true, data: { name: 'Sam', age: '42' } });
	});

	it('keys errors by field and hands back the values as typed', () => {
		const values = { name: '', age: 'old' };
		const result = parse(schema, values, values);
		expect(result).toEqual({
			ok: false,
			errors: { name: 'Enter your name', age: 'Enter a number' },
			values: { name: '', age: 'old' }
		});
	});

	it('keeps only the first message for a field', () => {
		const twoChecks = v.object({
			code: v.pipe(v.string(), v.minLength(3, 'Too short'), v.regex(/^\d+$/, 'Numbers only'))
		});
		// abortPipeEarly stops at the first failing check in a pipe.
		expect(parse(twoChecks, { code: 'a' }, {})).toMatchObject({ ok: false, errors: { code: 'Too short' } });
		// Two issues on the same path keep the first.
		const twoIssues = v.pipe(
			v.object({ a: v.string(), b: v.string() }),
			v.forward(
				v.rawCheck(({ addIssue }) => {
					addIssue({ message: 'They must match' });
					addIssue({ message: 'Second message' });
				}),
				['b']
			)
		);
		expect(parse(twoIssues, { a: 'x', b: 'y' }, {})).toEqual({
			ok: false,
			errors: { b: 'They must match' },
			values: {}
		});
	});

	it('joins nested paths with dots', () => {
		const nested = v.object({ points: v.array(v.object({ text: v.string('Enter text') })) });
		expect(parse(nested, { points: [{ text: 'ok' }, { text: 3 }] }, {})).toMatchObject({
			ok: false,
			errors: { 'points.1.text': 'Enter text' }
		});
	});

	it('keys an error about the whole input as "form"', () => {
		const whole = v.pipe(
			v.string(),
			v.check(() => false, 'Something is wrong')
		);
		expect(parse(whole, 'x', {})).toEqual({ ok: false, errors: { form: 'Something is wrong' }, values: {} });
	});
});

describe('text', () => {
	const title = text('a title', { min: 3, max: 10 });

	it('trims the value', () => {
		expect(v.parse(title, '  Hello  ')).toBe('Hello');
	});

	it('asks for the value when missing, empty or only spaces', () => {
		expect(firstError(title, undefined)).toBe('Enter a title');
		expect(firstError(title, '')).toBe('Enter a title');
		expect(firstError(title, '   ')).toBe('Enter a title');
	});

	it('gives the shortest and longest lengths in words', () => {
		expect(firstError(title, 'ab')).toBe('A title must be 3 characters or more');
		expect(firstError(title, ' abc ')).toBeNull();
		expect(firstError(title, 'a'.repeat(10))).toBeNull();
		expect(firstError(title, 'a'.repeat(11))).toBe('A title must be 10 characters or fewer');
	});

	it('allows up to 200 characters by default', () => {
		const name = text('your name');
		expect(firstError(name, 'a'.repeat(200))).toBeNull();
		expect(firstError(name, 'a'.repeat(201))).toBe('Your name must be 200 characters or fewer');
	});
});

describe('optionalText', () => {
	const pronouns = optionalText('your pronouns', { max: 5 });

	it('turns missing, empty and blank values into null', () => {
		expect(v.parse(pronouns, undefined)).toBeNull();
		expect(v.parse(pronouns, '')).toBeNull();
		expect(v.parse(pronouns, '   ')).toBeNull();
	});

	it('trims the value', () => {
		expect(v.parse(pronouns, ' they ')).toBe('they');
	});

	it('says the longest length', () => {
		expect(firstError(pronouns, 'abcdef')).toBe('Your pronouns must be 5 characters or fewer');
	});
});

describe('email and emailOf', () => {
	it('asks for your email address when missing or blank', () => {
		expect(firstError(email, undefined)).toBe('Enter your email address');
		expect(firstError(email, '')).toBe('Enter your email address');
		expect(firstError(email, '   ')).toBe('Enter your email address');
	});

	it('asks for their email address in emailOf("their")', () => {
		expect(firstError(emailOf('their'), '')).toBe('Enter their email address');
	});

	it('asks for the correct format', () => {
		const message = 'Enter an email address in the correct format, like name@example.com';
		for (const bad of ['name', 'name@', '@example.com', 'name@example', 'na me@example.com', 'a@b@c.com']) {
			expect(firstError(email, bad), bad).toBe(message);
		}
	});

	it('trims and lowercases a valid address', () => {
		expect(v.parse(email, '  Sam.Smith@Example.ORG ')).toBe('sam.smith@example.org');
		expect(v.parse(email, 'name+tag@sub.example.co.uk')).toBe('name+tag@sub.example.co.uk');
	});

	it('allows at most 254 characters', () => {
		const local = 'a'.repeat(64);
		const longest = `${local}@${'b'.repeat(254 - 64 - 1 - 4)}.com`;
		expect(longest).toHaveLength(254);
		expect(firstError(email, longest)).toBeNull();
		expect(firstError(email, `a${longest}`)).toBe('Email address must be 254 characters or fewer');
	});
});

describe('list', () => {
	it('keeps a list as it is', () => {
		expect(list(['a', 'b'])).toEqual(['a', 'b']);
		expect(list([])).toEqual([]);
	});

	it('makes a list of one from a single value', () => {
		expect(list('a')).toEqual(['a']);
	});

	it('makes an empty list from nothing or an empty string', () => {
		expect(list(undefined)).toEqual([]);
		expect(list('')).toEqual([]);
	});
});

describe('capitalise', () => {
	it('capitalises the first letter only', () => {
		expect(capitalise('your full name')).toBe('Your full name');
		expect(capitalise('')).toBe('');
	});
});
