import { listAccessibilityReports } from '$lib/server/accessibility-reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { reports: await listAccessibilityReports(locals.db) };
};
