// Passwordless sign-in: a 6-digit code and a one-click link by email, both stored only as hashes,
// single use and valid for 10 minutes; sends and attempts rate-limited per address and per client.
// Nothing said or sent differs between a registered and an unknown address.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { serviceClient } from '../db/service';
import { config } from '../config';
import { escapeHtml, sendMail, type Message } from '../mail';
import { inLanguage, letter } from '../mail/language';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { hmacHex, sha256Hex } from './hash';
import { createSession, homeFor } from './session';

export const CODE_MINUTES = 10;
export const LIMITS = {
	sendsPerAddress: () => ({ max: config.sendsPerAddress, seconds: 3600 }),
	sendsPerClient: () => ({ max: config.sendsPerClient, seconds: 3600 }),
	attemptsPerClient: () => ({ max: config.attemptsPerClient, seconds: 600 }),
	attemptsPerCode: 5
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Only same-site paths may follow sign-in, never another site. */
export function safeNext(next: string | null | undefined): string | null {
	// Browsers drop tabs and new lines inside addresses, so "/\t/x" would become "//x": another site.
	// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
	if (!next || !/^\/[^/\\]/.test(next) || next.length > 300 || /[\s\x00-\x1f\x7f]/.test(next)) return null;
	if (next.startsWith('/sign-in') || next.startsWith('/sign-out')) return null;
	return next;
}

export function codeHash(requestId: string, code: string): string {
	return hmacHex(config.jwtSecret, `sign-in-code:${requestId}:${code}`);
}

export function formatCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}

async function withinLimit(bucket: string, limit: { max: number; seconds: number }): Promise<boolean> {
	const { data, error } = await serviceClient().rpc('take_rate_limit', {
		bucket_key: bucket,
		max_hits: limit.max,
		window_seconds: limit.seconds
	});
	if (error) throw new Error(`Rate limit: ${error.message}`);
	return data === true;
}

export type SendResult = { requestId: string } | { limited: true };

export async function requestSignIn(
	rawEmail: string,
	clientAddress: string,
	origin: string,
	next: string | null,
	/** The language of the page the code was asked from: the email is in it. */
	locale: Locale = 'en'
): Promise<SendResult> {
	const email = normaliseEmail(rawEmail);
	const addressOk = await withinLimit(`send:address:${sha256Hex(email)}`, LIMITS.sendsPerAddress());
	const clientOk = await withinLimit(`send:client:${sha256Hex(clientAddress)}`, LIMITS.sendsPerClient());
	if (!addressOk || !clientOk) return { limited: true };

	const db = serviceClient();
	const { data: person, error } = await db
		.from('profiles')
		.select('id, status')
		.eq('email', email)
		.neq('status', 'left')
		.maybeSingle();
	if (error) throw new Error(`Sign-in: ${error.message}`);

	const requestId = randomUUID();
	if (!person) return { requestId };

	const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
	const linkToken = randomBytes(32).toString('base64url');
	const { error: insertError } = await db.from('sign_in_codes').insert({
		id: requestId,
		email,
		code_hash: codeHash(requestId, code),
		link_hash: sha256Hex(linkToken),
		next_path: safeNext(next),
		expires_at: new Date(Date.now() + CODE_MINUTES * 60_000).toISOString()
	});
	if (insertError) throw new Error(`Sign-in: ${insertError.message}`);

	const link = `${origin}/sign-in/link?token=${linkToken}`;
	const spaced = formatCode(code);
	// Not awaited: a registered address must not answer more slowly than an unknown one.
	void sendMail(signInEmail(email, spaced, link, locale)).catch((error: Error) =>
		console.error(`A sign-in email could not be sent: ${error.message}`)
	);
	return { requestId };
}

/** The sign-in email, in the language of the page the code was asked from. */
export function signInEmail(to: string, spaced: string, link: string, locale: Locale): Message {
	return inLanguage(locale, () =>
		letter(locale, {
			to,
			subject: m.mail_signin_subject({ code: spaced }),
			text:
				`${m.mail_signin_code()} ${spaced}\n\n` +
				`${m.mail_signin_link_intro()}\n${link}\n\n` +
				`${m.mail_signin_once({ minutes: CODE_MINUTES })}\n\n` +
				`${m.mail_signin_not_you()}\n`,
			html:
				`<p>${escapeHtml(m.mail_signin_code())}</p><p style="font-size:28px;font-weight:bold;letter-spacing:4px">${spaced}</p>` +
				`<p>${escapeHtml(m.mail_signin_link_intro())}<br><a href="${escapeHtml(link)}">${escapeHtml(m.mail_signin_link_label())}</a></p>` +
				`<p>${escapeHtml(m.mail_signin_once({ minutes: CODE_MINUTES }))}</p>` +
				`<p>${escapeHtml(m.mail_signin_not_you())}</p>`
		})
	);
}

export type VerifyResult =
	| { ok: true; cookie: Awaited<ReturnType<typeof createSession>>; next: string; userId: string }
	| { ok: false; reason: 'wrong' | 'expired' | 'too_many' | 'limited' };

async function signInByEmail(email: string, next: string | null): Promise<VerifyResult> {
	const db = serviceClient();
	const { data: person, error } = await db
		.from('profiles')
		.select('id, status, role')
		.eq('email', email)
		.neq('status', 'left')
		.maybeSingle();
	if (error) throw new Error(`Sign-in: ${error.message}`);
	if (!person) return { ok: false, reason: 'expired' };
	const home = homeFor(person);
	if (person.status === 'invited') {
		await db.from('profiles').update({ status: 'active' }).eq('id', person.id);
	}
	return { ok: true, cookie: await createSession(person.id), next: next ?? home, userId: person.id };
}

export async function verifyCode(
	requestId: string,
	rawCode: string,
	clientAddress: string
): Promise<VerifyResult> {
	if (!(await withinLimit(`verify:client:${sha256Hex(clientAddress)}`, LIMITS.attemptsPerClient()))) {
		return { ok: false, reason: 'limited' };
	}
	if (!UUID.test(requestId)) return { ok: false, reason: 'expired' };
	const code = rawCode.replace(/\s|-/g, '');
	const { data, error } = await serviceClient().rpc('use_sign_in_code', {
		request_id: requestId,
		presented_hash: codeHash(requestId, code),
		max_attempts: LIMITS.attemptsPerCode
	});
	if (error) throw new Error(`Sign-in: ${error.message}`);
	const row = (data as { email: string | null; next_path: string | null; outcome: string }[])[0];
	if (!row || row.outcome !== 'ok' || !row.email) {
		const reason = row?.outcome === 'too_many' ? 'too_many' : row?.outcome === 'wrong' ? 'wrong' : 'expired';
		return { ok: false, reason };
	}
	return signInByEmail(row.email, row.next_path);
}

export async function verifyLink(token: string, clientAddress: string): Promise<VerifyResult> {
	if (!(await withinLimit(`verify:client:${sha256Hex(clientAddress)}`, LIMITS.attemptsPerClient()))) {
		return { ok: false, reason: 'limited' };
	}
	const { data, error } = await serviceClient().rpc('use_sign_in_link', { presented_hash: sha256Hex(token) });
	if (error) throw new Error(`Sign-in: ${error.message}`);
	const row = (data as { email: string; next_path: string | null }[])[0];
	if (!row) return { ok: false, reason: 'expired' };
	return signInByEmail(row.email, row.next_path);
}
