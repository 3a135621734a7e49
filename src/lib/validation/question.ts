// Checking an application question staff write: its kind, the question itself, an optional hint,
// the options members choose from, and whether it must be answered.
import * as v from 'valibot';
import type { QuestionKind } from '$lib/applications';
import { formValues, optionalText, parse, text } from './form';

/** The kinds of question, as staff choose them when writing one. */
export const QUESTION_KINDS: Record<QuestionKind, string> = {
	text: 'Written answer (members can also record their voice or ask for a phone call)',
	choice: 'Choose one from a list',
	yes_no: 'Yes or no'
};

export const MAX_OPTIONS = 12;
export const OPTION_MAX = 200;

/** One option a line; blank lines and spaces around each are dropped, repeats kept once. */
export function optionsFromText(raw: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const line of raw.split(/\r?\n/)) {
		const option = line.trim().replace(/\s+/g, ' ');
		const key = option.toLowerCase();
		if (option && !seen.has(key)) {
			seen.add(key);
			out.push(option);
		}
	}
	return out;
}

export const questionSchema = v.pipe(
	v.object({
		kind: v.pipe(
			v.optional(v.string(), ''),
			v.check((s) => Object.hasOwn(QUESTION_KINDS, s), 'Choose what kind of answer members give'),
			v.transform((s) => s as QuestionKind)
		),
		prompt: text('the question', { min: 3, max: 300 }),
		hint: optionalText('the hint', { max: 600 }),
		options: v.pipe(v.optional(v.string(), ''), v.transform(optionsFromText)),
		required: v.pipe(
			v.optional(v.string(), ''),
			v.check((s) => s === 'yes' || s === 'no', 'Choose whether members must answer this question'),
			v.transform((s) => s === 'yes')
		)
	}),
	v.forward(
		v.check(
			(q) => q.kind !== 'choice' || q.options.length >= 2,
			'Enter at least 2 options for members to choose from, one on each line'
		),
		['options']
	),
	v.forward(
		v.check(
			(q) => q.kind !== 'choice' || q.options.length <= MAX_OPTIONS,
			`Enter ${MAX_OPTIONS} options or fewer`
		),
		['options']
	),
	v.forward(
		v.check(
			(q) => q.options.every((o) => o.length <= OPTION_MAX),
			`Each option must be ${OPTION_MAX} characters or fewer`
		),
		['options']
	),
	// Options belong only to "choose from a list"; for other kinds they are not kept.
	v.transform((q) => ({ ...q, options: q.kind === 'choice' ? q.options : [] }))
);

export type QuestionInput = v.InferOutput<typeof questionSchema>;

export function parseQuestionForm(form: FormData) {
	const values = formValues(form);
	return parse(questionSchema, values, values);
}

/** The form's fields for an existing question. */
export function questionToValues(q: {
	kind: QuestionKind;
	prompt: string;
	hint: string | null;
	options: string[];
	required: boolean;
}): Record<string, string> {
	return {
		kind: q.kind,
		prompt: q.prompt,
		hint: q.hint ?? '',
		options: q.options.join('\n'),
		required: q.required ? 'yes' : 'no'
	};
}
