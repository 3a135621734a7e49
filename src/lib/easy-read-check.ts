// The easy-read checker staff see while writing an opportunity's easy-read version: long
// sentences, long or uncommon words, jargon from the staff's own list, points without a picture,
// and a reading-ease score. Pure, so the editor runs it live in the browser and the server runs
// the same check when the page is saved (it works without JavaScript).

export const MAX_SENTENCE_WORDS = 15;
/** Words this long (letters) or with this many syllables are hard for many easy-read readers. */
export const LONG_WORD_LETTERS = 13;
export const LONG_WORD_SYLLABLES = 4;
/** Flesch reading ease at or above this counts as easy enough for easy read. */
export const EASY_ENOUGH = 70;

export interface Jargon {
	word: string;
	instead: string;
}

export type FindingKind = 'long-sentence' | 'long-word' | 'jargon' | 'no-picture' | 'hard-to-read';

export interface Finding {
	kind: FindingKind;
	/** Which point (1 for the first), or null for the whole version. */
	point: number | null;
	message: string;
}

export interface EasyReadCheck {
	findings: Finding[];
	/** Flesch reading ease of all the points together (higher is easier), or null when there is no text. */
	score: number | null;
	/** The score in plain words. */
	scoreWords: string;
}

/**
 * Everyday words that are long but familiar to members (and words Together uses on every page), so
 * the checker does not flag them.
 */
const EVERYDAY = new Set([
	'opportunity',
	'opportunities',
	'information',
	'everything',
	'everybody',
	'everyone',
	'together',
	'community',
	'disability',
	'disabilities',
	'interpreter',
	'application',
	'applications',
	'adjustments',
	'wheelchair',
	'transportation',
	'understanding',
	'conversation',
	'conversations',
	'accessible',
	'comfortable',
	'activities',
	'television',
	'photography'
]);

const WORD = /[A-Za-z\u00C0-\u017F]+(?:['’-][A-Za-z\u00C0-\u017F]+)*/g;

/** The words of a piece of text. */
export function wordsOf(text: string): string[] {
	return text.match(WORD) ?? [];
}

/** The sentences of a point: split after . ! or ?; a point without one is one sentence. */
export function sentencesOf(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+/)
		.map((s) => s.trim())
		.filter((s) => wordsOf(s).length > 0);
}

/** Syllables in an English word, by the usual vowel-group rule (good enough for a reading score). */
export function syllables(word: string): number {
	let w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (w.length === 0) return 0;
	if (w.length <= 3) return 1;
	w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
	const groups = w.match(/[aeiouy]{1,2}/g);
	return Math.max(1, groups?.length ?? 1);
}

/** Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
export function readingEase(text: string | string[]): number | null {
	const pieces = Array.isArray(text) ? text : [text];
	const sentences = pieces.flatMap(sentencesOf);
	const words = sentences.flatMap(wordsOf);
	if (words.length === 0) return null;
	const syllableCount = words.reduce((n, w) => n + syllables(w), 0);
	const score = 206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllableCount / words.length);
	return Math.round(Math.min(100, Math.max(0, score)));
}

export function scoreInWords(score: number | null): string {
	if (score === null) return 'No score yet: there are no easy read points.';
	const band =
		score >= 80
			? 'very easy to read'
			: score >= EASY_ENOUGH
				? 'easy to read'
				: score >= 60
					? 'fairly easy to read, but not easy read yet'
					: 'hard to read';
	return `Reading ease: ${score} out of 100 (${band}). Aim for ${EASY_ENOUGH} or more.`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks an easy-read version against the rules, each finding in plain words with its point. */
export function checkEasyRead(
	points: readonly { text: string; pictogram: string | null; at?: number }[],
	jargon: readonly Jargon[] = []
): EasyReadCheck {
	const findings: Finding[] = [];
	const terms = jargon
		.filter((j) => j.word.trim().length > 0)
		.map((j) => ({
			...j,
			pattern: new RegExp(`(^|[^\\p{L}])${escape(j.word.trim())}(?=$|[^\\p{L}])`, 'iu')
		}));
	points.forEach((p, i) => {
		// Where it is: the point's own number in the editor when given (an empty row may sit between).
		const point = p.at ?? i + 1;
		const where = `Point ${point}`;
		for (const sentence of sentencesOf(p.text)) {
			const n = wordsOf(sentence).length;
			if (n > MAX_SENTENCE_WORDS) {
				findings.push({
					kind: 'long-sentence',
					point,
					message: `${where} has a sentence of ${n} words: “${sentence}” Keep each sentence to ${MAX_SENTENCE_WORDS} words or fewer, with one idea in it.`
				});
			}
		}
		const flagged = new Set<string>();
		for (const term of terms) {
			if (term.pattern.test(p.text)) {
				flagged.add(term.word.toLowerCase());
				findings.push({
					kind: 'jargon',
					point,
					message: `${where} uses “${term.word}”, which is jargon.${term.instead ? ` Try “${term.instead}” instead.` : ' Use an everyday word instead.'}`
				});
			}
		}
		for (const word of new Set(wordsOf(p.text).map((w) => w.toLowerCase()))) {
			if (flagged.has(word) || EVERYDAY.has(word)) continue;
			const letters = word.replace(/[^a-z\u00C0-\u017F]/g, '').length;
			if (letters >= LONG_WORD_LETTERS || syllables(word) >= LONG_WORD_SYLLABLES) {
				findings.push({
					kind: 'long-word',
					point,
					message: `${where} uses “${word}”, a long or uncommon word. Try a shorter, everyday word, or explain it in the next sentence.`
				});
			}
		}
		if (!p.pictogram) {
			findings.push({
				kind: 'no-picture',
				point,
				message: `${where} has no picture. Choose a picture that shows the idea.`
			});
		}
	});
	const score = readingEase(points.map((p) => p.text));
	if (score !== null && score < EASY_ENOUGH) {
		findings.push({
			kind: 'hard-to-read',
			point: null,
			message: `The easy read version is harder to read than it should be (reading ease ${score}). Use shorter sentences and shorter words.`
		});
	}
	return { findings, score, scoreWords: scoreInWords(score) };
}
