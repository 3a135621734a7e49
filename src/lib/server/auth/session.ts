// Sessions: lucia v3 over the SupabaseSessionAdapter, with Together's risk-based lifetimes.
// Members stay signed in on their own phone (sliding 30 days, at most 90); staff are signed out
// after 30 minutes without activity (warned first, and able to extend) and after 12 hours at most.
import { Lucia, TimeSpan, type Cookie } from 'lucia';
import { env } from '$env/dynamic/private';
import { serviceClient } from '../db/service';
import { SupabaseSessionAdapter } from './adapter';
import { sha256Hex } from './hash';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const LIFETIMES = {
	member: { absolute: 90 * DAY },
	staff: { idle: 30 * MINUTE, absolute: 12 * HOUR },
	/** How often activity is written back, so that every request does not write. */
	touchEvery: MINUTE
} as const;

const secure = (env.ORIGIN ?? '').startsWith('https:');

export const lucia = new Lucia(new SupabaseSessionAdapter(serviceClient), {
	sessionExpiresIn: new TimeSpan(30, 'd'),
	sessionCookie: {
		// __Host- cookies must be Secure, path=/ and have no domain: only possible over HTTPS.
		name: secure ? '__Host-together-session' : 'together-session',
		expires: true,
		attributes: { secure, sameSite: 'lax' }
	},
	getSessionAttributes: (a) => ({
		createdAt: a.created_at,
		lastActiveAt: a.last_active_at,
		authenticatedAt: a.authenticated_at
	}),
	getUserAttributes: (a) => ({
		email: a.email,
		fullName: a.full_name,
		preferredName: a.preferred_name,
		role: a.role,
		status: a.status,
		permissions: a.permissions ?? [],
		displaySettings: a.display_settings ?? null
	})
});

declare module 'lucia' {
	interface Register {
		Lucia: typeof lucia;
		DatabaseSessionAttributes: {
			created_at?: string;
			last_active_at?: string;
			authenticated_at?: string;
		};
		DatabaseUserAttributes: {
			email: string;
			full_name: string;
			preferred_name: string | null;
			role: 'member' | 'staff' | 'admin';
			status: 'invited' | 'active' | 'paused' | 'left';
			permissions: StaffPermission[];
			display_settings?: unknown;
		};
	}
}

export interface SessionUser {
	id: string;
	email: string;
	fullName: string;
	preferredName: string | null;
	role: 'member' | 'staff' | 'admin';
	status: 'invited' | 'active' | 'paused' | 'left';
	/** What a staff member may do beyond the staff role; admins hold every permission. */
	permissions: StaffPermission[];
	/** Display settings saved in the profile (unchecked JSON; see $lib/preferences/display), or null. */
	displaySettings?: unknown;
}

/** Permissions beyond the staff role, as the database names them (public.staff_permission). */
export type StaffPermission = 'arrange_adjustments' | 'finance';

export interface SessionInfo {
	id: string;
	/** For staff: when the session ends unless there is activity first. */
	idleExpiresAt: string | null;
	absoluteExpiresAt: string;
}

export function isStaff(user: Pick<SessionUser, 'role'> | null): boolean {
	return user?.role === 'staff' || user?.role === 'admin';
}

/** Whether a staff member may do this: admins always; staff when it is on their profile. */
export function hasPermission(
	user: Pick<SessionUser, 'role' | 'permissions'> | null,
	permission: StaffPermission
): boolean {
	if (user?.role === 'admin') return true;
	return user?.role === 'staff' && user.permissions.includes(permission);
}

/** Where someone lands after signing in: members on their own page, staff on the staff home. */
export function homeFor(user: Pick<SessionUser, 'role'>): '/my' | '/admin' {
	return isStaff(user) ? '/admin' : '/my';
}

export type Validation =
	| { user: SessionUser; session: SessionInfo; cookie: Cookie | null }
	| { user: null; session: null; cookie: Cookie | null; ended: boolean };

/** Checks the cookie's token; says which cookie to set, if any. */
export async function validateSessionToken(token: string, now = Date.now()): Promise<Validation> {
	const { session, user } = await lucia.validateSession(token);
	if (!session || !user)
		return { user: null, session: null, cookie: lucia.createBlankSessionCookie(), ended: false };

	const staff = isStaff(user);
	const created = Date.parse(session.createdAt ?? '') || now;
	let lastActive = Date.parse(session.lastActiveAt ?? '') || now;
	const absoluteExpiresAt = created + (staff ? LIFETIMES.staff.absolute : LIFETIMES.member.absolute);
	const idleEnded = staff && now - lastActive > LIFETIMES.staff.idle;
	if (now >= absoluteExpiresAt || idleEnded) {
		await lucia.invalidateSession(session.id);
		return { user: null, session: null, cookie: lucia.createBlankSessionCookie(), ended: true };
	}

	if (now - lastActive > LIFETIMES.touchEvery) {
		await touchSession(session.id, now);
		lastActive = now;
	}

	return {
		user: { ...user },
		session: {
			id: session.id,
			idleExpiresAt: staff
				? new Date(Math.min(lastActive + LIFETIMES.staff.idle, absoluteExpiresAt)).toISOString()
				: null,
			absoluteExpiresAt: new Date(absoluteExpiresAt).toISOString()
		},
		cookie: session.fresh ? lucia.createSessionCookie(session.id) : null
	};
}

/** Records activity now: what "Stay signed in" does. */
export async function touchSession(sessionId: string, now = Date.now()): Promise<void> {
	const { error } = await serviceClient()
		.from('sessions')
		.update({ last_active_at: new Date(now).toISOString() })
		.eq('id', sha256Hex(sessionId));
	if (error) throw new Error(`Session store: ${error.message}`);
}

export async function createSession(userId: string): Promise<Cookie> {
	const now = new Date().toISOString();
	const session = await lucia.createSession(userId, {
		created_at: now,
		last_active_at: now,
		authenticated_at: now
	});
	return lucia.createSessionCookie(session.id);
}

export async function endSession(sessionId: string): Promise<Cookie> {
	await lucia.invalidateSession(sessionId);
	return lucia.createBlankSessionCookie();
}

/** Sign out everywhere: every session of this person, on every device. */
export async function endAllSessions(userId: string): Promise<Cookie> {
	await lucia.invalidateUserSessions(userId);
	return lucia.createBlankSessionCookie();
}
