import { error } from '@sveltejs/kit';
import { AUDIT_PAGE_SIZE, listReads, READ_KINDS, type ReadKind } from '$lib/server/adjustments-staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user?.role !== 'admin') error(403, 'Only admins can see the audit log.');
	const raw = url.searchParams.get('kind');
	const kind: ReadKind = raw && Object.hasOwn(READ_KINDS, raw) ? (raw as ReadKind) : 'all';
	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
	const { entries, total } = await listReads(locals.db, kind, page);
	return {
		kind,
		kinds: READ_KINDS,
		page,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		total,
		entries
	};
};
