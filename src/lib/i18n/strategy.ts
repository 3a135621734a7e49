// Paraglide's "custom-together" strategy in the browser: the language the server chose for this
// page. The layout passes it in from its data; before that, <html lang> says it.
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import type { Locale } from './locale';

let current: Locale | null = null;

export function useLocale(locale: Locale): void {
	current = locale;
}

defineCustomClientStrategy('custom-together', {
	getLocale: () =>
		current ??
		(typeof document !== 'undefined' && document.documentElement.lang.startsWith('cy') ? 'cy' : 'en'),
	setLocale: (locale) => {
		current = locale === 'cy' ? 'cy' : 'en';
	}
});
