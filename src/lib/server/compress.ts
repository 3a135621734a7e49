import type { Handle } from '@sveltejs/kit';

/**
 * Pages go out gzipped when the browser accepts it: a page's HTML, with its stylesheet in the head,
 * is about a quarter of the size, which on a slow connection is what decides when the page first
 * shows. The files under /_app are compressed once at build time (adapter-node's precompress) and
 * never reach this hook.
 */
export const compressPages: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (
		!response.body ||
		event.request.method === 'HEAD' ||
		!type.startsWith('text/html') ||
		response.headers.has('content-encoding') ||
		!/\bgzip\b/.test(event.request.headers.get('accept-encoding') ?? '')
	)
		return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
