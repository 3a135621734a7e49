import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
	DEFAULT_SETTINGS,
	displaySchema,
	htmlAttributes,
	normalise,
	parseCookie,
	safeReturnPath,
	serialiseCookie,
	type DisplaySettings
} from '$lib/preferences/display';

const chosen: DisplaySettings = {
	textSize: '200',
	theme: 'yellow',
	font: 'atkinson',
	lineSpacing: 'wider',
	letterSpacing: 'wide',
	motion: 'reduce',
	easyRead: 'on',
	readAloud: 'on',
	pictures: 'off',
	language: 'cy'
};

describe('display settings cookie', () => {
	it('round-trips every setting', () => {
		expect(parseCookie(serialiseCookie(chosen))).toEqual(chosen);
	});

	it('writes only what differs from the standard settings, in a few bytes', () => {
		expect(serialiseCookie({ ...DEFAULT_SETTINGS, theme: 'dark', textSize: '150' })).toBe('t=150&c=dark');
		expect(serialiseCookie(chosen).length).toBeLessThan(80);
	});

	it('keeps a cookie for the standard settings chosen on purpose', () => {
		const value = serialiseCookie(DEFAULT_SETTINGS);
		expect(value).not.toBe('');
		expect(parseCookie(value)).toEqual(DEFAULT_SETTINGS);
	});

	it('has no cookie when there is none or it says nothing known', () => {
		expect(parseCookie(undefined)).toBeNull();
		expect(parseCookie('')).toBeNull();
		expect(parseCookie('x=1&y=2')).toBeNull();
		expect(parseCookie('a'.repeat(500))).toBeNull();
	});

	it('falls back to the standard choice for each damaged or unknown value, keeping the good ones', () => {
		expect(parseCookie('t=999&c=yellow&f=comic-sans&m=reduce')).toEqual({
			...DEFAULT_SETTINGS,
			theme: 'yellow',
			motion: 'reduce'
		});
		expect(parseCookie('c=%22%3E%3Cscript%3E')).toEqual(DEFAULT_SETTINGS);
		expect(parseCookie('c=__proto__&t=constructor')).toEqual(DEFAULT_SETTINGS);
	});
});

describe('display settings from the profile', () => {
	it('normalises whatever JSON is stored', () => {
		expect(normalise(chosen)).toEqual(chosen);
		expect(normalise(null)).toEqual(DEFAULT_SETTINGS);
		expect(normalise('yellow')).toEqual(DEFAULT_SETTINGS);
		expect(normalise({ theme: 'dark', textSize: 200, extra: 'x' })).toEqual({
			...DEFAULT_SETTINGS,
			theme: 'dark'
		});
	});
});

describe('the settings form', () => {
	it('accepts every choice on the page', () => {
		expect(v.safeParse(displaySchema, { ...chosen, from: '/my' }).success).toBe(true);
	});

	it('says in plain words what is missing', () => {
		const result = v.safeParse(displaySchema, { ...chosen, theme: 'purple' });
		expect(result.success).toBe(false);
		expect(result.issues?.[0]?.message).toBe('Choose colours');
	});
});

describe('the <html> attributes', () => {
	it('carries each setting, and read aloud only when on', () => {
		const html = htmlAttributes(chosen);
		expect(html).toContain('data-text-size="200"');
		expect(html).toContain('data-theme="yellow"');
		expect(html).toContain('data-font="atkinson"');
		expect(html).toContain('data-motion="reduce"');
		expect(html).toContain('data-read-aloud="on"');
		expect(htmlAttributes(DEFAULT_SETTINGS)).not.toContain('data-read-aloud');
	});
});

describe('the way back from the settings page', () => {
	it('goes only to a page on this site', () => {
		expect(safeReturnPath('/opportunities/3?view=easy-read')).toBe('/opportunities/3?view=easy-read');
		expect(safeReturnPath('https://evil.example/')).toBe('/');
		expect(safeReturnPath('//evil.example/')).toBe('/');
		expect(safeReturnPath('/\\evil.example')).toBe('/');
		expect(safeReturnPath(null)).toBe('/');
		expect(safeReturnPath('/settings/display?saved')).toBe('/');
	});
});
