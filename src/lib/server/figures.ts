// The year's figures for staff: read from the database functions that count them (staff only;
// the functions refuse anyone else), and the CSV files of every figure and of the rows behind them.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	FIGURES,
	toCsv,
	toNumber,
	yearShort,
	type Figure,
	type FigureKey,
	type ProgrammeFigure
} from '$lib/figures';
import { fail } from './db/fail';

export interface YearFigures {
	year: number;
	figures: Record<FigureKey, Figure>;
	order: FigureKey[];
	programmes: ProgrammeFigure[];
}

export async function loadYear(db: SupabaseClient, year: number): Promise<YearFigures> {
	const [figures, programmes] = await Promise.all([
		db.rpc('year_figures', { fy: year }),
		db.rpc('year_programme_figures', { fy: year })
	]);
	if (figures.error) fail('The year’s figures', figures.error);
	if (programmes.error) fail('The year’s figures by programme', programmes.error);
	const rows = (figures.data as Record<string, unknown>[]).map((r) => ({
		figure: r.figure as FigureKey,
		value: toNumber(r.value),
		previous_value: toNumber(r.previous_value),
		change: toNumber(r.change)
	}));
	return {
		year,
		figures: Object.fromEntries(rows.map((r) => [r.figure, r])) as Record<FigureKey, Figure>,
		order: rows.map((r) => r.figure),
		programmes: (programmes.data as Record<string, unknown>[]).map((r) => ({
			programme: String(r.programme),
			activities: toNumber(r.activities) ?? 0,
			members: toNumber(r.members) ?? 0,
			non_members: toNumber(r.non_members) ?? 0,
			people: toNumber(r.people) ?? 0,
			members_per_activity: toNumber(r.members_per_activity),
			previous_activities: toNumber(r.previous_activities) ?? 0,
			previous_members: toNumber(r.previous_members) ?? 0,
			previous_people: toNumber(r.previous_people) ?? 0
		}))
	};
}

export async function activeTarget(db: SupabaseClient): Promise<number> {
	const { data, error } = await db.from('figures_settings').select('active_target_percent').single();
	if (error) fail('The target', error);
	return (data as { active_target_percent: number }).active_target_percent;
}

/** Admins only (Row Level Security refuses others: no row changes, so this says false). */
export async function setActiveTarget(db: SupabaseClient, percent: number): Promise<boolean> {
	const { data, error } = await db
		.from('figures_settings')
		.update({ active_target_percent: percent })
		.eq('id', true)
		.select('active_target_percent');
	if (error) fail('Changing the target', error);
	return (data as unknown[]).length === 1;
}

// CSV files -----------------------------------------------------------------------------------------

interface CsvFile {
	/** What the file holds, in words (for the link). */
	title: string;
	/** The database function that gives its rows (none: built from the figures). */
	rpc?: string;
	header: string[];
	columns?: string[];
}

export const CSV_FILES = {
	figures: {
		title: 'Every figure, with last year’s and the change',
		header: ['Figure', 'Key', 'This year', 'Last year', 'Change']
	},
	programmes: {
		title: 'Figures by programme',
		header: [
			'Programme',
			'Activities',
			'Members',
			'People who are not members',
			'People',
			'Members per activity',
			'Activities last year',
			'Members last year',
			'People last year'
		]
	},
	network: {
		title: 'Members in the network at the end of the year, and who took part',
		rpc: 'year_network_rows',
		header: ['Member', 'Status now', 'Joined', 'Left', 'Took part in the year', 'Activities'],
		columns: ['member', 'status', 'joined_on', 'left_on', 'took_part', 'activities']
	},
	involvements: {
		title: 'Every place taken in the year',
		rpc: 'year_involvement_rows',
		header: ['Activity', 'Programme', 'Person', 'Member or not', 'Role', 'From', 'Until'],
		columns: ['activity', 'programme', 'person', 'person_kind', 'role', 'starts_on', 'ends_on']
	},
	adjustments: {
		title: 'Adjustments arranged in the year (without names)',
		rpc: 'year_adjustment_rows',
		header: [
			'Item',
			'Kind of adjustment',
			'Activity',
			'Meeting starts',
			'Due by',
			'Arranged',
			'On time',
			'Cost in pence'
		],
		columns: [
			'item_id',
			'category',
			'activity',
			'meeting_starts_at',
			'due_at',
			'arranged_at',
			'on_time',
			'cost_pence'
		]
	},
	payments: {
		title: 'Claims paid in the year (without names)',
		rpc: 'year_payment_rows',
		header: ['Claim', 'Claimed', 'Paid', 'Days to payment', 'Fees in pence', 'Expenses in pence'],
		columns: ['reference', 'submitted_on', 'paid_on', 'days', 'fees_pence', 'expenses_pence']
	}
} as const satisfies Record<string, CsvFile>;

export type CsvName = keyof typeof CSV_FILES;

export function isCsvName(name: string): name is CsvName {
	return Object.hasOwn(CSV_FILES, name);
}

export function csvFileName(name: CsvName, year: number): string {
	return `together-${name}-${yearShort(year)}.csv`;
}

/** The CSV text of one file for a year, or null when the person may not read those rows. */
export async function yearCsv(db: SupabaseClient, name: CsvName, year: number): Promise<string | null> {
	const file = CSV_FILES[name];
	if (name === 'figures' || name === 'programmes') {
		const y = await loadYear(db, year);
		if (name === 'figures')
			return toCsv(
				file.header,
				y.order.map((k) => {
					const f = y.figures[k];
					return [FIGURES[k].label, k, f.value, f.previous_value, f.change];
				})
			);
		return toCsv(
			file.header,
			y.programmes.map((p) => [
				p.programme,
				p.activities,
				p.members,
				p.non_members,
				p.people,
				p.members_per_activity,
				p.previous_activities,
				p.previous_members,
				p.previous_people
			])
		);
	}
	const f = file as CsvFile;
	const { data, error } = await db.rpc(f.rpc!, { fy: year });
	if (error) {
		if (error.code === '42501') return null;
		fail(f.title, error);
	}
	return toCsv(
		f.header,
		(data as Record<string, unknown>[]).map((r) => f.columns!.map((c) => r[c] as string | number | null))
	);
}
