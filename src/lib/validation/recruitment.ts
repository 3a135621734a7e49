// Checking the recruitment forms: a criterion of the person specification, a panel member to add,
// and a panel member's scores. Errors are keyed to the fields, in the order the form shows them.
import * as v from 'valibot';
import { SCORES, type Criterion } from '$lib/recruitment';
import { optionalText, text, type FieldErrors } from './form';

/** Most criteria one person specification may have (a short list is fairer to applicants and the panel). */
export const MAX_CRITERIA = 20;

export const criterionSchema = v.object({
	title: text('the criterion', { min: 3, max: 200 }),
	description: optionalText('the explanation', { max: 1000 })
});
export type CriterionInput = v.InferOutput<typeof criterionSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const panelMemberSchema = v.object({
	staff_id: v.pipe(
		v.optional(v.string(), ''),
		v.nonEmpty('Choose who to add to the panel'),
		v.regex(UUID, 'Choose who to add to the panel')
	)
});

export const MAX_COMMENT = 2000;

export interface ScoreInput {
	criterion_id: number;
	score: number;
	comment: string | null;
}

export const scoreField = (criterionId: number) => `score_${criterionId}`;
export const commentField = (criterionId: number) => `comment_${criterionId}`;

/** Every criterion needs a score from 0 to 3; a comment is optional. */
export function parseScores(
	form: FormData | Record<string, string | string[]>,
	criteria: Pick<Criterion, 'id' | 'title'>[]
): { ok: true; data: ScoreInput[] } | { ok: false; errors: FieldErrors } {
	const get = (key: string) => {
		const value = form instanceof FormData ? form.get(key) : form[key];
		return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '';
	};
	const errors: FieldErrors = {};
	const data: ScoreInput[] = [];
	for (const c of criteria) {
		const score = get(scoreField(c.id)).trim();
		const comment = get(commentField(c.id)).trim();
		if (!Object.hasOwn(SCORES, score)) errors[scoreField(c.id)] = `Choose a score for ‘${c.title}’`;
		if (comment.length > MAX_COMMENT)
			errors[commentField(c.id)] = `Your comment on ‘${c.title}’ must be ${MAX_COMMENT} characters or fewer`;
		data.push({ criterion_id: c.id, score: Number(score), comment: comment === '' ? null : comment });
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data };
}
