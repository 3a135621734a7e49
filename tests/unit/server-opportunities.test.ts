import { describe, it, expect } from 'vitest';
import { LOCATION_TYPES, OPPORTUNITY_TYPES, TOPICS } from '$lib/opportunities';
import { closingInstant, readFilters, ukDay } from '$lib/server/opportunities';

describe('closingInstant', () => {
	it('is null without a day', () => {
		expect(closingInstant(null)).toBeNull();
		expect(closingInstant('')).toBeNull();
	});

	it('is the last second of the day in the UK in winter (GMT)', () => {
		expect(closingInstant('2027-01-15')).toBe('2027-01-15T23:59:59.000Z');
		expect(closingInstant('2027-12-31')).toBe('2027-12-31T23:59:59.000Z');
	});

	it('is the last second of the day in the UK in summer (BST, an hour earlier in UTC)', () => {
		expect(closingInstant('2027-07-15')).toBe('2027-07-15T22:59:59.000Z');
	});

	it('follows the clock change in late March', () => {
		// The clocks go forward at 01:00 UTC on Sunday 28 March 2027.
		expect(closingInstant('2027-03-27')).toBe('2027-03-27T23:59:59.000Z');
		expect(closingInstant('2027-03-28')).toBe('2027-03-28T22:59:59.000Z');
		expect(closingInstant('2027-03-29')).toBe('2027-03-29T22:59:59.000Z');
	});

	it('follows the clock change in late October', () => {
		// The clocks go back at 01:00 UTC on Sunday 31 October 2027.
		expect(closingInstant('2027-10-30')).toBe('2027-10-30T22:59:59.000Z');
		expect(closingInstant('2027-10-31')).toBe('2027-10-31T23:59:59.000Z');
		expect(closingInstant('2027-11-01')).toBe('2027-11-01T23:59:59.000Z');
	});

	it('is always the last second of that same UK day, every day of the year', () => {
		const start = Date.UTC(2027, 0, 1);
		for (let i = 0; i < 365; i++) {
			const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
			const instant = closingInstant(day);
			expect(instant).not.toBeNull();
			const closes = Date.parse(instant as string);
			expect(ukDay(instant), day).toBe(day);
			// One second later it is the next day in the UK.
			expect(ukDay(new Date(closes + 1000).toISOString()), day).not.toBe(day);
		}
	});
});

describe('ukDay', () => {
	it('is empty without an instant', () => {
		expect(ukDay(null)).toBe('');
		expect(ukDay('')).toBe('');
	});

	it('gives the UK calendar day as YYYY-MM-DD', () => {
		expect(ukDay('2027-01-15T12:00:00Z')).toBe('2027-01-15');
		expect(ukDay('2027-01-15T23:59:59Z')).toBe('2027-01-15');
		expect(ukDay('2027-07-15T22:59:59Z')).toBe('2027-07-15');
		// Just after midnight in the UK in summer is still the day before in UTC.
		expect(ukDay('2027-07-15T23:00:00Z')).toBe('2027-07-16');
		expect(ukDay('2027-12-31T23:59:59Z')).toBe('2027-12-31');
		expect(ukDay('2028-01-01T00:00:00Z')).toBe('2028-01-01');
	});

	it('reads instants written with an offset', () => {
		expect(ukDay('2027-07-16T00:30:00+01:00')).toBe('2027-07-16');
		expect(ukDay('2027-01-15T23:30:00-05:00')).toBe('2027-01-16');
	});
});

describe('readFilters', () => {
	const types = Object.keys(OPPORTUNITY_TYPES);
	const wheres = Object.keys(LOCATION_TYPES);
	const read = (query: string) => readFilters(new URLSearchParams(query), types, wheres);

	it('gives empty filters for no query', () => {
		expect(read('')).toEqual({ q: '', type: '', topic: '', where: '', closingSoon: false });
	});

	it('reads every known filter', () => {
		expect(read('q=housing&type=committee&topic=mental+health&where=online&closing=soon')).toEqual({
			q: 'housing',
			type: 'committee',
			topic: 'mental health',
			where: 'online',
			closingSoon: true
		});
	});

	it('accepts every type, place and topic offered', () => {
		for (const type of types) expect(read(`type=${type}`).type).toBe(type);
		for (const where of wheres) expect(read(`where=${where}`).where).toBe(where);
		for (const topic of TOPICS) expect(read(`topic=${encodeURIComponent(topic)}`).topic).toBe(topic);
	});

	it('drops unknown types, places and topics', () => {
		expect(read('type=party&where=moon&topic=gardening')).toEqual({
			q: '',
			type: '',
			topic: '',
			where: '',
			closingSoon: false
		});
		// Only exact values count.
		expect(read('type=Committee&where=ONLINE&topic=Autism')).toMatchObject({
			type: '',
			where: '',
			topic: ''
		});
		// Names of object properties are not values.
		expect(read('type=toString&where=constructor&topic=__proto__')).toMatchObject({
			type: '',
			where: '',
			topic: ''
		});
	});

	it('uses only the types and places it is given', () => {
		expect(
			readFilters(new URLSearchParams('type=committee&where=online'), ['event'], ['in_person'])
		).toMatchObject({
			type: '',
			where: ''
		});
	});

	it('trims the search words and cuts them to 100 characters', () => {
		expect(read('q=%20%20easy%20read%20%20').q).toBe('easy read');
		expect(read(`q=${'a'.repeat(150)}`).q).toBe('a'.repeat(100));
		expect(read(`q=${encodeURIComponent(`  ${'b'.repeat(100)}  `)}`).q).toBe('b'.repeat(100));
	});

	it('filters to closing soon only for closing=soon', () => {
		expect(read('closing=soon').closingSoon).toBe(true);
		expect(read('closing=').closingSoon).toBe(false);
		expect(read('closing=later').closingSoon).toBe(false);
		expect(read('closing=SOON').closingSoon).toBe(false);
	});

	it('takes the first value when a filter is repeated', () => {
		expect(read('type=event&type=committee').type).toBe('event');
	});
});
