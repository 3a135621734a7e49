// A lucia v3 adapter over supabase-js. The session id in the cookie is never stored: the sessions
// table keeps its SHA-256, so a copy of the database holds no usable token.
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { SupabaseClient } from '@supabase/supabase-js';
import { sha256Hex } from './hash';
import type { StaffPermission } from './session';

interface SessionRow {
	id: string;
	user_id: string;
	expires_at: string;
	created_at: string;
	last_active_at: string;
	authenticated_at: string;
}

interface ProfileRow {
	id: string;
	email: string;
	full_name: string;
	preferred_name: string | null;
	role: 'member' | 'staff' | 'admin';
	status: 'invited' | 'active' | 'paused' | 'left';
	permissions: StaffPermission[];
	display_settings: unknown;
}

const PROFILE_COLUMNS = 'id, email, full_name, preferred_name, role, status, permissions, display_settings';

function toSession(row: SessionRow, id: string): DatabaseSession {
	return {
		id,
		userId: row.user_id,
		expiresAt: new Date(row.expires_at),
		attributes: {
			created_at: row.created_at,
			last_active_at: row.last_active_at,
			authenticated_at: row.authenticated_at
		}
	};
}

function check<T>(result: { data: T; error: { message: string } | null }): T {
	if (result.error) throw new Error(`Session store: ${result.error.message}`);
	return result.data;
}

export class SupabaseSessionAdapter implements Adapter {
	constructor(private readonly db: () => SupabaseClient) {}

	async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
		const row = check(
			await this.db()
				.from('sessions')
				.select(`*, profile:profiles (${PROFILE_COLUMNS})`)
				.eq('id', sha256Hex(sessionId))
				.maybeSingle()
		) as (SessionRow & { profile: ProfileRow | null }) | null;
		if (!row) return [null, null];
		const session = toSession(row, sessionId);
		if (!row.profile || row.profile.status === 'left') return [session, null];
		const { id, ...attributes } = row.profile;
		return [session, { id, attributes }];
	}

	async getUserSessions(userId: string): Promise<DatabaseSession[]> {
		const rows = check(await this.db().from('sessions').select('*').eq('user_id', userId)) as SessionRow[];
		// Only the hashes are known; they serve as ids for listing, never as tokens.
		return rows.map((row) => toSession(row, row.id));
	}

	async setSession(session: DatabaseSession): Promise<void> {
		const now = new Date().toISOString();
		check(
			await this.db()
				.from('sessions')
				.insert({
					id: sha256Hex(session.id),
					user_id: session.userId,
					expires_at: session.expiresAt.toISOString(),
					created_at: session.attributes.created_at ?? now,
					last_active_at: session.attributes.last_active_at ?? now,
					authenticated_at: session.attributes.authenticated_at ?? now
				})
		);
	}

	async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
		check(
			await this.db()
				.from('sessions')
				.update({ expires_at: expiresAt.toISOString() })
				.eq('id', sha256Hex(sessionId))
		);
	}

	async deleteSession(sessionId: string): Promise<void> {
		check(await this.db().from('sessions').delete().eq('id', sha256Hex(sessionId)));
	}

	async deleteUserSessions(userId: string): Promise<void> {
		check(await this.db().from('sessions').delete().eq('user_id', userId));
	}

	async deleteExpiredSessions(): Promise<void> {
		check(await this.db().from('sessions').delete().lte('expires_at', new Date().toISOString()));
	}
}
