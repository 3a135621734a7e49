import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { addJargon, listJargon, removeJargon } from '$lib/server/easy-read';
import { formValues, parse, readForm, recordId } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

const jargonSchema = v.object({
	word: v.pipe(
		v.string('Enter the word or phrase'),
		v.trim(),
		v.nonEmpty('Enter the word or phrase'),
		v.minLength(2, 'The word or phrase must be 2 characters or more'),
		v.maxLength(60, 'The word or phrase must be 60 characters or fewer')
	),
	instead: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(200, 'What to say instead must be 200 characters or fewer')
	)
});

export const load: PageServerLoad = async ({ locals, url }) => ({
	jargon: await listJargon(locals.db),
	canEdit: locals.user?.role === 'admin',
	notice: url.searchParams.get('done')
});

export const actions: Actions = {
	add: async ({ locals, request }) => {
		if (locals.user?.role !== 'admin') error(403, 'Only admins can change the jargon list.');
		const values = formValues(await readForm(request));
		const parsed = parse(jargonSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		if (!(await addJargon(locals.db, parsed.data.word, parsed.data.instead)))
			error(403, 'Only admins can change the jargon list.');
		redirect(303, '/admin/settings/easy-read?done=added');
	},
	remove: async ({ locals, request }) => {
		if (locals.user?.role !== 'admin') error(403, 'Only admins can change the jargon list.');
		const id = recordId((await readForm(request)).get('id'));
		if (id === null || !(await removeJargon(locals.db, id))) error(404, 'That word is not on the list.');
		redirect(303, '/admin/settings/easy-read?done=removed');
	}
};
