// Which language a page is in: the member's choice in display settings, else the browser's own
// languages (Accept-Language), else English. Staff pages are English only.

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguageSetting = 'auto' | Locale;

/** The best of our languages in an Accept-Language header ("cy-GB,cy;q=0.9,en;q=0.8"), or null. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
	if (!header) return null;
	let best: { locale: Locale; q: number; order: number } | null = null;
	header.split(',').forEach((part, order) => {
		const [tag, ...params] = part.trim().split(';');
		const primary = tag!.trim().toLowerCase().split('-')[0];
		if (primary !== 'en' && primary !== 'cy') return;
		let q = 1;
		for (const p of params) {
			const [name, value] = p.trim().split('=');
			if (name === 'q') q = Number(value);
		}
		if (!Number.isFinite(q) || q <= 0) return;
		if (!best || q > best.q) best = { locale: primary, q, order };
	});
	return (best as { locale: Locale } | null)?.locale ?? null;
}

/** The language of a page for this request. */
export function chooseLocale(
	setting: LanguageSetting | undefined,
	acceptLanguage: string | null | undefined,
	pathname = '/'
): Locale {
	if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'en';
	if (setting === 'en' || setting === 'cy') return setting;
	return fromAcceptLanguage(acceptLanguage) ?? 'en';
}

/** The value of <html lang> (and of lang on a part in the other language). */
export function htmlLang(locale: Locale): string {
	return locale === 'cy' ? 'cy' : 'en-GB';
}
