import { redirect } from '@sveltejs/kit';
import { known, MATCH_EXPERIENCE, MATCH_SKILLS } from '$lib/matching';
import { myMatchingProfile, saveMatchingProfile } from '$lib/server/matching';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/my/skills');
	return {
		mine: await myMatchingProfile(locals.db, locals.user.id),
		notice: url.searchParams.has('saved') ? 'saved' : url.searchParams.has('removed') ? 'removed' : null
	};
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/skills');
		const form = await readForm(request);
		const mine = {
			experience: known(MATCH_EXPERIENCE, form.getAll('experience')),
			skills: known(MATCH_SKILLS, form.getAll('skills')),
			develop: known(MATCH_SKILLS, form.getAll('develop'))
		};
		await saveMatchingProfile(locals.db, mine);
		const empty = mine.experience.length + mine.skills.length + mine.develop.length === 0;
		redirect(303, `/my/skills?${empty ? 'removed' : 'saved'}`);
	},
	remove: async ({ locals }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/my/skills');
		await saveMatchingProfile(locals.db, { experience: [], skills: [], develop: [] });
		redirect(303, '/my/skills?removed');
	}
};
