import { describe, expect, it } from 'vitest';
import { optionsFromText, parseQuestionForm, questionToValues } from '$lib/validation/question';

function form(values: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

describe('optionsFromText', () => {
	it('takes one option a line, tidied, each once', () => {
		expect(optionsFromText('  In person \r\n\nOnline\nonline\nA  mix of  both\n')).toEqual([
			'In person',
			'Online',
			'A mix of both'
		]);
	});
});

describe('parseQuestionForm', () => {
	it('accepts a written question, with an optional hint', () => {
		const result = parseQuestionForm(
			form({ kind: 'text', prompt: ' Why would you like to join? ', hint: '', options: '', required: 'yes' })
		);
		expect(result).toEqual({
			ok: true,
			data: { kind: 'text', prompt: 'Why would you like to join?', hint: null, options: [], required: true }
		});
	});

	it('asks for what is missing, in plain words', () => {
		const result = parseQuestionForm(form({ prompt: 'Hi' }));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors).toEqual({
				kind: 'Choose what kind of answer members give',
				prompt: 'The question must be 3 characters or more',
				required: 'Choose whether members must answer this question'
			});
	});

	it('needs 2 to 12 options for "choose one from a list"', () => {
		const one = parseQuestionForm(
			form({ kind: 'choice', prompt: 'How?', options: 'Online', required: 'no' })
		);
		expect(!one.ok && one.errors.options).toBe(
			'Enter at least 2 options for members to choose from, one on each line'
		);
		const many = parseQuestionForm(
			form({
				kind: 'choice',
				prompt: 'How?',
				options: Array.from({ length: 13 }, (_, i) => `Option ${i}`).join('\n'),
				required: 'no'
			})
		);
		expect(!many.ok && many.errors.options).toBe('Enter 12 options or fewer');
		const ok = parseQuestionForm(
			form({ kind: 'choice', prompt: 'How?', options: 'Online\nIn person', required: 'no' })
		);
		expect(ok.ok && ok.data).toEqual({
			kind: 'choice',
			prompt: 'How?',
			hint: null,
			options: ['Online', 'In person'],
			required: false
		});
	});

	it('keeps options only for "choose one from a list"', () => {
		const result = parseQuestionForm(
			form({ kind: 'yes_no', prompt: 'Can you travel?', options: 'A\nB', required: 'yes' })
		);
		expect(result.ok && result.data.options).toEqual([]);
	});

	it('keeps what was typed when there is a problem', () => {
		const result = parseQuestionForm(
			form({ kind: 'choice', prompt: 'How would you like to come?', options: 'One' })
		);
		expect(!result.ok && result.values).toMatchObject({
			prompt: 'How would you like to come?',
			options: 'One'
		});
	});
});

it('questionToValues gives the form fields of a saved question', () => {
	expect(
		questionToValues({ kind: 'choice', prompt: 'How?', hint: null, options: ['A', 'B'], required: false })
	).toEqual({ kind: 'choice', prompt: 'How?', hint: '', options: 'A\nB', required: 'no' });
});
