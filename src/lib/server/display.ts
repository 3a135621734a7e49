// Display settings on the server: which settings a request gets, the cookie that carries them on
// this device, and saving them to the member's profile so they follow the member.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	COOKIE_NAME,
	DEFAULT_SETTINGS,
	THEME_COLOURS,
	htmlAttributes,
	normalise,
	parseCookie,
	sameSettings,
	serialiseCookie,
	type DisplaySettings
} from '$lib/preferences/display';

const YEAR = 60 * 60 * 24 * 365;

export function setDisplayCookie(cookies: Cookies, url: URL, settings: DisplaySettings): void {
	cookies.set(COOKIE_NAME, serialiseCookie(settings), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: YEAR
	});
}

/**
 * Signed in with settings in the profile: those, and this device's cookie is brought in line (so
 * they stay after signing out here). Otherwise the cookie's, or the standard settings.
 */
export function applyDisplaySettings(event: RequestEvent): void {
	const fromCookie = parseCookie(event.cookies.get(COOKIE_NAME));
	const saved = event.locals.user?.displaySettings;
	if (saved && typeof saved === 'object') {
		const fromProfile = normalise(saved);
		if (!fromCookie || !sameSettings(fromCookie, fromProfile)) {
			setDisplayCookie(event.cookies, event.url, fromProfile);
		}
		event.locals.display = fromProfile;
		return;
	}
	event.locals.display = fromCookie ?? { ...DEFAULT_SETTINGS };
}

/**
 * Fills the placeholders in app.html: the display settings, and the language when given. They are
 * all in the <head>, so only that part is searched and copied, not the whole page (a list of
 * opportunities is some 80 KB: each replace over all of it cost a copy).
 */
export function displayAttributes(
	html: string,
	settings: DisplaySettings | undefined,
	lang?: string
): string {
	const s = settings ?? DEFAULT_SETTINGS;
	const end = html.indexOf('</head>');
	let head = end === -1 ? html : html.slice(0, end);
	if (lang !== undefined) head = head.replace('%lang%', lang);
	head = head
		.replace('%together.display%', htmlAttributes(s))
		.replace('%together.theme-colour%', THEME_COLOURS[s.theme]);
	return end === -1 ? head : head + html.slice(end);
}

/** Saves the settings in the signed-in member's own profile (Row Level Security keeps it to their row). */
export async function saveToProfile(
	db: SupabaseClient,
	userId: string,
	settings: DisplaySettings
): Promise<void> {
	const { error } = await db.from('profiles').update({ display_settings: settings }).eq('id', userId);
	if (error) throw new Error(`Saving display settings: ${error.message}`);
}
