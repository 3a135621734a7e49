import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { setTerm, steeringRoster } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

async function find(locals: App.Locals, raw: string) {
	const id = Number(raw);
	const row = Number.isInteger(id) ? (await steeringRoster(locals.db)).find((r) => r.id === id) : undefined;
	if (!row) error(404, 'We could not find that term.');
	return row;
}

export const load: PageServerLoad = async ({ locals, params }) => ({ term: await find(locals, params.id) });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const row = await find(locals, params.id);
		const form = await readForm(request);
		const values = {
			starts_on: String(form.get('starts_on') ?? ''),
			ends_on: String(form.get('ends_on') ?? '')
		};
		const errors: Record<string, string> = {};
		if (!DATE.test(values.starts_on)) errors.starts_on = 'Enter the date the term starts';
		if (!DATE.test(values.ends_on)) errors.ends_on = 'Enter the date the term ends';
		else if (!errors.starts_on && values.ends_on < values.starts_on)
			errors.ends_on = 'The term must end after it starts';
		if (Object.keys(errors).length) return fail(400, { values, errors });
		const result = await setTerm(locals.db, row.id, values.starts_on, values.ends_on);
		if (!result.ok) return fail(400, { values, errors: { ends_on: 'The term must end after it starts' } });
		redirect(
			303,
			`/admin/steering-group?saved=${encodeURIComponent(`${row.member.full_name}’s term is saved.`)}`
		);
	}
};
