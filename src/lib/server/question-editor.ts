// The questions an opportunity's application asks, as staff write them. Queries run as the staff
// member (locals.db); Row Level Security lets only staff add, change, move or remove questions.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { QuestionKind } from '$lib/applications';
import type { QuestionInput } from '$lib/validation/question';
import { fail } from './db/fail';

export interface Question {
	id: number;
	opportunity_id: number;
	position: number;
	kind: QuestionKind;
	prompt: string;
	hint: string | null;
	options: string[];
	required: boolean;
	/** Answers in applications staff can see (sent ones). */
	answers: number;
}

const COLUMNS =
	'id, opportunity_id, position, kind, prompt, hint, options, required, application_answers (count)';

type Row = Omit<Question, 'answers'> & { application_answers: { count: number }[] };
const toQuestion = ({ application_answers, ...q }: Row): Question => ({
	...q,
	answers: application_answers[0]?.count ?? 0
});

export async function listQuestions(db: SupabaseClient, opportunityId: number): Promise<Question[]> {
	const { data, error } = await db
		.from('application_questions')
		.select(COLUMNS)
		.eq('opportunity_id', opportunityId)
		.order('position');
	if (error) fail('Questions', error);
	return (data as unknown as Row[]).map(toQuestion);
}

export async function getQuestion(
	db: SupabaseClient,
	opportunityId: number,
	questionId: number
): Promise<Question | null> {
	const { data, error } = await db
		.from('application_questions')
		.select(COLUMNS)
		.eq('opportunity_id', opportunityId)
		.eq('id', questionId)
		.maybeSingle();
	if (error) fail('Question', error);
	return data ? toQuestion(data as unknown as Row) : null;
}

export const MAX_QUESTIONS = 100;

/** Adds a question at the end of the list. Returns null when the list is full. */
export async function addQuestion(
	db: SupabaseClient,
	opportunityId: number,
	input: QuestionInput
): Promise<number | null> {
	// Two staff adding at the same moment could pick the same place; the second try takes the next one.
	for (let attempt = 0; attempt < 3; attempt++) {
		const { data: last, error: readError } = await db
			.from('application_questions')
			.select('position')
			.eq('opportunity_id', opportunityId)
			.order('position', { ascending: false })
			.limit(1)
			.maybeSingle();
		if (readError) fail('Questions', readError);
		const position = ((last as { position: number } | null)?.position ?? 0) + 1;
		if (position > MAX_QUESTIONS) return null;
		const { data, error } = await db
			.from('application_questions')
			.insert({ opportunity_id: opportunityId, position, ...input })
			.select('id')
			.single();
		if (error?.code === '23505') continue;
		if (error) fail('Adding the question', error);
		return (data as { id: number }).id;
	}
	throw new Error('Adding the question: the list kept changing');
}

export async function updateQuestion(
	db: SupabaseClient,
	opportunityId: number,
	questionId: number,
	input: QuestionInput
): Promise<boolean> {
	const { data, error } = await db
		.from('application_questions')
		.update(input)
		.eq('opportunity_id', opportunityId)
		.eq('id', questionId)
		.select('id');
	if (error) fail('Saving the question', error);
	return (data as unknown[]).length === 1;
}

/**
 * Removes a question nobody has answered yet. Answers keep their question (the key is "restrict"),
 * so a question with answers, even in a member's unsent draft, cannot be removed.
 */
export async function removeQuestion(
	db: SupabaseClient,
	opportunityId: number,
	questionId: number
): Promise<'removed' | 'answered' | 'not_found'> {
	const { data, error } = await db
		.from('application_questions')
		.delete()
		.eq('opportunity_id', opportunityId)
		.eq('id', questionId)
		.select('id');
	// 23001: restrict_violation (the key is "on delete restrict"); 23503 if it is ever made "no action".
	if (error?.code === '23001' || error?.code === '23503') return 'answered';
	if (error) fail('Removing the question', error);
	return (data as unknown[]).length === 1 ? 'removed' : 'not_found';
}

export async function moveQuestion(
	db: SupabaseClient,
	questionId: number,
	direction: 'up' | 'down'
): Promise<'moved' | 'not_found'> {
	const { error } = await db.rpc('move_application_question', { question: questionId, direction });
	if (error?.message === 'not_found') return 'not_found';
	if (error) fail('Moving the question', error);
	return 'moved';
}
