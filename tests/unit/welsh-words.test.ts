// Welsh dates written out by Together itself (some browsers carry no Welsh date names), checked
// against Node's own Welsh; and the quoting of a search for a PostgREST "or" filter.
import { describe, expect, it } from 'vitest';
import { welshDate } from '$lib/i18n/opportunity-words';
import { quoteForOr } from '$lib/server/opportunities';

const intl = (long: boolean) =>
	new Intl.DateTimeFormat('cy-GB', {
		...(long ? { weekday: 'long' } : {}),
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London'
	} as Intl.DateTimeFormatOptions);

describe('welshDate', () => {
	it('says each month and weekday as Welsh does', () => {
		for (let month = 0; month < 12; month++) {
			for (const day of [1, 9, 17, 28]) {
				const date = new Date(Date.UTC(2027, month, day, 12));
				expect(welshDate(date)).toBe(intl(false).format(date));
				expect(welshDate(date, true)).toBe(intl(true).format(date));
			}
		}
	});

	it('takes the day as it falls in the UK', () => {
		// 11:30pm on 31 March UTC is already 1 April in British Summer Time.
		expect(welshDate(new Date('2027-03-31T23:30:00Z'))).toBe('1 Ebrill 2027');
		expect(welshDate(new Date('2027-01-31T23:30:00Z'))).toBe('31 Ionawr 2027');
	});
});

describe('quoteForOr', () => {
	it('keeps commas, brackets, quotes and backslashes inside the value', () => {
		expect(quoteForOr('a,b (c)')).toBe('"a,b (c)"');
		expect(quoteForOr('say "hi"')).toBe('"say \\"hi\\""');
		expect(quoteForOr('back\\slash')).toBe('"back\\\\slash"');
	});
});
