// Checking one answer on a question page, the same way in the browser and on the server.
// The page posts: `answer` (the text, or the chosen option), maybe an `audio` file, and which
// button was pressed. This decides what to store, or which plain-words errors to show.
import type { Answer, Question } from '$lib/applications';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from './form';

/** Longest written answer, as the database allows. */
export const MAX_ANSWER_LENGTH = 5000;
/** Largest recording, as the database allows (10 MB). */
export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;

/** Which button the member pressed: Continue, Save and come back later, or Ask us to phone you. */
export type Intent = 'continue' | 'later' | 'phone';

export function readIntent(value: unknown): Intent {
	return value === 'later' || value === 'phone' ? value : 'continue';
}

export interface AnswerInput {
	intent: Intent;
	/** The textarea's text, or the chosen radio's value. */
	answer: string;
	/** Whether an audio file came with the form (its content is checked on the server). */
	audio: { size: number } | null;
}

export type Decision =
	| { store: 'written'; answer: string }
	| { store: 'audio' }
	| { store: 'phone_call' }
	/** Keep the recording or phone-call request already given. */
	| { store: 'keep' }
	/** No answer now: remove any earlier one. */
	| { store: 'clear' };

export type Checked = { ok: true; decision: Decision } | { ok: false; errors: FieldErrors };

/** The error for an empty required question, in the words of the question's kind. */
export function missingMessage(kind: Question['kind']): string {
	switch (kind) {
		case 'text':
			return m.apply_err_text_missing();
		case 'choice':
			return m.apply_err_choice_missing();
		case 'yes_no':
			return m.apply_err_yes_no_missing();
	}
}

export function audioSizeProblem(size: number): string | null {
	if (size <= 0) return m.apply_err_audio_empty();
	if (size > MAX_AUDIO_BYTES) return m.apply_err_audio_large();
	return null;
}

export function checkAnswer(
	question: Pick<Question, 'kind' | 'options' | 'required'>,
	input: AnswerInput,
	existing?: Pick<Answer, 'mode'>
): Checked {
	const fail = (field: string, message: string): Checked => ({ ok: false, errors: { [field]: message } });
	// "Save and come back later" keeps whatever is there, complete or not; Continue needs an answer.
	const needed = question.required && input.intent === 'continue';

	if (question.kind === 'text') {
		if (input.intent === 'phone') return { ok: true, decision: { store: 'phone_call' } };
		const text = input.answer.replace(/\r\n/g, '\n').trim();
		if (text.length > MAX_ANSWER_LENGTH) {
			return fail(
				'answer',
				m.apply_err_too_long({
					max: MAX_ANSWER_LENGTH.toLocaleString('en-GB'),
					length: text.length.toLocaleString('en-GB')
				})
			);
		}
		if (input.audio) {
			if (text) {
				return fail('audio', m.apply_err_both());
			}
			const problem = audioSizeProblem(input.audio.size);
			return problem ? fail('audio', problem) : { ok: true, decision: { store: 'audio' } };
		}
		if (text) return { ok: true, decision: { store: 'written', answer: text } };
		if (existing && existing.mode !== 'written') return { ok: true, decision: { store: 'keep' } };
		return needed ? fail('answer', missingMessage('text')) : { ok: true, decision: { store: 'clear' } };
	}

	const value = input.answer.trim();
	if (!value) {
		return needed
			? fail('answer', missingMessage(question.kind))
			: { ok: true, decision: { store: 'clear' } };
	}
	const allowed = question.kind === 'yes_no' ? ['yes', 'no'] : question.options;
	if (!allowed.includes(value)) return fail('answer', missingMessage(question.kind));
	return { ok: true, decision: { store: 'written', answer: value } };
}

/** A request key from the check-your-answers form: a UUID, or null if it is missing or malformed. */
export function readRequestKey(value: unknown): string | null {
	return typeof value === 'string' &&
		/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value)
		? value.toLowerCase()
		: null;
}
