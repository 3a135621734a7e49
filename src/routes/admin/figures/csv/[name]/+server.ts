// CSV files of the year's figures and of the rows behind them, for staff. A GET, so a plain link
// downloads it; the database functions refuse anyone but staff.
import { error } from '@sveltejs/kit';
import { chosenYear, financialYearOf } from '$lib/figures';
import { requireStaff } from '$lib/server/auth/guard';
import { csvFileName, isCsvName, yearCsv } from '$lib/server/figures';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireStaff(locals.user);
	if (!isCsvName(params.name)) error(404, 'There is no such file of figures.');
	const year = chosenYear(url.searchParams.get('year'), financialYearOf(new Date()));
	const csv = await yearCsv(locals.db, params.name, year);
	if (csv === null) error(403, 'Only staff who arrange adjustments can download these rows.');
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(params.name, year)}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
