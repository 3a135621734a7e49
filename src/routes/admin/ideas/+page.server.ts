import { fail, redirect } from '@sveltejs/kit';
import { listCalls, openCall } from '$lib/server/ideas';
import { isRealDate } from '$lib/validation/opportunity';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals }) => ({ calls: await listCalls(locals.db) });

export const actions: Actions = {
	open: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/sign-in?next=/admin/ideas');
		const form = await readForm(request);
		const values = {
			question: String(form.get('question') ?? '').trim(),
			details: String(form.get('details') ?? '').trim(),
			closes_on: String(form.get('closes_on') ?? '').trim()
		};
		const errors: Record<string, string> = {};
		if (values.question.length < 5 || values.question.length > 300)
			errors.question = 'Enter the question, in 5 to 300 characters';
		if (values.details.length > 3000) errors.details = 'The details must be 3,000 characters or fewer';
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
		if (!isRealDate(values.closes_on))
			errors.closes_on = 'Enter the closing date as a real date, like 2027-03-27';
		else if (values.closes_on < today) errors.closes_on = 'The closing date must be today or in the future';
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		const id = await openCall(
			locals.db,
			{ question: values.question, details: values.details || null, closes_on: values.closes_on },
			locals.user.id
		);
		redirect(303, `/admin/ideas/${id}?opened`);
	}
};
