// Access needs and adjustment requests as forms. Each category is a group of fields named
// "<category>.options" (checkboxes), "<category>.note" and, for papers and the meeting itself, the
// numbers ("papers.papers_days_before"). The same fields make the passport and a request.
import * as v from 'valibot';
import {
	CATEGORIES,
	CATEGORY_INFO,
	NUMBERS,
	NUMBER_FIELDS,
	type AccessOption,
	type Category,
	type NeedItem,
	type NumberField
} from '$lib/adjustments';
import { categoryWords } from '$lib/i18n/needs-words';
import { m } from '$lib/paraglide/messages';
import { list } from './form';

// Messages are functions, so each form reads them in the member's language when it is checked.
const NUMBER_MESSAGES: Record<
	NumberField,
	{
		whole: (i: { example: number }) => string;
		range: (i: { min: number; max: number }) => string;
	}
> = {
	large_print_size: { whole: m.need_err_large_print_size_whole, range: m.need_err_large_print_size_range },
	papers_days_before: {
		whole: m.need_err_papers_days_before_whole,
		range: m.need_err_papers_days_before_range
	},
	break_every_minutes: {
		whole: m.need_err_break_every_minutes_whole,
		range: m.need_err_break_every_minutes_range
	},
	break_minutes: { whole: m.need_err_break_minutes_whole, range: m.need_err_break_minutes_range }
};

function wholeNumber(field: NumberField) {
	const { min, max } = NUMBERS[field];
	const messages = NUMBER_MESSAGES[field];
	return v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check(
			(s) => s === '' || /^\d+$/.test(s),
			() => messages.whole({ example: min + (max - min) / 4 })
		),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.check(
			(n) => n === null || (n >= min && n <= max),
			() => messages.range({ min, max })
		)
	);
}

function optionsOf(c: Category) {
	const keys = CATEGORY_INFO[c].options.map((o) => o.key);
	return v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(
			v.picklist((keys.length ? keys : ['none']) as AccessOption[], () =>
				m.need_err_choose({ what: categoryWords(c).toLowerCase() })
			)
		)
	);
}

/** The fields of every category, keyed by form name. */
const needEntries: Record<string, v.GenericSchema> = {};
for (const c of CATEGORIES) {
	needEntries[`${c}.options`] = optionsOf(c);
	needEntries[`${c}.note`] = v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(1000, () => m.need_err_note_long({ what: categoryWords(c).toLowerCase(), max: 1000 })),
		v.transform((s) => (s === '' ? null : s))
	);
	for (const n of NUMBER_FIELDS) if (NUMBERS[n].category === c) needEntries[`${c}.${n}`] = wholeNumber(n);
}

type NeedFields = Record<string, unknown>;

/** The form's fields as items, leaving out categories with nothing chosen or written. */
export function toItems(data: NeedFields): NeedItem[] {
	const items: NeedItem[] = [];
	for (const c of CATEGORIES) {
		const num = (n: NumberField) =>
			NUMBERS[n].category === c ? ((data[`${c}.${n}`] as number | null | undefined) ?? null) : null;
		const item: NeedItem = {
			category: c,
			options: (data[`${c}.options`] as AccessOption[] | undefined) ?? [],
			note: (data[`${c}.note`] as string | null | undefined) ?? null,
			large_print_size: num('large_print_size'),
			papers_days_before: num('papers_days_before'),
			break_every_minutes: num('break_every_minutes'),
			break_minutes: num('break_minutes')
		};
		if (item.options.length || item.note || NUMBER_FIELDS.some((n) => item[n] !== null)) items.push(item);
	}
	return items;
}

/** Items as the form's values, to fill a form from a passport or a request (WCAG 3.3.7). */
export function toValues(items: NeedItem[]): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const item of items) {
		values[`${item.category}.options`] = item.options;
		if (item.note) values[`${item.category}.note`] = item.note;
		for (const n of NUMBER_FIELDS) {
			const value = item[n];
			if (value !== null && NUMBERS[n].category === item.category)
				values[`${item.category}.${n}`] = String(value);
		}
	}
	return values;
}

const yesNo = (message: () => string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.check((s) => s === 'yes' || s === 'no', message),
		v.transform((s) => s === 'yes')
	);

export const passportSchema = v.object({
	...needEntries,
	share_with_staff: yesNo(m.need_err_share_with_staff),
	consent: v.optional(v.picklist(['yes'], () => m.need_err_consent()))
});

export const requestSchema = v.object({
	...needEntries,
	share_with_organisers: yesNo(m.need_err_share_with_organisers)
});

/** Which meetings a request is for: one meeting's id, or "all". */
export const scopeSchema = v.object({
	meeting: v.pipe(
		v.string(() => m.adj_err_meeting()),
		v.trim(),
		v.check(
			(s) => s === 'all' || /^\d{1,12}$/.test(s),
			() => m.adj_err_meeting()
		),
		v.transform((s) => (s === 'all' ? null : Number(s)))
	)
});

/** Errors with at least one thing asked for: the request needs one item. */
export const NOTHING_ASKED = (): string => m.adj_err_nothing_asked();
