import { describe, expect, it } from 'vitest';
import { HSTS, isCrossSite, securityHeaders } from '$lib/server/security-headers';

describe('security headers', () => {
	it('send HSTS over HTTPS only', () => {
		expect(securityHeaders(new URL('https://together.example/'))['strict-transport-security']).toBe(HSTS);
		expect(securityHeaders(new URL('http://localhost:3000/'))['strict-transport-security']).toBeUndefined();
		expect(HSTS).toMatch(/max-age=(\d{8,})/);
	});

	it('refuse framing and unused browser features', () => {
		const h = securityHeaders(new URL('https://together.example/'));
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['permissions-policy']).toMatch(/geolocation=\(\)/);
		expect(h['referrer-policy']).toBe('same-origin');
	});
});

describe('cross-site requests', () => {
	const url = new URL('https://together.example/session');
	const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

	it('are those a browser says come from elsewhere', () => {
		expect(isCrossSite(req('POST', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(isCrossSite(req('POST', { 'sec-fetch-site': 'same-site' }), url)).toBe(true);
		expect(isCrossSite(req('DELETE', { origin: 'https://evil.example' }), url)).toBe(true);
		expect(isCrossSite(req('POST', { origin: 'null' }), url)).toBe(true);
	});

	it('leave alone reading, Together’s own pages and callers that are not browsers', () => {
		expect(isCrossSite(req('GET', { 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
		expect(isCrossSite(req('POST', { 'sec-fetch-site': 'same-origin', origin: url.origin }), url)).toBe(
			false
		);
		expect(isCrossSite(req('POST', {}), url)).toBe(false);
	});
});
