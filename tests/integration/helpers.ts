// Clients for the running test stack, each acting as one role with its own JWT, as the app does.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';

export const ACCOUNTS = {
	memberA: { id: '00000000-0000-4000-8000-000000000001', email: 'member@example.org', role: 'member' },
	memberB: { id: '00000000-0000-4000-8000-000000000002', email: 'member2@example.org', role: 'member' },
	/** Sam: staff, arranges adjustments. */
	staff: { id: '00000000-0000-4000-8000-000000000003', email: 'staff@example.org', role: 'staff' },
	/** Jo: staff with the finance permission only. */
	finance: { id: '00000000-0000-4000-8000-000000000004', email: 'finance@example.org', role: 'staff' },
	admin: { id: '00000000-0000-4000-8000-000000000005', email: 'admin@example.org', role: 'admin' }
} as const;

function need(name: string): string {
	const value = process.env[name];
	if (!value)
		throw new Error(
			`${name} is not set: run the integration tests with "npm test" or "npm run test:integration".`
		);
	return value;
}

export const url = () => need('SUPABASE_URL');
const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anon(): SupabaseClient {
	return createClient(url(), need('SUPABASE_ANON_KEY'), options);
}

export function service(): SupabaseClient {
	return createClient(url(), need('SUPABASE_SERVICE_ROLE_KEY'), options);
}

export async function tokenFor(account: { id: string; role: string }, expiresIn = '5m'): Promise<string> {
	return new SignJWT({ role: 'authenticated', app_role: account.role, aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(account.id)
		.setIssuedAt()
		.setExpirationTime(expiresIn)
		.sign(new TextEncoder().encode(need('SUPABASE_JWT_SECRET')));
}

export function as(account: { id: string; role: string }): SupabaseClient {
	const token = tokenFor(account);
	return createClient(url(), need('SUPABASE_ANON_KEY'), { ...options, accessToken: () => token });
}

export function draftInput(title: string) {
	return {
		type: 'advisory_group',
		title,
		summary: 'A test opportunity made by the integration tests.',
		location_type: 'online',
		status: 'draft'
	};
}

/** A draft opportunity added by staff through the API, with any fields changed; its id. */
export async function addOpportunity(title: string, fields: Record<string, unknown> = {}): Promise<number> {
	const { data, error } = await as(ACCOUNTS.staff)
		.from('opportunities')
		.insert({ ...draftInput(title), ...fields })
		.select('id')
		.single();
	if (error) throw new Error(`Adding the opportunity "${title}": ${error.message}`);
	return (data as { id: number }).id;
}

export interface Mail {
	id: string;
	to: string[];
	subject: string;
	text: string;
	/** The HTML part, or '' when the email has none. */
	html: string;
	/** Header names in lower case ("content-language"). */
	headers: Record<string, string>;
	attachments: { filename: string; contentType: string; content: string }[];
	at: string;
}

/**
 * Sets a member's language (display settings), as the Language choice does. Returns a function that
 * puts their settings back as they were.
 */
export async function setLanguage(
	memberId: string,
	language: 'auto' | 'en' | 'cy'
): Promise<() => Promise<void>> {
	const db = service();
	const { data, error } = await db.from('profiles').select('display_settings').eq('id', memberId).single();
	if (error) throw error;
	const before = (data as { display_settings: object | null }).display_settings;
	const write = async (settings: object | null) => {
		const saved = await db.from('profiles').update({ display_settings: settings }).eq('id', memberId);
		if (saved.error) throw saved.error;
	};
	await write({ ...(before ?? {}), language });
	return () => write(before);
}

export async function mailTo(address: string): Promise<Mail[]> {
	const res = await fetch(`${need('MAILBOX_URL')}/messages?to=${encodeURIComponent(address)}`);
	return (await res.json()) as Mail[];
}

/** Waits for a new message to an address (one not in `seen`). */
export async function nextMail(address: string, seen: Set<string>, timeoutMs = 5000): Promise<Mail> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const fresh = (await mailTo(address)).find((m) => !seen.has(m.id));
		if (fresh) return fresh;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`No email arrived for ${address}`);
}
