import type { SupabaseClient } from '@supabase/supabase-js';
import type { SessionUser, SessionInfo } from '$lib/server/auth/session';
import type { DisplaySettings } from '$lib/preferences/display';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person, or null. */
			user: SessionUser | null;
			session: SessionInfo | null;
			/** supabase-js acting as this visitor: their own short-lived JWT, so Row Level Security applies. */
			db: SupabaseClient;
			/** Display settings for this request: the profile's when signed in, else the cookie's. */
			display: DisplaySettings;
			/** The page's language (src/lib/i18n/locale.ts). */
			locale: import('$lib/i18n/locale').Locale;
			/** Set by handleError when the data service could not be reached: the page goes out as 503. */
			unreachable?: boolean;
		}
		interface Error {
			message: string;
			/** The data service could not be reached (src/lib/server/unreachable.ts). */
			unreachable?: boolean;
			/** The same form is still being saved by an earlier request (409). */
			stillWorking?: boolean;
		}
	}
}

export {};
