import { describe, expect, it } from 'vitest';
import { formValues, parse } from '$lib/validation/form';
import { interestsSchema, topicOptions } from '$lib/validation/interests';

describe('interestsSchema', () => {
	it('reads ticked boxes and the chosen rhythm from a submitted form', () => {
		const form = new FormData();
		form.append('topics', 'carers');
		form.append('topics', 'mental health');
		form.append('types', 'committee');
		form.append('rhythm', 'as_they_come');
		const values = formValues(form);
		expect(parse(interestsSchema(), values, values)).toEqual({
			ok: true,
			data: { topics: ['carers', 'mental health'], types: ['committee'], rhythm: 'as_they_come' }
		});
	});

	it('takes no boxes ticked as none chosen (which means everything)', () => {
		expect(parse(interestsSchema(), { rhythm: 'weekly' }, {})).toEqual({
			ok: true,
			data: { topics: [], types: [], rhythm: 'weekly' }
		});
	});

	it('asks how often, in plain words, when nothing or something odd is sent', () => {
		const message = 'Choose how often we should email you about new opportunities';
		expect(parse(interestsSchema(), {}, {})).toMatchObject({ ok: false, errors: { rhythm: message } });
		expect(parse(interestsSchema(), { rhythm: 'daily' }, {})).toMatchObject({
			ok: false,
			errors: { rhythm: message }
		});
	});

	it('refuses topics and kinds that are not offered', () => {
		expect(
			parse(interestsSchema(), { topics: ['carers', 'cats'], types: 'party', rhythm: 'off' }, {})
		).toEqual({
			ok: false,
			errors: { topics: 'Choose topics from the list', types: 'Choose kinds of opportunity from the list' },
			values: {}
		});
	});

	it('keeps a topic the member already had, though it is not on the list', () => {
		const result = parse(
			interestsSchema(['carers', 'gardening']),
			{ topics: ['gardening'], rhythm: 'off' },
			{}
		);
		expect(result.ok && result.data.topics).toEqual(['gardening']);
	});
});

describe('topicOptions', () => {
	it('offers every topic with a capital letter, then the member’s own older ones', () => {
		const options = topicOptions(['carers', 'gardening']);
		expect(options['mental health']).toBe('Mental health');
		expect(Object.keys(options).at(-1)).toBe('gardening');
		expect(options.gardening).toBe('Gardening');
	});
});
