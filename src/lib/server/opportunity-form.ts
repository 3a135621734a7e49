// Reading the staff opportunity form: checks, plus what publishing needs, with errors keyed to fields.
import { fail } from '@sveltejs/kit';
import { formValues } from '$lib/validation/form';
import { parseOpportunityForm, publishProblems } from '$lib/validation/opportunity';
import { ukDay } from './opportunities';

function easyReadKeysToField(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) {
		out[key.startsWith('easy_read') ? 'easy_read_text_0' : key] ??= message;
	}
	return out;
}

/** Returns the checked input, or the fail() for the action to return, with the values as typed. */
export async function readOpportunityForm(request: Request, publishing: boolean) {
	const form = await request.formData();
	const parsed = parseOpportunityForm(form);
	if (!parsed.ok) {
		return {
			failure: fail(400, { values: parsed.values, errors: easyReadKeysToField(parsed.errors) })
		} as const;
	}
	if (publishing) {
		const problems = publishProblems(parsed.data, ukDay(new Date().toISOString()));
		if (Object.keys(problems).length > 0)
			return { failure: fail(400, { values: formValues(form), errors: problems }) } as const;
	}
	return { input: parsed.data } as const;
}
