import { openRounds, steeringGroup } from '$lib/server/recruitment';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const signedIn = locals.user !== null;
	const [rounds, members] = await Promise.all([openRounds(locals.db), steeringGroup(locals.db, signedIn)]);
	return { rounds, members, signedIn };
};
