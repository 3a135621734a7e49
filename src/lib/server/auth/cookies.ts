// The short-lived cookie that carries a sign-in request from the email page to the code page.
import type { Cookies } from '@sveltejs/kit';
import type { Cookie } from 'lucia';
import { CODE_MINUTES } from './sign-in';

const NAME = 'together-sign-in';

export interface PendingSignIn {
	requestId: string;
	email: string;
	next: string | null;
}

export function rememberSignIn(cookies: Cookies, pending: PendingSignIn, secure: boolean): void {
	cookies.set(NAME, JSON.stringify(pending), {
		path: '/sign-in',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: CODE_MINUTES * 60
	});
}

export function pendingSignIn(cookies: Cookies): PendingSignIn | null {
	try {
		const value = JSON.parse(cookies.get(NAME) ?? 'null') as PendingSignIn | null;
		return value && typeof value.requestId === 'string' && typeof value.email === 'string' ? value : null;
	} catch {
		return null;
	}
}

export function forgetSignIn(cookies: Cookies): void {
	cookies.delete(NAME, { path: '/sign-in' });
}

export function setSessionCookie(cookies: Cookies, cookie: Cookie): void {
	cookies.set(cookie.name, cookie.value, { path: '/', ...cookie.attributes });
}
