// A stored file's bytes, for its owner or staff (Row Level Security decides; anyone else gets 404).
// Audio players ask for ranges (Safari will not play without them), so single ranges are answered.
import { error } from '@sveltejs/kit';
import { extensionFor, readUpload } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'We could not find that file.';

export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	if (!locals.user) error(404, NOT_FOUND);
	const file = await readUpload(locals.db, params.id);
	if (!file) error(404, NOT_FOUND);

	const kind = file.contentType.startsWith('audio/') ? 'recording' : 'receipt';
	const name = `${kind}-${file.id.slice(0, 8)}.${extensionFor(file.contentType)}`;
	const headers: Record<string, string> = {
		'content-type': file.contentType,
		'content-disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename="${name}"`,
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-store',
		'accept-ranges': 'bytes',
		// The file is never a page: nothing in it may run or be framed.
		'content-security-policy': "default-src 'none'; media-src 'self'; img-src 'self'; sandbox",
		'cross-origin-resource-policy': 'same-origin'
	};

	const total = file.bytes.length;
	const range = request.headers.get('range')?.match(/^bytes=(\d*)-(\d*)$/);
	if (range && (range[1] || range[2])) {
		const [, from, to] = range;
		const start = from ? Number(from) : Math.max(0, total - Number(to));
		const end = from && to ? Math.min(Number(to), total - 1) : total - 1;
		if (start > end || start >= total) {
			return new Response(null, {
				status: 416,
				headers: { ...headers, 'content-range': `bytes */${total}` }
			});
		}
		return new Response(file.bytes.subarray(start, end + 1), {
			status: 206,
			headers: {
				...headers,
				'content-range': `bytes ${start}-${end}/${total}`,
				'content-length': String(end - start + 1)
			}
		});
	}
	return new Response(file.bytes, { headers: { ...headers, 'content-length': String(total) } });
};
