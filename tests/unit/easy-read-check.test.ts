import { describe, expect, it } from 'vitest';
import {
	checkEasyRead,
	readingEase,
	scoreInWords,
	sentencesOf,
	syllables,
	wordsOf
} from '$lib/easy-read-check';

const JARGON = [
	{ word: 'co-production', instead: 'working together as equals' },
	{ word: 'remuneration', instead: 'pay' },
	{ word: 'lived experience', instead: 'your own life' }
];

describe('reading ease (Flesch)', () => {
	it('counts syllables by vowel groups', () => {
		expect(syllables('cat')).toBe(1);
		expect(syllables('meeting')).toBe(2);
		expect(syllables('together')).toBe(3);
		expect(syllables('remuneration')).toBe(5);
		expect(syllables('make')).toBe(1);
	});

	it('splits points into sentences and words', () => {
		expect(sentencesOf('We meet. You can come! Is that fine?')).toEqual([
			'We meet.',
			'You can come!',
			'Is that fine?'
		]);
		expect(wordsOf('We’ll pay £150 for co-production.')).toEqual(['We’ll', 'pay', 'for', 'co-production']);
	});

	it('scores short everyday sentences as easy and long formal ones as hard', () => {
		const easy = readingEase(['We pay you for your time.', 'The group meets 4 times a year.']);
		const hard = readingEase(
			'Remuneration for participation in organisational governance activities is determined in accordance with institutional expenditure considerations.'
		);
		expect(easy).toBeGreaterThanOrEqual(80);
		expect(hard).toBeLessThan(30);
		expect(readingEase('')).toBeNull();
	});

	it('says the score in plain words', () => {
		expect(scoreInWords(85)).toBe('Reading ease: 85 out of 100 (very easy to read). Aim for 70 or more.');
		expect(scoreInWords(40)).toContain('hard to read');
		expect(scoreInWords(null)).toBe('No score yet: there are no easy read points.');
	});
});

describe('easy-read checker', () => {
	it('finds nothing in a good easy-read version', () => {
		const result = checkEasyRead(
			[
				{ text: 'The group meets 4 times a year.', pictogram: 'calendar' },
				{ text: 'We pay you for your time.', pictogram: 'money' }
			],
			JARGON
		);
		expect(result.findings).toEqual([]);
		expect(result.score).toBeGreaterThanOrEqual(70);
	});

	it('flags a sentence over 15 words, saying which point', () => {
		const long =
			'You can come to the meeting in Manchester or you can join it on the computer from your home.';
		const { findings } = checkEasyRead(
			[
				{ text: 'Hello.', pictogram: 'person' },
				{ text: long, pictogram: 'meeting' }
			],
			JARGON
		);
		expect(findings).toEqual([
			expect.objectContaining({
				kind: 'long-sentence',
				point: 2,
				message: expect.stringMatching(/^Point 2 has a sentence of 19 words/)
			})
		]);
	});

	it('flags jargon from the list, with what to say instead, and whole phrases', () => {
		const { findings } = checkEasyRead(
			[{ text: 'Your lived experience matters in Co-production.', pictogram: 'group' }],
			JARGON
		);
		expect(findings.filter((f) => f.kind === 'jargon').map((f) => f.message)).toEqual([
			'Point 1 uses “co-production”, which is jargon. Try “working together as equals” instead.',
			'Point 1 uses “lived experience”, which is jargon. Try “your own life” instead.'
		]);
	});

	it('does not flag jargon inside other words', () => {
		const { findings } = checkEasyRead(
			[{ text: 'We pay.', pictogram: 'money' }],
			[{ word: 'pa', instead: '' }]
		);
		expect(findings).toEqual([]);
	});

	it('flags long or uncommon words, but not everyday long ones', () => {
		const { findings } = checkEasyRead(
			[{ text: 'Tell us about accommodation opportunities.', pictogram: 'home' }],
			[]
		);
		const words = findings.filter((f) => f.kind === 'long-word').map((f) => f.message);
		expect(words).toEqual([
			'Point 1 uses “accommodation”, a long or uncommon word. Try a shorter, everyday word, or explain it in the next sentence.'
		]);
	});

	it('flags points without a picture, by their number in the editor', () => {
		const { findings } = checkEasyRead([{ text: 'We pay you.', pictogram: null, at: 3 }], []);
		expect(findings).toEqual([
			{
				kind: 'no-picture',
				point: 3,
				message: 'Point 3 has no picture. Choose a picture that shows the idea.'
			}
		]);
	});

	it('flags a version that is hard to read overall', () => {
		const { findings, score } = checkEasyRead(
			[
				{ text: 'Participation necessitates considerable organisational commitment.', pictogram: 'clipboard' }
			],
			[]
		);
		expect(score).toBeLessThan(70);
		expect(findings.at(-1)).toEqual(expect.objectContaining({ kind: 'hard-to-read', point: null }));
	});
});
