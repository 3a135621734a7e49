// The year's figures in staff's words: financial years (1 April to 31 March, named by the year they
// start in, so 2016 is 2016-17), what each figure is called and how it is written, and CSV files.
// The figures themselves are counted in the database (public.year_figures and friends).
import { formatPence } from './payments';

/** The first year anyone may ask about. */
export const FIRST_YEAR = 2010;

/** The financial year a UK day falls in. */
export function financialYearOf(day: Date | string): number {
	const iso =
		typeof day === 'string'
			? day.slice(0, 10)
			: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(day);
	const year = Number(iso.slice(0, 4));
	const month = Number(iso.slice(5, 7));
	return month >= 4 ? year : year - 1;
}

/** The first and last day of a financial year, as ISO dates. */
export function financialYearBounds(year: number): { first: string; last: string } {
	return { first: `${year}-04-01`, last: `${year + 1}-03-31` };
}

/** "2016-17". */
export function yearShort(year: number): string {
	return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** "1 April 2016 to 31 March 2017". */
export function yearLong(year: number): string {
	return `1 April ${year} to 31 March ${year + 1}`;
}

/** The year asked for in ?year=, if it is a whole year from FIRST_YEAR to this one; otherwise this one. */
export function chosenYear(asked: string | null, thisYear: number): number {
	if (asked === null || !/^\d{4}$/.test(asked)) return thisYear;
	const n = Number(asked);
	return n >= FIRST_YEAR && n <= thisYear ? n : thisYear;
}

/** The years offered, newest first, as [value, label]. */
export function yearChoices(thisYear: number): [string, string][] {
	const out: [string, string][] = [];
	for (let y = thisYear; y >= FIRST_YEAR; y--) out.push([String(y), `${yearShort(y)} (${yearLong(y)})`]);
	return out;
}

export type FigureKey =
	| 'network_size'
	| 'members_active'
	| 'members_active_percent'
	| 'active_target_percent'
	| 'activities'
	| 'members_per_activity'
	| 'people_involved'
	| 'non_members_involved'
	| 'adjustments_arranged'
	| 'adjustments_on_time'
	| 'adjustments_on_time_percent'
	| 'adjustments_cost_pence'
	| 'claims_paid'
	| 'fees_paid_pence'
	| 'expenses_paid_pence'
	| 'days_to_payment_median'
	| 'days_to_payment_slowest';

type Unit = 'count' | 'percent' | 'pence' | 'days' | 'decimal';

export const FIGURES: Record<FigureKey, { label: string; unit: Unit }> = {
	network_size: { label: 'Members in the network at the end of the year', unit: 'count' },
	members_active: { label: 'Members who took part at least once', unit: 'count' },
	members_active_percent: { label: 'Share of members who took part', unit: 'percent' },
	active_target_percent: { label: 'Target share of members taking part', unit: 'percent' },
	activities: { label: 'Activities with members taking part', unit: 'count' },
	members_per_activity: { label: 'Members per activity (average)', unit: 'decimal' },
	people_involved: { label: 'People who took part, members or not', unit: 'count' },
	non_members_involved: { label: 'People who took part who are not members', unit: 'count' },
	adjustments_arranged: { label: 'Adjustments arranged', unit: 'count' },
	adjustments_on_time: { label: 'Adjustments arranged on time', unit: 'count' },
	adjustments_on_time_percent: { label: 'Share of adjustments arranged on time', unit: 'percent' },
	adjustments_cost_pence: { label: 'Cost of adjustments', unit: 'pence' },
	claims_paid: { label: 'Claims paid', unit: 'count' },
	fees_paid_pence: { label: 'Involvement fees paid', unit: 'pence' },
	expenses_paid_pence: { label: 'Expenses paid', unit: 'pence' },
	days_to_payment_median: { label: 'Days from claim to payment (median)', unit: 'days' },
	days_to_payment_slowest: { label: 'Days from claim to payment (slowest)', unit: 'days' }
};

export interface Figure {
	figure: FigureKey;
	value: number | null;
	previous_value: number | null;
	change: number | null;
}

export interface ProgrammeFigure {
	programme: string;
	activities: number;
	members: number;
	non_members: number;
	people: number;
	members_per_activity: number | null;
	previous_activities: number;
	previous_members: number;
	previous_people: number;
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A figure as written on the page: "70", "81%", "£1,234.00", "18 days", "2.4"; "none" when empty. */
export function formatFigure(key: FigureKey, value: number | null): string {
	if (value === null || value === undefined) return 'none';
	switch (FIGURES[key].unit) {
		case 'percent':
			return `${whole.format(value)}%`;
		case 'pence':
			return formatPence(value);
		case 'days':
			return `${whole.format(value)} ${value === 1 ? 'day' : 'days'}`;
		default:
			return whole.format(value);
	}
}

/** The change from last year in words: "up 9", "down £12.00", "no change", "" when either year is empty. */
export function formatChange(key: FigureKey, change: number | null): string {
	if (change === null || change === undefined) return '';
	if (change === 0) return 'no change';
	const size = formatFigure(key, Math.abs(change));
	const unit = FIGURES[key].unit;
	return `${change > 0 ? 'up' : 'down'} ${unit === 'percent' ? `${size.slice(0, -1)} points` : size}`;
}

/** Numbers come back from PostgREST as numbers or strings (numeric); make them numbers. */
export function toNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

/**
 * A CSV cell: always quoted, quotes doubled, and text a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) made plain with a leading apostrophe. Numbers stay numbers.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '""';
	if (typeof value === 'number') return Number.isFinite(value) ? `"${value}"` : '""';
	if (typeof value === 'boolean') return value ? '"yes"' : '"no"';
	const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${s.replace(/"/g, '""')}"`;
}

/** A whole CSV file: a header row, then the rows, CRLF line ends (as spreadsheets expect). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
	return (
		[header, ...rows]
			.map((cells) => cells.map((c) => csvCell(c as string | number | boolean | null)).join(','))
			.join('\r\n') + '\r\n'
	);
}
