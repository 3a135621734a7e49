// The API gateway: PostgREST under /rest/v1 on one port, so URLs and keys have the same shape as
// `supabase start` and a hosted project. Like Supabase's gateway it wants a project API key.
import { createServer, request } from 'node:http';

export function startGateway({ port, postgrestPort, keys, log = console.log }) {
	const known = new Set([keys.anonKey, keys.serviceRoleKey]);

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://gateway');
		if (url.pathname === '/health') {
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			return;
		}
		if (!url.pathname.startsWith('/rest/v1/') && url.pathname !== '/rest/v1') {
			res
				.writeHead(404, { 'content-type': 'application/json' })
				.end('{"message":"no Route matched with those values"}');
			return;
		}
		const apikey = req.headers.apikey ?? url.searchParams.get('apikey');
		if (typeof apikey !== 'string' || !known.has(apikey)) {
			res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Invalid API key"}');
			return;
		}
		url.searchParams.delete('apikey');
		const headers = { ...req.headers };
		// Supabase's gateway sends the API key as the bearer token when the caller sends none.
		if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
		delete headers.host;
		const upstream = request(
			{
				host: '127.0.0.1',
				port: postgrestPort,
				method: req.method,
				path: url.pathname.slice('/rest/v1'.length) + url.search || '/',
				headers
			},
			(up) => {
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			}
		);
		upstream.on('error', () => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
			res.end('{"message":"The database API is not answering"}');
		});
		req.pipe(upstream);
	});

	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			log(`API: http://127.0.0.1:${port}/rest/v1`);
			resolve({
				stop: () =>
					new Promise((r) => {
						server.close(() => r());
						server.closeAllConnections();
					})
			});
		});
	});
}
