import { error, fail } from '@sveltejs/kit';
import { hasPermission } from '$lib/server/auth/session';
import { requirePermission, requireStaff } from '$lib/server/auth/guard';
import { memberRecord, readAccessNeeds, readLivedExperience, setCoOpted } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function memberId(raw: string): string {
	if (!UUID.test(raw)) error(404, 'We could not find that member.');
	return raw;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireStaff(locals.user);
	const id = memberId(params.id);
	const finance = hasPermission(locals.user, 'finance');
	const record = await memberRecord(locals.db, id, finance);
	if (!record) error(404, 'We could not find that member.');
	return {
		record,
		finance,
		arranges: hasPermission(locals.user, 'arrange_adjustments'),
		changed: url.searchParams.get('changed')
	};
};

export const actions: Actions = {
	// Each of these reads special-category data: the database writes the audit row in the same call.
	lived: async ({ locals, params }) => {
		requireStaff(locals.user);
		return { lived: await readLivedExperience(locals.db, memberId(params.id)) };
	},
	needs: async ({ locals, params }) => {
		requirePermission(locals.user, 'arrange_adjustments');
		const read = await readAccessNeeds(locals.db, memberId(params.id));
		if (!read.ok)
			return fail(403, {
				needsProblem:
					read.reason === 'not_shared'
						? 'This member has chosen not to share their access needs with staff.'
						: 'Only staff who arrange adjustments can see access needs.'
			});
		return { needs: read.needs, needsRead: true };
	},
	coopted: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const value = (await readForm(request)).get('co_opted') === 'yes';
		await setCoOpted(locals.db, memberId(params.id), value);
		return { coOptedSaved: value };
	}
};
