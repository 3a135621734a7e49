import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CLOSING_SOON_DAYS, closingText, daysBetween, formatDate, isClosingSoon } from '$lib/opportunities';

const at = (iso: string) => Date.parse(iso);

describe('formatDate', () => {
	it('gives an empty string for no date', () => {
		expect(formatDate(null)).toBe('');
		expect(formatDate('')).toBe('');
	});

	it('shows a calendar day as that same day, in words', () => {
		expect(formatDate('2027-03-27')).toBe('27 March 2027');
		expect(formatDate('2027-01-01')).toBe('1 January 2027');
		expect(formatDate('2027-12-31')).toBe('31 December 2027');
	});

	it('adds the weekday in the long form', () => {
		// Some ICU versions put a comma after the weekday.
		expect(formatDate('2027-03-27', true)).toMatch(/^Saturday,? 27 March 2027$/);
		expect(formatDate('2027-10-31', true)).toMatch(/^Sunday,? 31 October 2027$/);
	});

	it('shows an instant as its day in the UK, not in UTC', () => {
		// 23:30 UTC in summer is 00:30 the next day in the UK (BST).
		expect(formatDate('2027-07-15T23:30:00Z')).toBe('16 July 2027');
		// 23:30 UTC in winter is still the same day in the UK (GMT).
		expect(formatDate('2027-01-15T23:30:00Z')).toBe('15 January 2027');
		// The last second of the day before the clocks go forward (28 March 2027 at 01:00 UTC).
		expect(formatDate('2027-03-27T23:59:59Z')).toBe('27 March 2027');
		// The end of 28 March 2027 in the UK, already in BST.
		expect(formatDate('2027-03-28T22:59:59Z')).toBe('28 March 2027');
		expect(formatDate('2027-03-28T23:00:00Z')).toBe('29 March 2027');
		// The end of 30 October 2027 in the UK, still in BST; the clocks go back on the 31st.
		expect(formatDate('2027-10-30T22:59:59Z')).toBe('30 October 2027');
		expect(formatDate('2027-10-30T23:00:00Z')).toBe('31 October 2027');
		expect(formatDate('2027-10-31T23:59:59Z')).toBe('31 October 2027');
	});
});

describe('isClosingSoon', () => {
	const now = at('2027-05-01T12:00:00Z');

	it('is true for a published opportunity closing within the next 14 days', () => {
		expect(isClosingSoon({ status: 'published', closes_at: '2027-05-01T13:00:00Z' }, now)).toBe(true);
		expect(isClosingSoon({ status: 'published', closes_at: '2027-05-08T12:00:00Z' }, now)).toBe(true);
	});

	it('counts UK calendar days, so all of the 14th day is soon and the 15th is not', () => {
		expect(CLOSING_SOON_DAYS).toBe(14);
		// Noon on 1 May; the end of 15 May (BST) is 14 calendar days away.
		expect(isClosingSoon({ status: 'published', closes_at: '2027-05-15T22:59:59Z' }, now)).toBe(true);
		expect(isClosingSoon({ status: 'published', closes_at: '2027-05-15T23:00:01Z' }, now)).toBe(false);
		expect(closingText({ status: 'published', closes_at: '2027-05-15T22:59:59Z' }, now)).toBe(
			'Closes in 14 days'
		);
	});

	it('counts closing at this very moment as soon, but not one that has already closed', () => {
		expect(isClosingSoon({ status: 'published', closes_at: new Date(now).toISOString() }, now)).toBe(true);
		expect(isClosingSoon({ status: 'published', closes_at: new Date(now - 1000).toISOString() }, now)).toBe(
			false
		);
	});

	it('is false without a closing date', () => {
		expect(isClosingSoon({ status: 'published', closes_at: null }, now)).toBe(false);
	});

	it('is false unless the opportunity is published', () => {
		const closes_at = '2027-05-03T12:00:00Z';
		expect(isClosingSoon({ status: 'draft', closes_at }, now)).toBe(false);
		expect(isClosingSoon({ status: 'closed', closes_at }, now)).toBe(false);
		expect(isClosingSoon({ status: 'archived', closes_at }, now)).toBe(false);
	});
});

describe('daysBetween', () => {
	it('is 0 within the same UK day', () => {
		expect(daysBetween(at('2027-01-15T00:00:00Z'), at('2027-01-15T23:59:59Z'))).toBe(0);
		// 00:30 and 23:30 BST on 16 July.
		expect(daysBetween(at('2027-07-15T23:30:00Z'), at('2027-07-16T22:30:00Z'))).toBe(0);
	});

	it('counts calendar days, not 24-hour periods', () => {
		expect(daysBetween(at('2027-01-15T23:00:00Z'), at('2027-01-16T01:00:00Z'))).toBe(1);
		expect(daysBetween(at('2027-01-15T00:00:00Z'), at('2027-01-16T23:59:59Z'))).toBe(1);
		expect(daysBetween(at('2027-01-01T12:00:00Z'), at('2027-01-31T12:00:00Z'))).toBe(30);
	});

	it('uses the UK day, which in summer starts at 23:00 UTC', () => {
		// 22:30 UTC is 23:30 BST on the 15th; 23:30 UTC is 00:30 BST on the 16th.
		expect(daysBetween(at('2027-07-15T22:30:00Z'), at('2027-07-15T23:30:00Z'))).toBe(1);
	});

	it('is negative when `to` is an earlier day', () => {
		expect(daysBetween(at('2027-01-16T12:00:00Z'), at('2027-01-15T12:00:00Z'))).toBe(-1);
	});

	it('counts whole days across the clock change in late March (a 23-hour day)', () => {
		expect(daysBetween(at('2027-03-27T12:00:00Z'), at('2027-03-28T22:59:59Z'))).toBe(1);
		expect(daysBetween(at('2027-03-27T00:00:00Z'), at('2027-03-29T00:00:00Z'))).toBe(2);
		expect(daysBetween(at('2027-03-20T12:00:00Z'), at('2027-04-03T12:00:00Z'))).toBe(14);
	});

	it('counts whole days across the clock change in late October (a 25-hour day)', () => {
		expect(daysBetween(at('2027-10-30T12:00:00Z'), at('2027-10-31T23:59:59Z'))).toBe(1);
		expect(daysBetween(at('2027-10-30T23:30:00Z'), at('2027-10-31T23:30:00Z'))).toBe(0);
		expect(daysBetween(at('2027-10-24T12:00:00Z'), at('2027-11-07T12:00:00Z'))).toBe(14);
	});

	it('agrees with the UK calendar for any two instants, around the clock changes too', () => {
		const uk = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
		const slow = (a: number, b: number) =>
			Math.round(
				(Date.parse(`${uk.format(b)}T00:00:00Z`) - Date.parse(`${uk.format(a)}T00:00:00Z`)) / 86_400_000
			);
		const instant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2029-12-31T23:59:59Z') });
		fc.assert(
			fc.property(instant, instant, (a, b) => daysBetween(a, b) === slow(a, b)),
			{ numRuns: 2000 }
		);
		// Each side of midnight and of each clock change, to the second.
		for (const iso of [
			'2027-03-28T00:59:59Z',
			'2027-03-28T01:00:00Z',
			'2027-07-15T22:59:59Z',
			'2027-07-15T23:00:00Z',
			'2027-10-31T00:59:59Z',
			'2027-10-31T01:00:00Z',
			'2027-01-15T23:59:59Z',
			'2027-01-16T00:00:00Z'
		])
			expect(daysBetween(at('2027-01-01T12:00:00Z'), at(iso))).toBe(
				slow(at('2027-01-01T12:00:00Z'), at(iso))
			);
	});
});

describe('closingText', () => {
	const open = (closes_at: string | null) => ({ status: 'published' as const, closes_at });

	it('says Closed for closed and archived opportunities, whatever the date', () => {
		const now = at('2027-05-01T12:00:00Z');
		expect(closingText({ status: 'closed', closes_at: '2027-06-01T22:59:59Z' }, now)).toBe('Closed');
		expect(closingText({ status: 'archived', closes_at: '2027-06-01T22:59:59Z' }, now)).toBe('Closed');
		expect(closingText({ status: 'closed', closes_at: null }, now)).toBe('Closed');
	});

	it('says when there is no closing date', () => {
		expect(closingText(open(null), at('2027-05-01T12:00:00Z'))).toBe('No closing date');
	});

	it('says Closed once the closing time has passed', () => {
		expect(closingText(open('2027-05-01T11:59:59Z'), at('2027-05-01T12:00:00Z'))).toBe('Closed');
		expect(closingText(open('2026-12-31T23:59:59Z'), at('2027-05-01T12:00:00Z'))).toBe('Closed');
	});

	it('says Closes today on the closing day', () => {
		expect(closingText(open('2027-01-15T23:59:59Z'), at('2027-01-15T09:00:00Z'))).toBe('Closes today');
		// At the closing moment itself it has not closed yet.
		expect(closingText(open('2027-01-15T23:59:59Z'), at('2027-01-15T23:59:59Z'))).toBe('Closes today');
	});

	it('says Closes today just after midnight in the UK in summer, when UTC is still on the day before', () => {
		// 23:30 UTC on 15 July is 00:30 BST on 16 July; it closes at the end of 16 July in the UK.
		expect(closingText(open('2027-07-16T22:59:59Z'), at('2027-07-15T23:30:00Z'))).toBe('Closes today');
	});

	it('says Closes tomorrow the day before', () => {
		expect(closingText(open('2027-01-16T23:59:59Z'), at('2027-01-15T09:00:00Z'))).toBe('Closes tomorrow');
		// Late in the evening, one second before midnight.
		expect(closingText(open('2027-01-16T23:59:59Z'), at('2027-01-15T23:59:59Z'))).toBe('Closes tomorrow');
	});

	it('says Closes tomorrow across the clock change in late March', () => {
		// Saturday 27 March 2027, closing at the end of Sunday 28 March (BST).
		expect(closingText(open('2027-03-28T22:59:59Z'), at('2027-03-27T12:00:00Z'))).toBe('Closes tomorrow');
	});

	it('says Closes tomorrow across the clock change in late October', () => {
		// Saturday 30 October 2027 (BST), closing at the end of Sunday 31 October (GMT).
		expect(closingText(open('2027-10-31T23:59:59Z'), at('2027-10-30T12:00:00Z'))).toBe('Closes tomorrow');
		// 23:30 UTC on the 30th is 00:30 BST on the 31st: it closes today.
		expect(closingText(open('2027-10-31T23:59:59Z'), at('2027-10-30T23:30:00Z'))).toBe('Closes today');
	});

	it('counts the days within the closing-soon window', () => {
		const now = at('2027-01-01T12:00:00Z');
		expect(closingText(open('2027-01-03T23:59:59Z'), now)).toBe('Closes in 2 days');
		expect(closingText(open('2027-01-08T23:59:59Z'), now)).toBe('Closes in 7 days');
		expect(closingText(open('2027-01-15T23:59:59Z'), now)).toBe('Closes in 14 days');
	});

	it('counts calendar days across the clock changes', () => {
		// From Friday 26 March (GMT) to the end of Monday 29 March (BST).
		expect(closingText(open('2027-03-29T22:59:59Z'), at('2027-03-26T23:30:00Z'))).toBe('Closes in 3 days');
		// From Friday 29 October (BST) to the end of Monday 1 November (GMT).
		expect(closingText(open('2027-11-01T23:59:59Z'), at('2027-10-29T22:30:00Z'))).toBe('Closes in 3 days');
	});

	it('gives the date beyond 14 days', () => {
		const now = at('2027-01-01T12:00:00Z');
		expect(closingText(open('2027-01-16T23:59:59Z'), now)).toBe('Closes on 16 January 2027');
		expect(closingText(open('2027-07-15T22:59:59Z'), now)).toBe('Closes on 15 July 2027');
	});

	it('gives the UK date, not the UTC date, beyond 14 days', () => {
		// The end of 31 October 2027 in the UK is 23:59:59 UTC; the end of 30 October is 22:59:59 UTC.
		expect(closingText(open('2027-10-30T22:59:59Z'), at('2027-09-01T12:00:00Z'))).toBe(
			'Closes on 30 October 2027'
		);
		expect(closingText(open('2027-10-31T23:59:59Z'), at('2027-09-01T12:00:00Z'))).toBe(
			'Closes on 31 October 2027'
		);
	});

	it('treats a draft like an open one', () => {
		expect(
			closingText({ status: 'draft', closes_at: '2027-01-16T23:59:59Z' }, at('2027-01-15T09:00:00Z'))
		).toBe('Closes tomorrow');
	});
});
