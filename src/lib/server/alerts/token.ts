// The token in every new-opportunity email's "change or stop" link, so the link works without
// signing in: the member's id and an HMAC-SHA256 of it, keyed with the project's JWT secret. The
// purpose is part of what is signed, so a token made for anything else never opens these settings.
// It gives one power only: changing how often that member is emailed about new opportunities.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ALERT_SETTINGS_PURPOSE = 'together/opportunity-alert-settings/v1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, purpose: string, memberId: string): Buffer {
	return createHmac('sha256', secret).update(`${purpose}\n${memberId}`).digest();
}

/** A token for one member and one purpose: `<member id>.<signature>`, safe in a URL path. */
export function signToken(secret: string, memberId: string, purpose = ALERT_SETTINGS_PURPOSE): string {
	return `${memberId}.${mac(secret, purpose, memberId).toString('base64url')}`;
}

/** The member a token was made for, or null if it was not made by us for this purpose. */
export function readToken(secret: string, token: string, purpose = ALERT_SETTINGS_PURPOSE): string | null {
	const dot = token.indexOf('.');
	if (dot < 0 || token.length > 200) return null;
	const memberId = token.slice(0, dot);
	const given = Buffer.from(token.slice(dot + 1), 'base64url');
	if (!UUID.test(memberId)) return null;
	const expected = mac(secret, purpose, memberId);
	// Compared in constant time; a signature of the wrong length can never match.
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	// base64url decoding ignores stray characters, so insist the token is exactly what we issue.
	if (token !== signToken(secret, memberId, purpose)) return null;
	return memberId;
}
