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
import { list, optionalText } from './form';

const NUMBER_WORDS: Record<NumberField, string> = {
	large_print_size: 'the large print size',
	papers_days_before: 'how many days before',
	break_every_minutes: 'how often you need a break',
	break_minutes: 'how long each break should be'
};

function wholeNumber(field: NumberField) {
	const { min, max } = NUMBERS[field];
	const words = NUMBER_WORDS[field];
	return v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check(
			(s) => s === '' || /^\d+$/.test(s),
			`Enter ${words} as a whole number, like ${min + (max - min) / 4}`
		),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.check(
			(n) => n === null || (n >= min && n <= max),
			`${words.charAt(0).toUpperCase()}${words.slice(1)} must be from ${min} to ${max}`
		)
	);
}

function optionsOf(c: Category) {
	const keys = CATEGORY_INFO[c].options.map((o) => o.key);
	return v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(
			v.picklist(
				(keys.length ? keys : ['none']) as AccessOption[],
				`Choose from the list for ${CATEGORY_INFO[c].label.toLowerCase()}`
			)
		)
	);
}

/** The fields of every category, keyed by form name. */
const needEntries: Record<string, v.GenericSchema> = {};
for (const c of CATEGORIES) {
	needEntries[`${c}.options`] = optionsOf(c);
	needEntries[`${c}.note`] = optionalText(`what you wrote about ${CATEGORY_INFO[c].label.toLowerCase()}`, {
		max: 1000
	});
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

const yesNo = (message: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.check((s) => s === 'yes' || s === 'no', message),
		v.transform((s) => s === 'yes')
	);

export const passportSchema = v.object({
	...needEntries,
	share_with_staff: yesNo('Choose whether staff who arrange adjustments may see your access needs'),
	consent: v.optional(v.picklist(['yes'], 'Tick the box to agree that we can keep your access needs'))
});

export const requestSchema = v.object({
	...needEntries,
	share_with_organisers: yesNo(
		'Choose whether the organisers and the venue may see what you asked for this meeting'
	)
});

/** Which meetings a request is for: one meeting's id, or "all". */
export const scopeSchema = v.object({
	meeting: v.pipe(
		v.string('Choose a meeting, or all meetings'),
		v.trim(),
		v.check((s) => s === 'all' || /^\d{1,12}$/.test(s), 'Choose a meeting, or all meetings'),
		v.transform((s) => (s === 'all' ? null : Number(s)))
	)
});

/** Errors with at least one thing asked for: the request needs one item. */
export const NOTHING_ASKED = 'Choose at least one adjustment, or write what you need';
