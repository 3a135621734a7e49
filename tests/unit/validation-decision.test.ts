import { describe, expect, it } from 'vitest';
import {
	decisionValues,
	messageFor,
	parseDecision,
	parseTime,
	ukInstant,
	withDetails
} from '$lib/validation/decision';

const KEY = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const NOW = new Date('2026-11-26T10:00:00Z');

const invitation = (extra: Record<string, string> = {}) => ({
	decision: 'interview',
	request_key: KEY,
	interview_date: '2026-12-03',
	interview_time: '14:30',
	interview_place: 'Room 2, Town Hall, Manchester M2 5DB',
	term_starts_on: '',
	term_ends_on: '',
	subject: 'Invitation to a conversation about {opportunity}',
	body: 'Dear {name},\n\nWhen: {when}\nWhere: {where}',
	...extra
});

function errorsOf(values: Record<string, string>, needsTerm = false) {
	const result = parseDecision(values, { needsTerm, now: NOW });
	if (result.ok) throw new Error(`Expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

describe('parseTime', () => {
	it('reads the ways people write a time', () => {
		expect(parseTime('14:30')).toEqual({ hours: 14, minutes: 30 });
		expect(parseTime('09:05')).toEqual({ hours: 9, minutes: 5 });
		expect(parseTime('14.30')).toEqual({ hours: 14, minutes: 30 });
		expect(parseTime('2:30pm')).toEqual({ hours: 14, minutes: 30 });
		expect(parseTime('2:30 PM')).toEqual({ hours: 14, minutes: 30 });
		expect(parseTime('2pm')).toEqual({ hours: 14, minutes: 0 });
		expect(parseTime('12am')).toEqual({ hours: 0, minutes: 0 });
		expect(parseTime('12pm')).toEqual({ hours: 12, minutes: 0 });
		expect(parseTime('10 a.m.')).toEqual({ hours: 10, minutes: 0 });
		expect(parseTime('midday')).toEqual({ hours: 12, minutes: 0 });
		expect(parseTime('14:30:00')).toEqual({ hours: 14, minutes: 30 });
	});

	it('refuses what is not a time, or is ambiguous', () => {
		for (const bad of ['', '2', '25:00', '14:75', '13pm', '0am', 'half two', '14:3'])
			expect(parseTime(bad), bad).toBeNull();
	});
});

describe('ukInstant', () => {
	it('reads a day and time as London clock time, in winter and in summer', () => {
		expect(ukInstant('2026-12-03', { hours: 14, minutes: 30 })).toBe('2026-12-03T14:30:00.000Z');
		expect(ukInstant('2027-07-01', { hours: 10, minutes: 0 })).toBe('2027-07-01T09:00:00.000Z');
	});

	it('gets the days the clocks change right', () => {
		// 28 March 2027: clocks go forward at 01:00 GMT, so 01:30 does not exist.
		expect(ukInstant('2027-03-28', { hours: 0, minutes: 30 })).toBe('2027-03-28T00:30:00.000Z');
		expect(ukInstant('2027-03-28', { hours: 1, minutes: 30 })).toBeNull();
		expect(ukInstant('2027-03-28', { hours: 2, minutes: 30 })).toBe('2027-03-28T01:30:00.000Z');
		// 31 October 2027: clocks go back at 02:00 BST; afternoon is GMT again.
		expect(ukInstant('2027-10-31', { hours: 14, minutes: 0 })).toBe('2027-10-31T14:00:00.000Z');
		expect(ukInstant('2027-10-30', { hours: 14, minutes: 0 })).toBe('2027-10-30T13:00:00.000Z');
	});

	it('refuses days that are not on the calendar', () => {
		expect(ukInstant('2027-02-30', { hours: 10, minutes: 0 })).toBeNull();
	});
});

describe('parseDecision', () => {
	it('accepts a complete invitation and gives the interview as an instant', () => {
		const result = parseDecision(invitation(), { needsTerm: false, now: NOW });
		expect(result).toEqual({
			ok: true,
			data: {
				decision: 'interview',
				requestKey: KEY,
				subject: 'Invitation to a conversation about {opportunity}',
				body: 'Dear {name},\n\nWhen: {when}\nWhere: {where}',
				interviewAt: '2026-12-03T14:30:00.000Z',
				interviewPlace: 'Room 2, Town Hall, Manchester M2 5DB',
				termStartsOn: null,
				termEndsOn: null
			}
		});
	});

	it('asks for the date, time and place of an interview', () => {
		expect(errorsOf(invitation({ interview_date: '', interview_time: '', interview_place: ' ' }))).toEqual({
			interview_date: 'Enter the date of the interview',
			interview_time: 'Enter the time of the interview',
			interview_place: 'Enter where the interview is, or the link to join it'
		});
	});

	it('refuses an interview date or time that is not real, or already past', () => {
		expect(errorsOf(invitation({ interview_date: '2026-02-30' })).interview_date).toBe(
			'Enter the interview date as a real date, like 2027-03-27'
		);
		expect(errorsOf(invitation({ interview_time: 'teatime' })).interview_time).toBe(
			'Enter the time of the interview, like 14:30 or 2:30pm'
		);
		expect(errorsOf(invitation({ interview_date: '2026-11-25' })).interview_date).toBe(
			'The interview date must be today or in the future'
		);
		expect(
			errorsOf(invitation({ interview_date: '2026-11-26', interview_time: '09:00' })).interview_time
		).toBe('The interview time must be in the future');
		expect(
			errorsOf(invitation({ interview_date: '2027-03-28', interview_time: '01:30' })).interview_time
		).toMatch(/clocks go forward/);
	});

	it('asks for a subject and a message, and keeps them within what is stored', () => {
		const errors = errorsOf(invitation({ subject: '  ', body: '\n' }));
		expect(errors.subject).toBe('Enter a subject for the message');
		expect(errors.body).toBe('Enter the message to the member');
		expect(errorsOf(invitation({ subject: 'x'.repeat(151) })).subject).toBe(
			'The subject must be 150 characters or fewer'
		);
		expect(errorsOf(invitation({ body: 'x'.repeat(4501) })).body).toBe(
			'The message must be 4500 characters or fewer'
		);
	});

	it('points out words in curly brackets it cannot fill in', () => {
		expect(errorsOf(invitation({ body: 'Dear {nmae},' })).body).toBe(
			'The message has {nmae}, which we cannot fill in. Use only {name}, {opportunity}, {when}, {where}, or take out the curly brackets'
		);
		expect(
			errorsOf({ ...invitation(), decision: 'not_selected', body: 'Dear {name}, see you {when}' }).body
		).toMatch(/^The message has \{when\}/);
	});

	it('ignores interview fields for other decisions', () => {
		const result = parseDecision(
			{
				...invitation({ interview_date: '', interview_time: 'nonsense' }),
				decision: 'not_selected',
				body: 'Dear {name}'
			},
			{ needsTerm: false, now: NOW }
		);
		expect(result.ok && result.data.interviewAt).toBe(null);
	});

	it('asks for the term of a steering group offer, in order', () => {
		const offer = { ...invitation(), decision: 'offered', body: 'Dear {name}, the term runs {term}.' };
		expect(errorsOf(offer, true)).toEqual({
			term_starts_on: 'Enter the date the term starts',
			term_ends_on: 'Enter the date the term ends'
		});
		expect(errorsOf({ ...offer, term_starts_on: '2027-01-04', term_ends_on: '2026-12-31' }, true)).toEqual({
			term_ends_on: 'The term must end on or after the day it starts'
		});
		const ok = parseDecision(
			{ ...offer, term_starts_on: '2027-01-04', term_ends_on: '2029-12-31' },
			{ needsTerm: true, now: NOW }
		);
		expect(ok.ok && [ok.data.termStartsOn, ok.data.termEndsOn]).toEqual(['2027-01-04', '2029-12-31']);
		// Other offers have no term, so {term} cannot be filled in.
		expect(errorsOf(offer, false).body).toMatch(/\{term\}/);
	});

	it('refuses an unknown decision or a missing request key', () => {
		expect(errorsOf(invitation({ decision: 'hired' }))).toEqual({ decision: 'Choose what you have decided' });
		expect(errorsOf(invitation({ request_key: '' })).form).toMatch(/out of date/);
	});
});

describe('messages', () => {
	const input = {
		decision: 'interview' as const,
		requestKey: KEY,
		subject: 'About {opportunity}',
		body: 'Dear {name},\nWhen: {when}\nWhere: {where}',
		interviewAt: '2026-12-03T14:30:00.000Z',
		interviewPlace: 'On Zoom',
		termStartsOn: null,
		termEndsOn: null
	};

	it('fills in the interview details, leaving the name and opportunity for the database', () => {
		expect(withDetails(input.body, input)).toBe(
			'Dear {name},\nWhen: Thursday 3 December 2026 at 2:30pm\nWhere: On Zoom'
		);
	});

	it('shows each member the message exactly as they will get it', () => {
		expect(messageFor(input, { name: 'Bethan', opportunity: 'Guideline committee' })).toEqual({
			subject: 'About Guideline committee',
			body: 'Dear Bethan,\nWhen: Thursday 3 December 2026 at 2:30pm\nWhere: On Zoom'
		});
	});

	it('reads the form fields, with missing ones empty', () => {
		const form = new FormData();
		form.set('decision', 'shortlisted');
		form.set('body', 'Hello');
		expect(decisionValues(form)).toMatchObject({ decision: 'shortlisted', body: 'Hello', subject: '' });
	});
});
