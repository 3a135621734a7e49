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

/** Fills the display placeholders in app.html. */
export function displayAttributes(html: string, settings: DisplaySettings | undefined): string {
	const s = settings ?? DEFAULT_SETTINGS;
	return html
		.replace('%together.display%', htmlAttributes(s))
		.replace('%together.theme-colour%', THEME_COLOURS[s.theme]);
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
