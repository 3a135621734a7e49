// Everything held about the signed-in member, as a JSON file (machine-readable, UK GDPR Article 20).
import { error } from '@sveltejs/kit';
import { myData } from '$lib/server/data-rights';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, m.err_401_download());
	const data = await myData(locals.db);
	const day = new Date().toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="together-my-data-${day}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
