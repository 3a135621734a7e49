// The security headers every response carries (pages get their Content-Security-Policy, with a nonce
// for each inline script, from SvelteKit: kit.csp in svelte.config.js).
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Responses that are not pages (files, downloads, JSON) get this policy: nothing in them may run. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(url: URL): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		// The camera is for photographing receipts; nothing else a browser offers is used.
		'permissions-policy':
			'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
			'hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		// Browsers only honour HSTS over HTTPS; sent there, it keeps every later visit on HTTPS.
		...(url.protocol === 'https:' ? { 'strict-transport-security': HSTS } : {})
	};
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request that changes something came from another site. Browsers send Sec-Fetch-Site and
 * Origin with every such request; a request carrying neither is not from a browser page, so it cannot
 * be a cross-site forgery.
 */
export function isCrossSite(request: Request, url: URL): boolean {
	if (!UNSAFE.has(request.method)) return false;
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	if (site && site !== 'same-origin' && site !== 'none') return true;
	return origin !== null && origin !== url.origin;
}
