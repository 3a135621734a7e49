// A member's display settings: what they are, their plain-words names, and how they travel in a
// cookie (so the first byte the server sends is already right) and in the member's profile (so
// they follow the member to a new device). Shared by the server and the settings page.
import * as v from 'valibot';
import { displayDataAttributes } from './attributes';

export const TEXT_SIZES = {
	'100': '100% (standard)',
	'125': '125%',
	'150': '150%',
	'175': '175%',
	'200': '200%'
} as const;
export const THEMES = {
	standard: 'Standard: dark text on white',
	dark: 'High contrast: white text on black',
	yellow: 'Yellow text on black',
	cream: 'Soft: dark text on a cream background'
} as const;
export const FONTS = {
	system: 'Your device’s usual font',
	atkinson: 'Atkinson Hyperlegible (made to be easy to read)'
} as const;
export const LINE_SPACINGS = { standard: 'Standard', wide: 'Wide', wider: 'Wider' } as const;
export const LETTER_SPACINGS = { standard: 'Standard', wide: 'Wide' } as const;
export const MOTIONS = {
	system: 'Follow my device’s setting',
	reduce: 'Stop moving things (no animation)'
} as const;
export const ON_OFF = { off: 'Off', on: 'On' } as const;
export const PICTURES = {
	on: 'Show a picture beside each point',
	off: 'Simple text: no pictures'
} as const;
export const LANGUAGES = {
	auto: 'The same as my device',
	en: 'English',
	cy: 'Cymraeg (Welsh)'
} as const;

const choice = <T extends Record<string, string>>(options: T, message: string) =>
	v.picklist(Object.keys(options) as (keyof T & string)[], message);

/** The settings as the form sends them; every field must be one of its choices. */
export const displaySchema = v.object({
	textSize: choice(TEXT_SIZES, 'Choose a text size'),
	theme: choice(THEMES, 'Choose colours'),
	font: choice(FONTS, 'Choose a font'),
	lineSpacing: choice(LINE_SPACINGS, 'Choose line spacing'),
	letterSpacing: choice(LETTER_SPACINGS, 'Choose letter spacing'),
	motion: choice(MOTIONS, 'Choose whether things on the page may move'),
	easyRead: choice(ON_OFF, 'Choose whether to show easy read first'),
	readAloud: choice(ON_OFF, 'Choose whether to show the Listen button'),
	pictures: choice(PICTURES, 'Choose whether to show pictures beside easy read'),
	language: choice(LANGUAGES, 'Choose a language')
});

export type DisplaySettings = v.InferOutput<typeof displaySchema>;

export const DEFAULT_SETTINGS: DisplaySettings = {
	textSize: '100',
	theme: 'standard',
	font: 'system',
	lineSpacing: 'standard',
	letterSpacing: 'standard',
	motion: 'system',
	easyRead: 'off',
	readAloud: 'off',
	pictures: 'on',
	language: 'auto'
};

export const COOKIE_NAME = 'together-display';

/** Short keys keep the cookie small: t=150&c=yellow&f=atkinson&l=wide&s=wide&m=reduce&e=on&r=on&p=off&g=cy. */
const KEYS: Record<keyof DisplaySettings, string> = {
	textSize: 't',
	theme: 'c',
	font: 'f',
	lineSpacing: 'l',
	letterSpacing: 's',
	motion: 'm',
	easyRead: 'e',
	readAloud: 'r',
	pictures: 'p',
	language: 'g'
};

/**
 * Any value at all (a cookie, a profile's JSON) to settings: each setting that is missing or not
 * one of its choices falls back to the standard one, so a damaged cookie never breaks a page.
 */
export function normalise(input: unknown): DisplaySettings {
	const source = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
	const out = { ...DEFAULT_SETTINGS };
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DisplaySettings)[]) {
		const result = v.safeParse(displaySchema.entries[key], source[key]);
		if (result.success) (out as Record<string, string>)[key] = result.output;
	}
	return out;
}

/** The cookie's value to settings, or null when there is no usable cookie. */
export function parseCookie(value: string | undefined | null): DisplaySettings | null {
	if (!value || value.length > 200) return null;
	let params: URLSearchParams;
	try {
		params = new URLSearchParams(value);
	} catch {
		return null;
	}
	const raw: Record<string, string> = {};
	for (const [key, short] of Object.entries(KEYS)) {
		const found = params.get(short);
		if (found !== null) raw[key] = found;
	}
	if (Object.keys(raw).length === 0) return null;
	return normalise(raw);
}

/** Settings to the cookie's value; only what differs from the standard is written. */
export function serialiseCookie(settings: DisplaySettings): string {
	const params = new URLSearchParams();
	for (const [key, short] of Object.entries(KEYS) as [keyof DisplaySettings, string][]) {
		if (settings[key] !== DEFAULT_SETTINGS[key]) params.set(short, settings[key]);
	}
	// An empty cookie still says "chosen": the standard settings, on purpose.
	return params.toString() || 'c=standard';
}

export function sameSettings(a: DisplaySettings, b: DisplaySettings): boolean {
	return (Object.keys(DEFAULT_SETTINGS) as (keyof DisplaySettings)[]).every((k) => a[k] === b[k]);
}

/** The same attributes as HTML, for the server's first byte. */
export function htmlAttributes(settings: DisplaySettings): string {
	// Every value is one of a fixed set of plain words, so nothing here needs escaping.
	return Object.entries(displayDataAttributes(settings))
		.filter(([, value]) => value !== null)
		.map(([name, value]) => `${name}="${value}"`)
		.join(' ');
}

/** The browser's colour for its own parts (address bar on phones) in each theme. */
export const THEME_COLOURS: Record<DisplaySettings['theme'], string> = {
	standard: '#1d3b53',
	dark: '#000000',
	yellow: '#000000',
	cream: '#1d3b53'
};

/**
 * Where "Back to the page you were on" goes: only a path on this site (never "//elsewhere" or a
 * full address), and never the settings page itself.
 */
export function safeReturnPath(from: string | null | undefined): string {
	if (!from || from.length > 500 || !from.startsWith('/') || from.startsWith('//') || from.includes('\\'))
		return '/';
	if (from === '/settings/display' || from.startsWith('/settings/display?')) return '/';
	return from;
}
