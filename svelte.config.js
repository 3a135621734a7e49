import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ precompress: true }),
		// Workbox takes over the service worker in the offline work; none is registered yet.
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		// Every stylesheet (the largest, the whole site's, is about 17 KB before compression) goes into
		// the page's <head>: on a slow connection the first paint then needs the HTML alone, not another
		// round trip that shares the line with the page's scripts. Pages opened later in the app load
		// their few extra rules as files, which the browser and the service worker keep.
		inlineStyleThreshold: 20000,
		// SvelteKit's check against cross-site form posts is done in src/hooks.server.ts instead, the
		// same check for every route except one-click unsubscribe (RFC 8058), which mail clients POST to
		// from elsewhere. SvelteKit's own check runs before any hook and cannot leave a route out.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// SvelteKit's route announcer sets inline styles (style attributes); browsers that know
				// style-src-elem allow a <style> element only with the page's nonce (the stylesheets put
				// into the page), those that don't fall back to style-src.
				'style-src': ['self', 'unsafe-inline'],
				'style-src-elem': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
