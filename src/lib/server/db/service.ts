// The one service-role client. It bypasses Row Level Security, so it is used only for sign-in and
// session bookkeeping ($lib/server/auth) and for system jobs — never to serve a member's request.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { config } from '../config';

let client: SupabaseClient | undefined;

export function serviceClient(): SupabaseClient {
	client ??= createClient(config.supabaseUrl, config.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	return client;
}
