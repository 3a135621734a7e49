import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	chosenYear,
	csvCell,
	financialYearBounds,
	financialYearOf,
	formatChange,
	formatFigure,
	toCsv,
	yearChoices,
	yearLong,
	yearShort
} from '$lib/figures';

describe('financial years', () => {
	it('run from 1 April to 31 March and are named by the year they start in', () => {
		expect(financialYearOf('2017-03-31')).toBe(2016);
		expect(financialYearOf('2017-04-01')).toBe(2017);
		expect(financialYearOf('2016-04-01')).toBe(2016);
		expect(financialYearOf('2017-01-15')).toBe(2016);
		expect(financialYearOf('2016-12-31')).toBe(2016);
		expect(financialYearBounds(2016)).toEqual({ first: '2016-04-01', last: '2017-03-31' });
	});

	it('take the day in the UK, so just after midnight on 1 April in summer time is the new year', () => {
		// 23:30 UTC on 31 March 2017 is 00:30 on 1 April in London (BST).
		expect(financialYearOf(new Date('2017-03-31T23:30:00Z'))).toBe(2017);
		expect(financialYearOf(new Date('2017-03-31T22:30:00Z'))).toBe(2016);
	});

	it('are written short and long', () => {
		expect(yearShort(2016)).toBe('2016-17');
		expect(yearShort(1999)).toBe('1999-00');
		expect(yearLong(2015)).toBe('1 April 2015 to 31 March 2016');
	});

	it('asked for in the address must be a whole year up to this one, otherwise this one', () => {
		expect(chosenYear('2016', 2026)).toBe(2016);
		expect(chosenYear(null, 2026)).toBe(2026);
		expect(chosenYear('2027', 2026)).toBe(2026);
		expect(chosenYear('1999', 2026)).toBe(2026);
		expect(chosenYear('2016.5', 2026)).toBe(2026);
		expect(chosenYear('2016; drop', 2026)).toBe(2026);
		const choices = yearChoices(2026);
		expect(choices[0]).toEqual(['2026', '2026-27 (1 April 2026 to 31 March 2027)']);
		expect(choices).toContainEqual(['2016', '2016-17 (1 April 2016 to 31 March 2017)']);
	});
});

describe('figures in words', () => {
	it('write each unit plainly, and "none" when there is no figure', () => {
		expect(formatFigure('members_active', 57)).toBe('57');
		expect(formatFigure('members_active_percent', 81)).toBe('81%');
		expect(formatFigure('fees_paid_pence', 123456)).toBe('£1,234.56');
		expect(formatFigure('days_to_payment_median', 18.5)).toBe('18.5 days');
		expect(formatFigure('days_to_payment_slowest', 1)).toBe('1 day');
		expect(formatFigure('members_per_activity', 2.35)).toBe('2.4');
		expect(formatFigure('days_to_payment_median', null)).toBe('none');
	});

	it('say the change from last year as up, down or no change', () => {
		expect(formatChange('members_active', 4)).toBe('up 4');
		expect(formatChange('members_active_percent', -4)).toBe('down 4 points');
		expect(formatChange('fees_paid_pence', -1200)).toBe('down £12.00');
		expect(formatChange('network_size', 0)).toBe('no change');
		expect(formatChange('network_size', null)).toBe('');
	});
});

describe('CSV files', () => {
	it('quote every cell and double quotes inside', () => {
		expect(csvCell('Guideline committee: "home care"')).toBe('"Guideline committee: ""home care"""');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell(null)).toBe('""');
		expect(csvCell(57)).toBe('"57"');
		expect(csvCell(-4)).toBe('"-4"');
		expect(csvCell(true)).toBe('"yes"');
	});

	it('make text a spreadsheet would run as a formula plain', () => {
		for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
			expect(csvCell(bad).startsWith(`"'`)).toBe(true);
		expect(csvCell('=1+1')).toBe(`"'=1+1"`);
		expect(csvCell('Ann-Marie')).toBe('"Ann-Marie"');
	});

	it('end every line with CRLF, header first', () => {
		expect(
			toCsv(
				['Figure', 'Value'],
				[
					['Members', 70],
					['Line\nbreak', null]
				]
			)
		).toBe('"Figure","Value"\r\n"Members","70"\r\n"Line\nbreak",""\r\n');
	});
});

// The median and slowest days from claim to payment are worked out by a database function; run that
// very function (taken from its migration) on an in-memory Postgres.
describe('days from claim to payment', () => {
	let db: PGlite;
	beforeAll(async () => {
		const migration = readFileSync('supabase/migrations/20261127125100_year_figures.sql', 'utf8');
		const fn = migration.match(/create function private\.days_summary[\s\S]*?\$\$;/)?.[0];
		if (!fn) throw new Error('private.days_summary is not in the migration');
		db = await PGlite.create();
		await db.exec(`create schema private; ${fn}`);
	}, 30_000);
	afterAll(() => db?.close());

	async function summary(days: number[]) {
		const { rows } = await db.query<{ median: string | null; slowest: number | null }>(
			'select median::text, slowest from private.days_summary($1::integer[])',
			[days]
		);
		return rows[0];
	}

	it('give the middle value and the longest', async () => {
		expect(await summary([18, 3, 40])).toEqual({ median: '18.0', slowest: 40 });
	});

	it('take the mean of the two middle values when the count is even', async () => {
		expect(await summary([3, 18, 20, 40])).toEqual({ median: '19.0', slowest: 40 });
		expect(await summary([1, 2])).toEqual({ median: '1.5', slowest: 2 });
	});

	it('are empty when nothing was paid', async () => {
		expect(await summary([])).toEqual({ median: null, slowest: null });
	});
});
