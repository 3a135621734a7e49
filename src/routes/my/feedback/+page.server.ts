import { myFeedbackActivities } from '$lib/server/projects';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	activities: await myFeedbackActivities(locals.db),
	thanks: url.searchParams.has('given')
});
