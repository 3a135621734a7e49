import { requirePermission } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// Payment runs are for the finance team only. The staff layout has already sent anyone signed out
// to sign in; other staff get a plain "only the finance team" page. The database refuses them too.
export const load: LayoutServerLoad = async ({ locals, parent }) => {
	await parent();
	requirePermission(locals.user, 'finance');
	return {};
};
