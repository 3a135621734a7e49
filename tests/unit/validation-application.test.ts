import { describe, expect, it } from 'vitest';
import {
	MAX_ANSWER_LENGTH,
	MAX_AUDIO_BYTES,
	audioSizeProblem,
	checkAnswer,
	readIntent,
	readRequestKey,
	type AnswerInput
} from '$lib/validation/application';

const text = { kind: 'text' as const, options: [], required: true };
const optionalText = { ...text, required: false };
const choice = {
	kind: 'choice' as const,
	options: ['On my own', 'With help from staff'],
	required: true
};
const yesNo = { kind: 'yes_no' as const, options: [], required: true };

const input = (over: Partial<AnswerInput> = {}): AnswerInput => ({
	intent: 'continue',
	answer: '',
	audio: null,
	...over
});

describe('written questions', () => {
	it('keeps a written answer, trimmed, with its line breaks', () => {
		expect(checkAnswer(text, input({ answer: '  My mum.\r\nAnd me.  ' }))).toEqual({
			ok: true,
			decision: { store: 'written', answer: 'My mum.\nAnd me.' }
		});
	});

	it('asks for an answer to a required question, naming every way to give one', () => {
		expect(checkAnswer(text, input({ answer: '   ' }))).toEqual({
			ok: false,
			errors: { answer: 'Write your answer, record it, or ask us to phone you about this question' }
		});
	});

	it('lets "Save and come back later" leave a required question empty', () => {
		expect(checkAnswer(text, input({ intent: 'later' }))).toEqual({ ok: true, decision: { store: 'clear' } });
	});

	it('lets an optional question be left out', () => {
		expect(checkAnswer(optionalText, input())).toEqual({ ok: true, decision: { store: 'clear' } });
	});

	it('keeps a recording or phone-call request already given when the box is left empty', () => {
		expect(checkAnswer(text, input(), { mode: 'audio' })).toEqual({ ok: true, decision: { store: 'keep' } });
		expect(checkAnswer(text, input(), { mode: 'phone_call' })).toEqual({
			ok: true,
			decision: { store: 'keep' }
		});
		expect(checkAnswer(text, input(), { mode: 'written' }).ok).toBe(false);
	});

	it('refuses an answer over 5,000 characters, saying how long it is', () => {
		const result = checkAnswer(text, input({ answer: 'a'.repeat(MAX_ANSWER_LENGTH + 1) }));
		expect(result).toEqual({
			ok: false,
			errors: { answer: 'Your answer must be 5,000 characters or fewer. It has 5,001' }
		});
		expect(checkAnswer(text, input({ answer: 'a'.repeat(MAX_ANSWER_LENGTH) })).ok).toBe(true);
	});

	it('takes a recording instead of writing', () => {
		expect(checkAnswer(text, input({ audio: { size: 2000 } }))).toEqual({
			ok: true,
			decision: { store: 'audio' }
		});
	});

	it('does not guess between a written answer and a recording given together', () => {
		const result = checkAnswer(text, input({ answer: 'Hello', audio: { size: 2000 } }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.errors)).toEqual(['audio']);
	});

	it('refuses an empty or too large recording', () => {
		expect(checkAnswer(text, input({ audio: { size: 0 } }))).toEqual({
			ok: false,
			errors: { audio: 'The recording you chose is empty. Choose it again, or record again' }
		});
		const big = checkAnswer(text, input({ audio: { size: MAX_AUDIO_BYTES + 1 } }));
		expect(big.ok).toBe(false);
		if (!big.ok) expect(big.errors.audio).toMatch(/^The recording must be 10 MB or smaller/);
		expect(checkAnswer(text, input({ audio: { size: MAX_AUDIO_BYTES } })).ok).toBe(true);
	});

	it('records a request for a phone call, whatever else was sent', () => {
		expect(checkAnswer(text, input({ intent: 'phone', answer: 'half-written' }))).toEqual({
			ok: true,
			decision: { store: 'phone_call' }
		});
	});
});

describe('choice and yes/no questions', () => {
	it('takes one of the options', () => {
		expect(checkAnswer(choice, input({ answer: 'With help from staff' }))).toEqual({
			ok: true,
			decision: { store: 'written', answer: 'With help from staff' }
		});
	});

	it('asks for a choice, and refuses an answer that is not one of the options', () => {
		const missing = { ok: false, errors: { answer: 'Choose one of the answers' } };
		expect(checkAnswer(choice, input())).toEqual(missing);
		expect(checkAnswer(choice, input({ answer: 'Something else' }))).toEqual(missing);
	});

	it('takes yes or no, and nothing else', () => {
		expect(checkAnswer(yesNo, input({ answer: 'yes' }))).toEqual({
			ok: true,
			decision: { store: 'written', answer: 'yes' }
		});
		expect(checkAnswer(yesNo, input({ answer: 'maybe' }))).toEqual({
			ok: false,
			errors: { answer: 'Choose yes or no' }
		});
		expect(checkAnswer(yesNo, input())).toEqual({ ok: false, errors: { answer: 'Choose yes or no' } });
	});

	it('lets an optional choice or a saved draft stay empty', () => {
		expect(checkAnswer({ ...yesNo, required: false }, input())).toEqual({
			ok: true,
			decision: { store: 'clear' }
		});
		expect(checkAnswer(choice, input({ intent: 'later' }))).toEqual({
			ok: true,
			decision: { store: 'clear' }
		});
	});
});

describe('form values', () => {
	it('reads which button was pressed, Continue unless it says otherwise', () => {
		expect(readIntent('later')).toBe('later');
		expect(readIntent('phone')).toBe('phone');
		expect(readIntent('continue')).toBe('continue');
		expect(readIntent(null)).toBe('continue');
		expect(readIntent('delete-everything')).toBe('continue');
	});

	it('reads a request key only when it is a UUID', () => {
		expect(readRequestKey('6F9619FF-8B86-4D01-B42D-00C04FC964FF')).toBe(
			'6f9619ff-8b86-4d01-b42d-00c04fc964ff'
		);
		expect(readRequestKey('')).toBeNull();
		expect(readRequestKey('not-a-key')).toBeNull();
		expect(readRequestKey(null)).toBeNull();
	});

	it('sizes recordings as the database does', () => {
		expect(MAX_AUDIO_BYTES).toBe(10_485_760);
		expect(audioSizeProblem(1)).toBeNull();
	});
});
