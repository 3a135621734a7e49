// Pages name each message they use (m.some_key()), never build a key at run time (m[`topic_${t}`]):
// the build keeps in a page's code only the messages it can see the page use, so one looked-up key
// puts every message of the catalogue into every page (bench/page-weight.mjs). The words modules
// that turn a value into words name each message in a table instead; here each table covers every
// value in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, NUMBER_FIELDS, type AccessOption } from '$lib/adjustments';
import { LIVED_EXPERIENCE, REGIONS } from '$lib/network';
import { TOPICS } from '$lib/opportunities';
import {
	categoryHint,
	categoryQuestion,
	categoryWords,
	numberLabel,
	optionWords
} from '$lib/i18n/needs-words';
import { contactWords, livedWords, regionWords } from '$lib/i18n/profile-words';
import { topicWords } from '$lib/i18n/opportunity-words';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import en from '../../messages/en.json';
import cy from '../../messages/cy.json';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(svelte|ts|js)$/.test(name) ? [path] : [];
	});
}

describe('messages are named, not looked up', () => {
	it('no page, component or module indexes the messages with a key made at run time', () => {
		const found: string[] = [];
		for (const path of sourceFiles(SRC)) {
			const source = readFileSync(path, 'utf8');
			const named = source.match(/import\s*\{[^}]*\bm\b[^}]*\}\s*from\s*'\$lib\/paraglide\/messages'/);
			const whole = source.match(/import\s*\*\s*as\s+(\w+)\s+from\s*'\$lib\/paraglide\/messages'/);
			const names = [...(named ? ['m'] : []), ...(whole ? [whole[1]!] : [])];
			for (const name of names) {
				const uses = new RegExp(
					`(?<![\\w.])${name}\\s*\\[|\\(\\s*${name}\\s+as\\b|Object\\.\\w+\\(\\s*${name}\\s*\\)|\\.\\.\\.${name}\\b`
				);
				if (uses.test(source)) found.push(relative(SRC, path));
			}
		}
		expect(found).toEqual([]);
	});
});

const OPTION_KEYS = Object.keys(en)
	.filter((key) => key.startsWith('need_opt_'))
	.map((key) => key.slice('need_opt_'.length) as AccessOption);

/** Every word for every value, in the language given. */
function allWords(): string[] {
	return [
		...CATEGORIES.map(categoryWords),
		...CATEGORIES.map(categoryQuestion),
		...CATEGORIES.map(categoryHint),
		...OPTION_KEYS.map(optionWords),
		...NUMBER_FIELDS.map(numberLabel),
		...(['email', 'phone', 'text', 'post'] as const).map(contactWords),
		...REGIONS.map(regionWords),
		...LIVED_EXPERIENCE.map(livedWords),
		...TOPICS.map(topicWords)
	].filter((words) => words !== '');
}

describe('the words tables', () => {
	let locale: 'en' | 'cy' = 'en';
	beforeAll(() => overwriteGetLocale(() => locale));
	afterAll(() => overwriteGetLocale(() => 'en'));

	it('give each value its catalogue words, in English and in Welsh', () => {
		locale = 'en';
		const english = allWords();
		locale = 'cy';
		const welsh = allWords();
		const catalogue = (c: Record<string, string>) => new Set(Object.values(c));
		// Each is a catalogue message of that language (never the value itself as a fallback) …
		expect(english.filter((w) => !catalogue(en).has(w))).toEqual([]);
		expect(welsh.filter((w) => !catalogue(cy).has(w))).toEqual([]);
		// … every message of those families is reachable, and the Welsh differs from the English.
		const families = /^(need_cat_|need_opt_|need_num_|contact_|region_|lived_|topic_)/;
		expect(english.length).toBe(Object.keys(en).filter((k) => families.test(k)).length);
		expect(welsh.length).toBe(english.length);
		expect(welsh.filter((w, i) => w === english[i]).length).toBeLessThan(english.length / 10);
	});
});
