import { describe, it, expect } from 'vitest';
import type { Opportunity } from '$lib/opportunities';
import { parse } from '$lib/validation/form';
import {
	MAX_EASY_READ_POINTS,
	easyReadFromForm,
	opportunitySchema,
	opportunityToValues,
	needsEasyReadWarning,
	parseOpportunityForm,
	publishProblems,
	type FormRecord,
	type OpportunityInput
} from '$lib/validation/opportunity';

/** A complete, valid input, as the schema sees it (easy read already gathered into a list). */
const valid = () => ({
	type: 'committee',
	title: '  Join the housing committee ',
	summary: 'Help decide how the housing service is run.',
	description: ' We meet four times a year. ',
	easy_read: [
		{ text: 'Join a group that talks about housing.', pictogram: 'meeting' },
		{ text: 'We pay you for your time.', pictogram: null }
	],
	location_type: 'hybrid',
	location: 'Town Hall, High Street',
	starts_on: '2027-04-01',
	ends_on: '2027-04-01',
	schedule: '10am to 3pm',
	time_commitment: 'About 5 hours',
	payment: '£150 a meeting',
	closes_on: '2027-03-27',
	places: '8',
	topics: ['housing', 'carers']
});

/** What the schema gives for the Welsh version when the form has none. */
const NO_WELSH = { title_cy: null, summary_cy: null, description_cy: '', easy_read_cy: [] };

function errorsOf(input: Record<string, unknown>) {
	const result = parse(opportunitySchema, input, {});
	if (result.ok) throw new Error(`Expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

function dataOf(input: Record<string, unknown>): OpportunityInput {
	const result = parse(opportunitySchema, input, {});
	if (!result.ok) throw new Error(`Expected no errors, got ${JSON.stringify(result.errors)}`);
	return result.data;
}

function formOf(values: FormRecord): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(values)) {
		for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
	}
	return form;
}

describe('opportunitySchema', () => {
	it('reads a full, valid opportunity', () => {
		expect(dataOf(valid())).toEqual({
			...NO_WELSH,
			type: 'committee',
			title: 'Join the housing committee',
			summary: 'Help decide how the housing service is run.',
			description: 'We meet four times a year.',
			easy_read: [
				{ text: 'Join a group that talks about housing.', pictogram: 'meeting' },
				{ text: 'We pay you for your time.', pictogram: null }
			],
			location_type: 'hybrid',
			location: 'Town Hall, High Street',
			starts_on: '2027-04-01',
			ends_on: '2027-04-01',
			schedule: '10am to 3pm',
			time_commitment: 'About 5 hours',
			payment: '£150 a meeting',
			closes_on: '2027-03-27',
			places: 8,
			topics: ['housing', 'carers'],
			looks_for_skills: [],
			looks_for_experience: []
		});
	});

	it('turns empty optional fields into null, and a missing description into an empty one', () => {
		const data = dataOf({
			type: 'event',
			title: 'Open day',
			summary: 'Come and meet the team.',
			easy_read: [],
			location_type: 'online',
			location: '',
			starts_on: '',
			ends_on: '',
			schedule: '',
			time_commitment: '',
			payment: '',
			closes_on: '',
			places: '',
			topics: []
		});
		expect(data).toMatchObject({
			description: '',
			location: null,
			starts_on: null,
			ends_on: null,
			schedule: null,
			time_commitment: null,
			payment: null,
			closes_on: null,
			places: null,
			topics: []
		});
	});

	it('asks for the kind of opportunity and a title', () => {
		expect(errorsOf({ ...valid(), type: '', title: '  ' })).toEqual({
			type: 'Choose what kind of opportunity this is',
			title: 'Enter a title'
		});
		for (const type of ['party', 'Committee', 'toString', '__proto__']) {
			expect(errorsOf({ ...valid(), type }), type).toEqual({
				type: 'Choose what kind of opportunity this is'
			});
		}
	});

	it('gives the length limits of the title and summary', () => {
		expect(errorsOf({ ...valid(), title: 'Hi', summary: 'Too short' })).toEqual({
			title: 'A title must be 3 characters or more',
			summary: 'A short summary must be 10 characters or more'
		});
		expect(errorsOf({ ...valid(), title: 'a'.repeat(121), summary: 'a'.repeat(301) })).toEqual({
			title: 'A title must be 120 characters or fewer',
			summary: 'A short summary must be 300 characters or fewer'
		});
		expect(errorsOf({ ...valid(), description: 'a'.repeat(10001) })).toEqual({
			description: 'The full description must be 10,000 characters or fewer'
		});
	});

	it('puts an end date before the start date on the end date', () => {
		expect(errorsOf({ ...valid(), starts_on: '2027-04-02', ends_on: '2027-04-01' })).toEqual({
			ends_on: 'The end date must be the same as or after the start date'
		});
		expect(dataOf({ ...valid(), starts_on: '2027-04-02', ends_on: '2027-12-01' }).ends_on).toBe('2027-12-01');
		// Either date alone is fine.
		expect(dataOf({ ...valid(), starts_on: '', ends_on: '2027-04-01' }).ends_on).toBe('2027-04-01');
		expect(dataOf({ ...valid(), starts_on: '2027-04-01', ends_on: '' }).ends_on).toBeNull();
	});

	it('asks for the address when it happens in person (or both)', () => {
		const message = 'Enter the address, so members know where to go';
		expect(errorsOf({ ...valid(), location_type: 'in_person', location: '' })).toEqual({ location: message });
		expect(errorsOf({ ...valid(), location_type: 'hybrid', location: '   ' })).toEqual({ location: message });
	});

	it('does not need an address online', () => {
		expect(dataOf({ ...valid(), location_type: 'online', location: '' }).location).toBeNull();
		expect(errorsOf({ ...valid(), location_type: 'somewhere' })).toEqual({
			location_type: 'Choose where it happens'
		});
	});

	it('asks for real dates in the ISO form', () => {
		const dates: [string, string][] = [
			['starts_on', 'the start date'],
			['ends_on', 'the end date'],
			['closes_on', 'the closing date']
		];
		for (const [field, label] of dates) {
			for (const bad of ['27/03/2027', '2027-3-27', 'tomorrow', '2027-13-01', '2027-02-32', '2027-00-10']) {
				const errors = errorsOf({ ...valid(), starts_on: '', ends_on: '', [field]: bad });
				expect(errors, `${field} ${bad}`).toEqual({
					[field]: `Enter ${label} as a real date, like 2027-03-27`
				});
			}
		}
		expect(dataOf({ ...valid(), closes_on: ' 2028-02-29 ' }).closes_on).toBe('2028-02-29');
	});

	// Date.parse in V8 accepts any day up to 31 in any month, rolling over into the next month.
	it('rejects days that do not exist in the month, like 30 February', () => {
		for (const bad of ['2027-02-29', '2027-02-30', '2027-04-31', '2027-06-31']) {
			expect(errorsOf({ ...valid(), closes_on: bad }), bad).toEqual({
				closes_on: 'Enter the closing date as a real date, like 2027-03-27'
			});
		}
	});

	it('takes the number of places as a whole number from 1 to 1000', () => {
		expect(dataOf({ ...valid(), places: '1' }).places).toBe(1);
		expect(dataOf({ ...valid(), places: ' 1000 ' }).places).toBe(1000);
		for (const bad of ['0', '1001', '-1', '2.5', 'ten', '1e3']) {
			expect(errorsOf({ ...valid(), places: bad }), bad).toEqual({
				places: 'Enter the number of places as a whole number from 1 to 1000'
			});
		}
	});

	it('takes topics only from the list, one or several', () => {
		expect(dataOf({ ...valid(), topics: 'easy read' }).topics).toEqual(['easy read']);
		expect(dataOf({ ...valid(), topics: '' }).topics).toEqual([]);
		const errors = errorsOf({ ...valid(), topics: ['housing', 'gardening'] });
		expect(Object.values(errors)).toEqual(['Choose topics from the list']);
		expect(Object.keys(errors)[0]).toMatch(/^topics/);
		// Topics are lower case, as members say them.
		expect(Object.keys(errorsOf({ ...valid(), topics: ['Housing'] }))[0]).toMatch(/^topics/);
	});

	it('takes pictograms only from the known pictures', () => {
		const point = (pictogram: string | null) => ({ ...valid(), easy_read: [{ text: 'A point', pictogram }] });
		expect(dataOf(point('calendar')).easy_read).toEqual([{ text: 'A point', pictogram: 'calendar' }]);
		expect(dataOf(point('accessible-toilet')).easy_read).toEqual([
			{ text: 'A point', pictogram: 'accessible-toilet' }
		]);
		for (const bad of ['unicorn', 'toString', '__proto__', 'constructor', '']) {
			expect(errorsOf(point(bad)), bad).toEqual({ easy_read: 'Choose a picture from the list' });
		}
	});

	it('limits the number and length of easy read points', () => {
		const points = (n: number, length = 10) =>
			Array.from({ length: n }, () => ({ text: 'a'.repeat(length), pictogram: null }));
		expect(MAX_EASY_READ_POINTS).toBe(20);
		expect(dataOf({ ...valid(), easy_read: points(20) }).easy_read).toHaveLength(20);
		expect(errorsOf({ ...valid(), easy_read: points(21) })).toEqual({
			easy_read: 'Use 20 easy read points or fewer'
		});
		expect(dataOf({ ...valid(), easy_read: points(1, 300) }).easy_read).toHaveLength(1);
		expect(errorsOf({ ...valid(), easy_read: points(1, 301) })).toEqual({
			easy_read: 'Each easy read point must be 300 characters or fewer'
		});
	});

	it('reports every field with a problem at once', () => {
		expect(
			errorsOf({
				...valid(),
				type: '',
				title: '',
				summary: '',
				places: '0',
				closes_on: 'soon',
				topics: ['x']
			})
		).toMatchObject({
			type: 'Choose what kind of opportunity this is',
			title: 'Enter a title',
			summary: 'Enter a short summary',
			places: 'Enter the number of places as a whole number from 1 to 1000',
			closes_on: 'Enter the closing date as a real date, like 2027-03-27'
		});
	});
});

describe('publishProblems', () => {
	const today = '2027-03-20';

	it('finds nothing wrong with easy read points and a closing date to come', () => {
		expect(publishProblems(dataOf(valid()), today)).toEqual({});
	});

	it('accepts a closing date of today', () => {
		expect(publishProblems(dataOf({ ...valid(), closes_on: today }), today)).toEqual({});
	});

	it('does not block publishing without easy read (the editor warns and asks to confirm instead)', () => {
		expect(publishProblems(dataOf({ ...valid(), easy_read: [] }), today)).toEqual({});
		const form = new FormData();
		expect(needsEasyReadWarning({ easy_read: [] }, form)).toBe(true);
		form.set('no_easy_read', 'yes');
		expect(needsEasyReadWarning({ easy_read: [] }, form)).toBe(false);
		expect(needsEasyReadWarning({ easy_read: [{ text: 'Hi', pictogram: null }] }, new FormData())).toBe(
			false
		);
	});

	it('asks for a closing date', () => {
		expect(publishProblems(dataOf({ ...valid(), closes_on: '' }), today)).toEqual({
			closes_on: 'Enter a closing date before publishing'
		});
	});

	it('rejects a closing date in the past', () => {
		expect(publishProblems(dataOf({ ...valid(), closes_on: '2027-03-19' }), today)).toEqual({
			closes_on: 'The closing date must be today or in the future'
		});
		expect(publishProblems(dataOf({ ...valid(), closes_on: '2026-12-31' }), '2027-01-01')).toEqual({
			closes_on: 'The closing date must be today or in the future'
		});
	});

	it('reads the Welsh easy read rows and Welsh words with the rest', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries(valid())) if (typeof v === 'string') form.set(k, v);
		form.set('title_cy', 'Te prynhawn');
		form.set('easy_read_cy_text_0', 'Dewch i gwrdd ag aelodau eraill.');
		form.set('easy_read_cy_pictogram_0', 'group');
		const parsed = parseOpportunityForm(form);
		expect(parsed.ok && parsed.data.title_cy).toBe('Te prynhawn');
		expect(parsed.ok && parsed.data.summary_cy).toBe(null);
		expect(parsed.ok && parsed.data.easy_read_cy).toEqual([
			{ text: 'Dewch i gwrdd ag aelodau eraill.', pictogram: 'group' }
		]);
	});
});

describe('easyReadFromForm', () => {
	it('reads the numbered rows in order, trimming and collapsing spaces', () => {
		const form = formOf({
			easy_read_text_0: '  First   point\n\tover two lines ',
			easy_read_pictogram_0: 'meeting',
			easy_read_text_1: 'Second point',
			easy_read_pictogram_1: '',
			easy_read_text_2: 'Third point'
		});
		expect(easyReadFromForm(form)).toEqual([
			{ text: 'First point over two lines', pictogram: 'meeting' },
			{ text: 'Second point', pictogram: null },
			{ text: 'Third point', pictogram: null }
		]);
	});

	it('drops empty rows, even with a picture chosen, and keeps the order of the rest', () => {
		const form = formOf({
			easy_read_text_0: '   ',
			easy_read_pictogram_0: 'clock',
			easy_read_text_1: 'Kept',
			easy_read_pictogram_1: ' calendar ',
			easy_read_text_3: '',
			easy_read_text_4: 'Also kept',
			easy_read_pictogram_4: 'money'
		});
		expect(easyReadFromForm(form)).toEqual([
			{ text: 'Kept', pictogram: 'calendar' },
			{ text: 'Also kept', pictogram: 'money' }
		]);
	});

	it('reads rows in number order whatever order the form sends them in', () => {
		const form = formOf({ easy_read_text_2: 'Two', easy_read_text_0: 'Zero', easy_read_text_1: 'One' });
		expect(easyReadFromForm(form).map((p) => p.text)).toEqual(['Zero', 'One', 'Two']);
	});

	it('gives an empty list when there are no rows', () => {
		expect(easyReadFromForm(formOf({ title: 'x' }))).toEqual([]);
	});

	it('reads more rows than allowed, so that the schema can say so', () => {
		const values: FormRecord = {};
		for (let i = 0; i <= MAX_EASY_READ_POINTS; i++) values[`easy_read_text_${i}`] = `Point ${i}`;
		expect(easyReadFromForm(formOf(values))).toHaveLength(MAX_EASY_READ_POINTS + 1);
	});
});

describe('parseOpportunityForm', () => {
	const formValues = (): FormRecord => ({
		type: 'training',
		title: 'Easy read training',
		summary: 'Learn how to write in easy read.',
		description: '',
		easy_read: 'ignored: easy read comes from the numbered rows',
		easy_read_text_0: 'Learn to write easy read.',
		easy_read_pictogram_0: 'writing',
		easy_read_text_1: '',
		easy_read_pictogram_1: '',
		location_type: 'in_person',
		location: 'The library',
		starts_on: '2027-05-01',
		ends_on: '2027-05-02',
		schedule: '',
		time_commitment: '',
		payment: '',
		closes_on: '2027-04-15',
		places: '12',
		topics: ['easy read', 'training']
	});

	it('reads a submitted form into checked data, with only the known fields', () => {
		const result = parseOpportunityForm(formOf(formValues()));
		expect(result).toEqual({
			ok: true,
			data: {
				...NO_WELSH,
				type: 'training',
				title: 'Easy read training',
				summary: 'Learn how to write in easy read.',
				description: '',
				easy_read: [{ text: 'Learn to write easy read.', pictogram: 'writing' }],
				location_type: 'in_person',
				location: 'The library',
				starts_on: '2027-05-01',
				ends_on: '2027-05-02',
				schedule: null,
				time_commitment: null,
				payment: null,
				closes_on: '2027-04-15',
				places: 12,
				topics: ['easy read', 'training'],
				looks_for_skills: [],
				looks_for_experience: []
			}
		});
	});

	it('reads a single topic as a list of one', () => {
		const result = parseOpportunityForm(formOf({ ...formValues(), topics: 'training' }));
		expect(result.ok && result.data.topics).toEqual(['training']);
	});

	it('hands back everything as typed, with errors keyed to fields', () => {
		const values = { ...formValues(), title: '', places: 'lots', easy_read_pictogram_0: 'dragon' };
		const result = parseOpportunityForm(formOf(values));
		expect(result).toEqual({
			ok: false,
			errors: {
				title: 'Enter a title',
				places: 'Enter the number of places as a whole number from 1 to 1000',
				easy_read: 'Choose a picture from the list'
			},
			values
		});
	});

	// Radio buttons and checkboxes with nothing chosen are not sent at all.
	it('asks for the kind of opportunity when no radio button is chosen', () => {
		const { type: _, ...values } = formValues();
		expect(parseOpportunityForm(formOf(values))).toMatchObject({
			ok: false,
			errors: { type: 'Choose what kind of opportunity this is' }
		});
	});

	it('asks where it happens when no radio button is chosen', () => {
		const { location_type: _, ...values } = formValues();
		expect(parseOpportunityForm(formOf(values))).toMatchObject({
			ok: false,
			errors: { location_type: 'Choose where it happens' }
		});
	});

	it('accepts a form with no topic ticked, as topics are optional', () => {
		const { topics: _, ...values } = formValues();
		expect(parseOpportunityForm(formOf(values))).toMatchObject({ ok: true, data: { topics: [] } });
	});
});

describe('opportunityToValues', () => {
	const opportunity: Opportunity = {
		id: 3,
		type: 'expert_reference_group',
		title: 'Dementia expert group',
		summary: 'Share what it is like to live with dementia.',
		description: 'A longer description.\n\nOver two paragraphs.',
		easy_read: [
			{ text: 'Talk about dementia.', pictogram: 'talk' },
			{ text: 'Meet online.', pictogram: null },
			{ text: 'Get paid.', pictogram: 'money' }
		],
		location_type: 'online',
		location: null,
		starts_on: '2027-06-01',
		ends_on: null,
		schedule: 'Monthly',
		time_commitment: null,
		payment: '£25 an hour',
		closes_at: '2027-05-20T22:59:59.000Z',
		places: null,
		status: 'published',
		topics: ['dementia'],
		created_at: '2027-01-01T10:00:00Z',
		updated_at: '2027-01-02T10:00:00Z',
		published_at: '2027-01-02T10:00:00Z'
	};

	it('gives the fields of the form, with empty strings for nothing', () => {
		expect(opportunityToValues(opportunity, '2027-05-20')).toEqual({
			type: 'expert_reference_group',
			title: 'Dementia expert group',
			summary: 'Share what it is like to live with dementia.',
			description: 'A longer description.\n\nOver two paragraphs.',
			location_type: 'online',
			location: '',
			starts_on: '2027-06-01',
			ends_on: '',
			schedule: 'Monthly',
			time_commitment: '',
			payment: '£25 an hour',
			closes_on: '2027-05-20',
			places: '',
			topics: ['dementia'],
			looks_for_skills: [],
			looks_for_experience: [],
			title_cy: '',
			summary_cy: '',
			description_cy: '',
			easy_read_text_0: 'Talk about dementia.',
			easy_read_pictogram_0: 'talk',
			easy_read_text_1: 'Meet online.',
			easy_read_pictogram_1: '',
			easy_read_text_2: 'Get paid.',
			easy_read_pictogram_2: 'money'
		});
	});

	it('round-trips through parseOpportunityForm', () => {
		const result = parseOpportunityForm(formOf(opportunityToValues(opportunity, '2027-05-20')));
		expect(result).toEqual({
			ok: true,
			data: {
				...NO_WELSH,
				type: opportunity.type,
				title: opportunity.title,
				summary: opportunity.summary,
				description: opportunity.description,
				easy_read: opportunity.easy_read,
				location_type: opportunity.location_type,
				location: opportunity.location,
				starts_on: opportunity.starts_on,
				ends_on: opportunity.ends_on,
				schedule: opportunity.schedule,
				time_commitment: opportunity.time_commitment,
				payment: opportunity.payment,
				closes_on: '2027-05-20',
				places: opportunity.places,
				topics: opportunity.topics,
				looks_for_skills: [],
				looks_for_experience: []
			}
		});
	});

	it('round-trips every field when all are filled in', () => {
		const full: Opportunity = {
			...opportunity,
			location_type: 'in_person',
			location: '1 High Street',
			ends_on: '2027-06-30',
			time_commitment: '2 hours',
			places: 40,
			topics: ['dementia', 'older people', 'carers']
		};
		const result = parseOpportunityForm(formOf(opportunityToValues(full, '')));
		expect(result).toMatchObject({
			ok: true,
			data: {
				location_type: 'in_person',
				location: '1 High Street',
				ends_on: '2027-06-30',
				time_commitment: '2 hours',
				places: 40,
				closes_on: null,
				topics: ['dementia', 'older people', 'carers']
			}
		});
	});

	it('round-trips an opportunity with no topics', () => {
		const values = opportunityToValues({ ...opportunity, topics: [] }, '2027-05-20');
		expect(parseOpportunityForm(formOf(values))).toMatchObject({ ok: true, data: { topics: [] } });
	});
});
