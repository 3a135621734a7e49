// The headers the production build really sends: a strict Content-Security-Policy (every inline
// script and style carries the page's nonce), no framing, a referrer and permissions policy, cookies as
// DESIGN.md says, and requests from other sites refused.
import { expect, test } from './fixtures';

const PAGES = ['/', '/opportunities', '/sign-in', '/accessibility'];

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

test.describe('security headers', () => {
	for (const path of PAGES) {
		test(`${path} has a strict policy, and each inline script its nonce`, async ({ request }) => {
			const res = await request.get(path);
			expect(res.status()).toBe(200);
			const h = res.headers();
			const csp = directives(h['content-security-policy'] ?? '');
			const scripts = csp.get('script-src') ?? [];
			expect(scripts).toContain("'self'");
			expect(scripts).not.toContain("'unsafe-inline'");
			expect(scripts).not.toContain("'unsafe-eval'");
			expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('base-uri')).toEqual(["'self'"]);
			expect(csp.get('form-action')).toEqual(["'self'"]);

			const html = await res.text();
			const nonces = scripts.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
			for (const attrs of inline) {
				const nonce = attrs.match(/nonce="([^"]+)"/)?.[1];
				expect(nonce && nonces.includes(nonce), `inline script without the nonce: <script${attrs}>`).toBe(
					true
				);
			}
			expect(html).not.toMatch(/\son[a-z]+="/);

			// The stylesheets are in the page (kit.inlineStyleThreshold): each <style> with the nonce.
			const styles = csp.get('style-src-elem') ?? [];
			expect(styles).toContain("'self'");
			expect(styles).not.toContain("'unsafe-inline'");
			const styleNonces = styles.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
			const inlineStyles = [...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]!);
			expect(inlineStyles.length, 'the stylesheet is in the page').toBeGreaterThan(0);
			for (const attrs of inlineStyles) {
				const nonce = attrs.match(/nonce="([^"]+)"/)?.[1];
				expect(nonce && styleNonces.includes(nonce), `<style> without the nonce: <style${attrs}>`).toBe(true);
			}
			// SvelteKit keeps a disabled link to each stylesheet it put in the page: none is fetched.
			for (const link of html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? [])
				expect(link, 'a render-blocking stylesheet').toContain('disabled');

			expect(h['x-frame-options']).toBe('DENY');
			expect(h['x-content-type-options']).toBe('nosniff');
			expect(h['referrer-policy']).toBe('same-origin');
			expect(h['cross-origin-opener-policy']).toBe('same-origin');
			expect(h['permissions-policy']).toContain('geolocation=()');
			expect(h['permissions-policy']).toContain('microphone=()');
			// Served over plain HTTP here: HSTS is only sent over HTTPS (tests/unit/security-headers.test.ts).
			expect(h['strict-transport-security']).toBeUndefined();
		});
	}

	test('what is not a page may run nothing', async ({ request }) => {
		const res = await request.get('/uploads/00000000-0000-4000-8000-000000000000');
		expect(res.status()).toBe(404);
		expect(res.headers()['content-security-policy']).toContain("default-src 'none'");
		expect(res.headers()['x-frame-options']).toBe('DENY');
	});

	test('a page breaks no part of its policy in a real browser', async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (msg) => {
			if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
		});
		await page.addInitScript(() =>
			document.addEventListener('securitypolicyviolation', (e) =>
				console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)
			)
		);
		for (const path of ['/', '/opportunities', '/sign-in']) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
		}
		expect(violations).toEqual([]);
	});
});

test.describe('cookies and requests from other sites', () => {
	test('the sign-in cookie is httpOnly, SameSite=Lax and only for the sign-in pages', async ({
		request,
		baseURL
	}) => {
		const res = await request.post('/sign-in', {
			form: { email: 'nobody.at.all@example.org' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		const cookie = res
			.headersArray()
			.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('together-sign-in='));
		expect(cookie?.value).toMatch(/HttpOnly/i);
		expect(cookie?.value).toMatch(/SameSite=Lax/i);
		expect(cookie?.value).toMatch(/Path=\/sign-in/i);
	});

	test('a form posted from another site is refused', async ({ request }) => {
		const res = await request.post('/sign-in', {
			form: { email: 'nobody.at.all@example.org' },
			headers: { origin: 'https://elsewhere.example' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
	});

	test('the JSON endpoints refuse requests from other sites', async ({ request, baseURL }) => {
		const tries: Record<string, string>[] = [
			{ origin: 'https://elsewhere.example', 'content-type': 'application/json' },
			{ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
			{ 'sec-fetch-site': 'same-site', origin: 'https://sub.elsewhere.example' }
		];
		for (const headers of tries) {
			const res = await request.post('/session', { headers, data: '{}' });
			expect(res.status(), JSON.stringify(headers)).toBe(403);
		}
		// From Together's own pages it gets as far as asking who is signed in.
		const own = await request.post('/session', {
			headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin' },
			data: '{}'
		});
		expect(own.status()).toBe(401);
	});
});
