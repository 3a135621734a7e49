import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { setTerm, steeringRoster } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';
import { isRealDate } from '$lib/validation/opportunity';

async function find(locals: App.Locals, raw: string) {
	const id = Number(raw);
	const row = Number.isInteger(id) ? (await steeringRoster(locals.db)).find((r) => r.id === id) : undefined;
	if (!row) error(404, 'We could not find that term.');
	return row;
}

export const load: PageServerLoad = async ({ locals, params }) => ({ term: await find(locals, params.id) });

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
		const dateError = (value: string, what: string) =>
			!value ? `Enter the date the term ${what}` : `The date the term ${what} must be a real date`;
		if (!isRealDate(values.starts_on)) errors.starts_on = dateError(values.starts_on, 'starts');
		if (!isRealDate(values.ends_on)) errors.ends_on = dateError(values.ends_on, 'ends');
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
