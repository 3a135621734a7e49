// Turning a submitted form into checked values, or into plain-words errors per field,
// GOV.UK style. The same schemas run on the server (always) and may run in the browser.
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * The form a request carries, with U+0000 taken out of its text. No one types it, and Postgres text
 * cannot hold it: left in, it would fail the save with a 500 rather than a message. Files (receipts)
 * are kept byte for byte. Every form action reads its form here (the lint rules say so).
 */
export async function readForm(request: Request): Promise<FormData> {
	const posted = await request.formData();
	const form = new FormData();
	for (const [name, value] of posted)
		if (typeof value === 'string') form.append(name, value.replaceAll('\0', ''));
		else form.append(name, value);
	return form;
}

/** Words typed into a search, from the address: without U+0000 (as readForm), trimmed and cut to length. */
export const searchText = (params: URLSearchParams, name = 'q', max = 100): string =>
	(params.get(name) ?? '').replaceAll('\0', '').trim().slice(0, max);

/**
 * A record's number sent in a form or an address (a booking, a meeting, an item): a whole number
 * from 1 up to the largest JavaScript holds exactly, which is as far as the database's ids go here.
 * Anything else (empty, -1, 1.5, twenty digits, a file) is null, for the caller to answer in plain
 * words rather than let the database refuse it.
 */
export function recordId(value: FormDataEntryValue | string | null | undefined): number | null {
	if (typeof value !== 'string' || !/^\s*\d{1,16}\s*$/.test(value)) return null;
	const n = Number(value);
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Every field of the form as strings (several values for repeated names, such as checkboxes). */
export function formValues(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((x): x is string => typeof x === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

/**
 * valibot's own words for a missing field or a wrong type ("Invalid key: Expected…") reach a person
 * only from a tampered form; even then they read plain words.
 */
function plain(issue: { message: string; received?: string }): string {
	if (!/^Invalid (key|type):/.test(issue.message)) return issue.message;
	return issue.received === 'undefined' ? m.form_err_missing() : m.form_err_wrong_form();
}

export function parse<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	values: Record<string, string | string[]>
): Parsed<v.InferOutput<S>> {
	const result = v.safeParse(schema, input, { abortPipeEarly: true });
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		// A bad item in a list (checkboxes) belongs to the list's field: "topics.0" is "topics".
		const key = (issue.path?.map((p) => String(p.key)).join('.') ?? 'form').replace(/\.\d+$/, '');
		errors[key] ??= plain(issue);
	}
	return { ok: false, errors, values };
}

/** A required, trimmed text field. */
export const text = (label: string, { min = 1, max = 200 } = {}) =>
	v.pipe(
		v.string(`Enter ${label}`),
		v.trim(),
		v.nonEmpty(`Enter ${label}`),
		v.minLength(min, `${capitalise(label)} must be ${min} characters or more`),
		v.maxLength(max, `${capitalise(label)} must be ${max} characters or fewer`)
	);

/** An optional, trimmed text field: empty becomes null. */
export const optionalText = (label: string, { max = 200 } = {}) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, `${capitalise(label)} must be ${max} characters or fewer`),
		v.transform((s) => (s === '' ? null : s))
	);

/** One value or several (checkboxes) as a list. */
export const list = (input: unknown): unknown[] =>
	Array.isArray(input) ? input : input === undefined || input === '' ? [] : [input];

export const emailOf = (whose: string) =>
	v.pipe(
		v.string(`Enter ${whose} email address`),
		v.trim(),
		v.nonEmpty(`Enter ${whose} email address`),
		v.maxLength(254, 'Email address must be 254 characters or fewer'),
		v.regex(
			/^[^@\s]+@[^@\s]+\.[^@\s]+$/,
			'Enter an email address in the correct format, like name@example.com'
		),
		v.toLowerCase()
	);

export const email = emailOf('your');

export function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
