// Shared by the Welsh and easy-read browser tests: the catalogue, the display settings cookie, and
// the check for English left on a Welsh page.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test } from './fixtures';
import {
	COOKIE_NAME,
	DEFAULT_SETTINGS,
	serialiseCookie,
	type DisplaySettings
} from '../../src/lib/preferences/display';

const catalogue = (file: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${file}`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;
export const EN = catalogue('en.json');
export const CY = catalogue('cy.json');

export async function useCookie(context: BrowserContext, settings: Partial<DisplaySettings>) {
	await context.addCookies([
		{
			name: COOKIE_NAME,
			value: serialiseCookie({ ...DEFAULT_SETTINGS, ...settings }),
			url: test.info().project.use.baseURL ?? process.env.TEST_ORIGIN ?? 'http://localhost:4173'
		}
	]);
}

/**
 * English from the catalogue left in the page's own words: the page's text without the parts
 * marked lang="en" (opportunities' own English words), checked for each English message that
 * differs from its Welsh (long enough not to match inside another word).
 */
export async function englishLeftovers(page: Page): Promise<string[]> {
	const text = await page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const el of body.querySelectorAll('[lang^="en"], script, style, [hidden]')) el.remove();
		return (body.innerText || body.textContent || '').replace(/\s+/g, ' ');
	});
	return Object.entries(EN)
		.filter(([key, en]) => key !== '$schema' && en !== CY[key] && en.length >= 8)
		.map(([, en]) =>
			en
				.split(/\{\w+\}/)
				.sort((a, b) => b.length - a.length)[0]!
				.trim()
		)
		.filter((piece) => piece.length >= 8 && text.includes(piece));
}
