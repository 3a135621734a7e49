import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { listPrinciples, savePrinciple } from '$lib/server/projects';
import { parsePrinciple } from '$lib/projects';
import { formValues, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const principles = await listPrinciples(locals.db, true);
	const edit = principles.find((p) => String(p.id) === url.searchParams.get('edit')) ?? null;
	return {
		principles,
		editing: edit,
		isAdmin: locals.user?.role === 'admin',
		saved: url.searchParams.has('saved')
	};
};

function requireAdmin(user: App.Locals['user']) {
	requireStaff(user);
	if (user.role !== 'admin') error(403, 'Only admins can change the principles.');
}

export const actions: Actions = {
	save: async ({ locals, request }) => {
		requireAdmin(locals.user);
		const form = await readForm(request);
		const raw = String(form.get('id') ?? '');
		const id = raw === '' ? null : Number(raw);
		const parsed = parsePrinciple(form);
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		if (!(await savePrinciple(locals.db, id, parsed.data)))
			return fail(400, { values: formValues(form), errors: { name: 'Another principle has that name' } });
		redirect(303, '/admin/projects/principles?saved');
	}
};
