// The run's file for the bank or the voucher supplier. The only place full bank details leave
// Together; the database writes an audit row for every export. A POST (a button, never a link), so
// nothing fetches it by itself.
import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { exportRunRows, getRun, runCsv } from '$lib/server/payment-runs';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	requirePermission(locals.user, 'finance');
	const run = await getRun(locals.db, Number(params.id));
	if (!run) error(404, 'We could not find that payment run.');
	const rows = await exportRunRows(locals.db, run.id);
	if (!rows) error(404, 'We could not find that payment run.');
	return new Response(runCsv(run.reference, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="together-${run.reference.toLowerCase()}.csv"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
