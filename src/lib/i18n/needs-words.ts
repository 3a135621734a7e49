// Access needs in the page's language: the categories, their choices and a need in plain words.
// The English is as in $lib/adjustments (staff pages use that directly).
import {
	describeItem,
	overallStatus,
	type AccessOption,
	type AdjustmentItem,
	type Category,
	type NeedItem,
	type NumberField
} from '$lib/adjustments';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Messages = Record<string, ((inputs?: Record<string, unknown>) => string) | undefined>;
const say = (key: string, fallback: string, inputs?: Record<string, unknown>): string =>
	(m as unknown as Messages)[key]?.(inputs) ?? fallback;

export const categoryWords = (c: Category): string => say(`need_cat_${c}`, c);
export const categoryQuestion = (c: Category): string => say(`need_cat_${c}_q`, '');
export const categoryHint = (c: Category): string => say(`need_cat_${c}_hint`, '');
export const optionWords = (o: AccessOption): string => say(`need_opt_${o}`, o);
export const numberLabel = (f: NumberField): string => say(`need_num_${f}`, f);

function minutesWords(n: number): string {
	if (n === 60) return m.need_time_hour();
	if (n % 60 === 0) return m.need_time_hours({ count: n / 60 });
	return m.need_time_minutes({ count: n });
}

/** As describeItem in $lib/adjustments, in the page's language. The member's own note stays as written. */
export function describeItemWords(item: NeedItem): string[] {
	if (getLocale() !== 'cy') return describeItem(item);
	const lines: string[] = [];
	if (item.options.length) lines.push(item.options.map(optionWords).join(', '));
	if (item.large_print_size) lines.push(m.need_line_large_print({ size: item.large_print_size }));
	if (item.papers_days_before) lines.push(m.need_line_papers_days({ days: item.papers_days_before }));
	if (item.break_every_minutes || item.break_minutes) {
		const every = item.break_every_minutes
			? m.need_line_every({ time: minutesWords(item.break_every_minutes) })
			: '';
		const long = item.break_minutes ? m.need_line_for({ time: minutesWords(item.break_minutes) }) : '';
		lines.push([m.need_line_break(), every, long].filter(Boolean).join(' '));
	}
	if (item.note) lines.push(item.note);
	return lines;
}

/** As overallStatus in $lib/adjustments, in the page's language. */
export function overallStatusWords(items: Pick<AdjustmentItem, 'status'>[]): {
	label: string;
	tone: 'grey' | 'blue' | 'green' | 'yellow' | 'red';
} {
	const { tone } = overallStatus(items);
	const label = {
		grey: m.adjs_overall_nothing,
		blue: m.adjs_overall_waiting,
		green: m.adjs_overall_arranged,
		red: m.adjs_overall_not_possible,
		yellow: m.adjs_overall_answered
	}[tone]();
	return { label, tone };
}
