import type { SupabaseClient } from '@supabase/supabase-js';
import type { SessionUser, SessionInfo } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person, or null. */
			user: SessionUser | null;
			session: SessionInfo | null;
			/** supabase-js acting as this visitor: their own short-lived JWT, so Row Level Security applies. */
			db: SupabaseClient;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
