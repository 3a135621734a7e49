import { describe, expect, it } from 'vitest';
import { ALERT_SETTINGS_PURPOSE, readToken, signToken } from '$lib/server/alerts/token';

const secret = 'a-test-secret-that-is-at-least-thirty-two-characters';
const member = '00000000-0000-4000-8000-000000000001';

describe('the change-or-stop link token', () => {
	it('reads back the member it was made for', () => {
		const token = signToken(secret, member);
		expect(token).toMatch(/^00000000-0000-4000-8000-000000000001\.[A-Za-z0-9_-]{43}$/);
		expect(readToken(secret, token)).toBe(member);
	});

	it('is the same every time, so every email carries a link that keeps working', () => {
		expect(signToken(secret, member)).toBe(signToken(secret, member));
	});

	it('refuses a token whose member was changed', () => {
		const [, signature] = signToken(secret, member).split('.');
		expect(readToken(secret, `00000000-0000-4000-8000-000000000002.${signature}`)).toBeNull();
	});

	it('refuses a tampered, cut short or padded signature', () => {
		const token = signToken(secret, member);
		const last = token.at(-1) === 'A' ? 'B' : 'A';
		expect(readToken(secret, token.slice(0, -1) + last)).toBeNull();
		expect(readToken(secret, token.slice(0, -2))).toBeNull();
		expect(readToken(secret, `${token}A`)).toBeNull();
		expect(readToken(secret, `${token}=`)).toBeNull();
		expect(readToken(secret, token.replace('.', '.!'))).toBeNull();
	});

	it('refuses a token signed with another secret', () => {
		expect(readToken(secret, signToken('another-secret-another-secret-another', member))).toBeNull();
	});

	it('refuses a token made for another purpose, and this token for another purpose', () => {
		const other = signToken(secret, member, 'together/sign-in-link/v1');
		expect(readToken(secret, other)).toBeNull();
		expect(readToken(secret, signToken(secret, member), 'together/sign-in-link/v1')).toBeNull();
		expect(readToken(secret, other, 'together/sign-in-link/v1')).toBe(member);
		expect(ALERT_SETTINGS_PURPOSE).not.toBe('together/sign-in-link/v1');
	});

	it('refuses rubbish without throwing', () => {
		for (const bad of ['', '.', 'x', 'not-a-uuid.abc', `${member}`, `${member}.`, 'é'.repeat(300), '%00']) {
			expect(readToken(secret, bad), bad).toBeNull();
		}
	});
});
