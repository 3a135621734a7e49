import { error } from '@sveltejs/kit';
import { AUDIT_PAGE_SIZE, listReads, READ_KINDS, type ReadKind } from '$lib/server/adjustments-staff';
import { auditPeople } from '$lib/server/network';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user?.role !== 'admin') error(403, 'Only admins can see the audit log.');
	const raw = url.searchParams.get('kind');
	const kind: ReadKind = raw && Object.hasOwn(READ_KINDS, raw) ? (raw as ReadKind) : 'all';
	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
	const member = url.searchParams.get('member') ?? '';
	const staff = url.searchParams.get('staff') ?? '';
	const filters = { member: UUID.test(member) ? member : null, staff: UUID.test(staff) ? staff : null };
	const [{ entries, total }, people] = await Promise.all([
		listReads(locals.db, kind, page, filters),
		auditPeople(locals.db)
	]);
	return {
		kind,
		kinds: READ_KINDS,
		filters,
		people,
		page,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		total,
		entries
	};
};
