// Checking what staff write about an adjustment: their answer to one item (agreed, partly agreed
// with what cannot be done, not possible with the reason and the alternative offered), what has
// been arranged and when, and the item's estimated and actual cost in pounds and pence.
import { formatCost } from '$lib/adjustments';
import { recordId } from '$lib/validation/form';

export const ANSWERS = {
	agreed: 'Agreed',
	partly_agreed: 'Partly agreed',
	not_possible: 'Not possible'
} as const;
export type Answer = keyof typeof ANSWERS;

export const WORDS_MAX = 1000;
export const WHAT_MAX = 500;
export const WHEN_MAX = 200;
/** £100,000.00, as the database allows. */
export const MAX_PENCE = 10_000_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Values = Record<string, string>;
type Result<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; values: Values };

/** The named fields of a form as strings. */
export function fieldsOf(form: FormData, keys: readonly string[]): Values {
	const values: Values = {};
	for (const key of keys) {
		const v = form.get(key);
		values[key] = typeof v === 'string' ? v : '';
	}
	return values;
}

const tidy = (s: string | undefined) => (s ?? '').trim();

export interface AnswerInput {
	item: number;
	decision: Answer;
	note: string | null;
	reason: string | null;
	alternative: string | null;
	requestKey: string;
}

export const ANSWER_FIELDS = ['item', 'decision', 'note', 'reason', 'alternative', 'request_key'] as const;

/** Errors are keyed by the field name with the item's id, so each item's form shows its own. */
export function parseAnswer(values: Values): Result<AnswerInput> {
	const item = recordId(values.item);
	const k = (field: string) => `${field}-${values.item}`;
	const errors: Record<string, string> = {};
	if (item === null)
		return { ok: false, errors: { form: 'This form is out of date. Open the request again.' }, values };
	const decision = values.decision ?? '';
	const note = tidy(values.note);
	const reason = tidy(values.reason);
	const alternative = tidy(values.alternative);
	if (!Object.hasOwn(ANSWERS, decision))
		errors[k('decision')] = 'Choose whether you agree, partly agree, or it is not possible';
	if (decision === 'partly_agreed' && !reason)
		errors[k('reason')] = 'Say in plain words what you cannot do, so the member understands why';
	if (decision === 'not_possible') {
		if (!reason) errors[k('reason')] = 'Say in plain words why it is not possible, so the member understands';
		if (!alternative) errors[k('alternative')] = 'Say what you can offer instead';
	}
	for (const [field, text] of [
		['note', note],
		['reason', reason],
		['alternative', alternative]
	] as const) {
		if (text.length > WORDS_MAX && !errors[k(field)])
			errors[k(field)] = `Use ${WORDS_MAX} characters or fewer`;
	}
	const requestKey = tidy(values.request_key);
	if (!UUID.test(requestKey)) errors.form = 'This form is out of date. Open the request again and send it.';
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return {
		ok: true,
		data: {
			item,
			decision: decision as Answer,
			note: note || null,
			// The reason and alternative go only with the answers that need them.
			reason: decision === 'agreed' ? null : reason,
			alternative:
				decision === 'not_possible' ? alternative : decision === 'partly_agreed' ? alternative || null : null,
			requestKey
		}
	};
}

export interface ArrangeInput {
	item: number;
	what: string;
	when: string | null;
	requestKey: string;
}

export const ARRANGE_FIELDS = ['item', 'what', 'when', 'request_key'] as const;

export function parseArrange(values: Values): Result<ArrangeInput> {
	const item = recordId(values.item);
	const k = (field: string) => `${field}-${values.item}`;
	const errors: Record<string, string> = {};
	if (item === null)
		return { ok: false, errors: { form: 'This form is out of date. Open the request again.' }, values };
	const what = tidy(values.what);
	const when = tidy(values.when);
	if (!what) errors[k('what')] = 'Say what you have arranged, like “Taxi booked from home”';
	else if (what.length > WHAT_MAX)
		errors[k('what')] = `What you have arranged must be ${WHAT_MAX} characters or fewer`;
	if (when.length > WHEN_MAX) errors[k('when')] = `When must be ${WHEN_MAX} characters or fewer`;
	const requestKey = tidy(values.request_key);
	if (!UUID.test(requestKey)) errors.form = 'This form is out of date. Open the request again and send it.';
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return { ok: true, data: { item, what, when: when || null, requestKey } };
}

/**
 * Pounds and pence as people type them ("12.50", "£12.5", "1,250", "£7") to whole pence; '' is null
 * (not known). Undefined when it cannot be read.
 */
export function penceFrom(raw: string): number | null | undefined {
	const s = raw
		.trim()
		.replace(/^£\s*/, '')
		.replace(/,(?=\d{3}(\D|$))/g, '');
	if (s === '') return null;
	const m = s.match(/^(\d{1,6})(?:\.(\d{1,2}))?$/);
	if (!m) return undefined;
	const pence = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
	return pence <= MAX_PENCE ? pence : undefined;
}

/** Whole pence as "£1,250.00". */
export function formatPounds(pence: number | null | undefined): string {
	return formatCost(pence ?? null);
}

/** Pence as the form shows them: "12.50", or '' when not known. */
export function poundsValue(pence: number | null | undefined): string {
	return pence === null || pence === undefined ? '' : (pence / 100).toFixed(2);
}

export interface CostInput {
	item: number;
	estimated: number | null;
	actual: number | null;
}

export const COST_FIELDS = ['item', 'estimated', 'actual'] as const;

export function parseCost(values: Values): Result<CostInput> {
	const item = recordId(values.item);
	const k = (field: string) => `${field}-${values.item}`;
	if (item === null)
		return { ok: false, errors: { form: 'This form is out of date. Open the request again.' }, values };
	const errors: Record<string, string> = {};
	const estimated = penceFrom(values.estimated ?? '');
	const actual = penceFrom(values.actual ?? '');
	const help = 'in pounds and pence, like 12.50, up to £100,000';
	if (estimated === undefined) errors[k('estimated')] = `Enter the estimated cost ${help}`;
	if (actual === undefined) errors[k('actual')] = `Enter the actual cost ${help}`;
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return { ok: true, data: { item, estimated: estimated!, actual: actual! } };
}
