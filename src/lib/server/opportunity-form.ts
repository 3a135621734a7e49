// Reading the staff opportunity form: checks, plus what publishing needs, with errors keyed to fields.
import { fail } from '@sveltejs/kit';
import { formValues, readForm } from '$lib/validation/form';
import {
	easyReadFromForm,
	isRealDate,
	needsEasyReadWarning,
	parseOpportunityForm,
	publishProblems
} from '$lib/validation/opportunity';
import { ukDay } from './opportunities';

/** The fields in the order the form shows them, so the error summary lists problems in that order. */
const FIELD_ORDER = [
	'type',
	'title',
	'summary',
	'description',
	'easy_read_text_0',
	'location_type',
	'location',
	'starts_on',
	'ends_on',
	'schedule',
	'time_commitment',
	'payment',
	'places',
	'closes_on',
	'topics',
	'looks_for_skills',
	'looks_for_experience',
	'title_cy',
	'summary_cy',
	'description_cy',
	'easy_read_cy_text_0'
];

function inFormOrder(errors: Record<string, string>): Record<string, string> {
	const rank = (k: string) => (FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length);
	return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

function easyReadKeysToField(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) {
		const field = key.startsWith('easy_read_cy')
			? 'easy_read_cy_text_0'
			: key.startsWith('easy_read')
				? 'easy_read_text_0'
				: key;
		out[field] ??= message;
	}
	return out;
}

/** Returns the checked input, or the fail() for the action to return, with the values as typed. */
export async function readOpportunityForm(request: Request, publishing: boolean) {
	const form = await readForm(request);
	const parsed = parseOpportunityForm(form);
	let errors = parsed.ok ? {} : easyReadKeysToField(parsed.errors);
	if (publishing) {
		// What publishing needs is checked with everything else, so every problem shows at once.
		const closes = String(form.get('closes_on') ?? '').trim();
		const draft = parsed.ok
			? parsed.data
			: { easy_read: easyReadFromForm(form), closes_on: isRealDate(closes) ? closes : null };
		errors = { ...publishProblems(draft, ukDay(new Date().toISOString())), ...errors };
	}
	if (!parsed.ok || Object.keys(errors).length > 0) {
		return { failure: fail(400, { values: formValues(form), errors: inFormOrder(errors) }) } as const;
	}
	// Publishing without an easy read version is allowed, once staff have seen a warning and confirmed.
	if (publishing && needsEasyReadWarning(parsed.data, form)) {
		return { failure: fail(400, { values: formValues(form), warnNoEasyRead: true }) } as const;
	}
	return { input: parsed.data } as const;
}
