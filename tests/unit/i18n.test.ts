import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseLocale, fromAcceptLanguage, htmlLang } from '$lib/i18n/locale';
import { localised } from '$lib/i18n/opportunity-words';

const read = (file: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${file}`, import.meta.url), 'utf8'));
const en = read('en.json') as Record<string, string>;
const cy = read('cy.json') as Record<string, string>;
const review = read('cy.review.json') as { needsReview: unknown };
const keys = (o: Record<string, string>) => Object.keys(o).filter((k) => k !== '$schema');

describe('choosing the language', () => {
	it('reads the best of English and Welsh from Accept-Language', () => {
		expect(fromAcceptLanguage('cy-GB,cy;q=0.9,en-GB;q=0.8')).toBe('cy');
		expect(fromAcceptLanguage('en-GB,en;q=0.9,cy;q=0.8')).toBe('en');
		expect(fromAcceptLanguage('fr-FR,cy;q=0.5,en;q=0.4')).toBe('cy');
		expect(fromAcceptLanguage('fr-FR,de')).toBeNull();
		expect(fromAcceptLanguage('cy;q=0,en;q=0.1')).toBe('en');
		expect(fromAcceptLanguage('')).toBeNull();
		expect(fromAcceptLanguage(null)).toBeNull();
	});

	it('prefers the display setting, then the browser, then English', () => {
		expect(chooseLocale('cy', 'en-GB')).toBe('cy');
		expect(chooseLocale('en', 'cy')).toBe('en');
		expect(chooseLocale('auto', 'cy-GB')).toBe('cy');
		expect(chooseLocale('auto', 'fr')).toBe('en');
		expect(chooseLocale(undefined, undefined)).toBe('en');
	});

	it('keeps staff pages in English', () => {
		expect(chooseLocale('cy', 'cy', '/admin/opportunities')).toBe('en');
		expect(chooseLocale('cy', 'cy', '/admin')).toBe('en');
		expect(chooseLocale('cy', 'cy', '/administer')).toBe('cy');
	});

	it('names the language on <html>', () => {
		expect(htmlLang('cy')).toBe('cy');
		expect(htmlLang('en')).toBe('en-GB');
	});
});

describe('the message catalogue', () => {
	it('has every key in English and Welsh, none empty', () => {
		expect(keys(cy).sort()).toEqual(keys(en).sort());
		for (const k of keys(en)) {
			expect(en[k]!.trim(), `en ${k}`).not.toBe('');
			expect(cy[k]!.trim(), `cy ${k}`).not.toBe('');
		}
	});

	it('uses the same {placeholders} in both languages', () => {
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
		for (const k of keys(en)) expect(names(cy[k]!), k).toEqual(names(en[k]!));
	});

	it('marks Welsh for review with a list of keys that all exist', () => {
		expect(Array.isArray(review.needsReview)).toBe(true);
		const list = review.needsReview as string[];
		expect(new Set(list).size).toBe(list.length);
		for (const k of list) expect(keys(cy), k).toContain(k);
		// Welsh that differs from the English and is not on the list has been checked by a Welsh speaker.
		expect(list.length).toBeGreaterThan(0);
	});

	it('has no italics or block capitals in easy-read copy (keys ending _easy_n)', () => {
		for (const [lang, messages] of [
			['en', en],
			['cy', cy]
		] as const) {
			for (const k of keys(messages).filter((k) => /_easy_\d+$/.test(k))) {
				const text = messages[k]!;
				expect(text, `${lang} ${k}`).not.toMatch(/<\/?(i|em)>|\*|_[^_]+_/);
				expect(text, `${lang} ${k}`).not.toMatch(/\b[A-Z]{4,}\b/);
				expect(text.split(/\s+/).length, `${lang} ${k}`).toBeLessThanOrEqual(15);
			}
		}
	});
});

describe('an opportunity in the page’s language', () => {
	const o = {
		title: 'Tea afternoon',
		summary: 'Meet other members over tea and cake.',
		description: 'Come along.',
		easy_read: [{ text: 'Come for tea.', pictogram: 'drink' as const }],
		title_cy: 'Te prynhawn',
		summary_cy: '',
		description_cy: '',
		easy_read_cy: []
	};

	it('shows English as it is on an English page', () => {
		const w = localised(o, 'en');
		expect(w.title).toEqual({ value: 'Tea afternoon', lang: undefined });
		expect(w.englishOnly).toBe(false);
	});

	it('uses the Welsh where there is some, and marks English parts lang="en"', () => {
		const w = localised(o, 'cy');
		expect(w.title).toEqual({ value: 'Te prynhawn', lang: undefined });
		expect(w.summary).toEqual({ value: o.summary, lang: 'en' });
		expect(w.easyRead).toEqual({ value: o.easy_read, lang: 'en' });
		expect(w.englishOnly).toBe(true);
	});

	it('needs no note when every part is in Welsh', () => {
		const w = localised(
			{
				...o,
				summary_cy: 'Dewch i gwrdd ag aelodau eraill.',
				description_cy: 'Dewch draw.',
				easy_read_cy: [{ text: 'Dewch am de.', pictogram: 'drink' as const }]
			},
			'cy'
		);
		expect(w.englishOnly).toBe(false);
	});
});
