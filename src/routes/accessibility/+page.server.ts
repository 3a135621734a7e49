import { fail, redirect } from '@sveltejs/kit';
import { sendAccessibilityReport } from '$lib/server/accessibility-reports';
import { accessibilityReportSchema } from '$lib/validation/accessibility-report';
import { formValues, parse, readForm } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ url }) => {
	const sent = url.searchParams.get('sent');
	const page = url.searchParams.get('page');
	return {
		sent: sent && /^\d{1,12}$/.test(sent) ? sent : null,
		// A link from another page may say which page it came from.
		page: page && page.length <= 300 ? page : '',
		kind: url.searchParams.get('kind') === 'format' ? 'format' : ''
	};
};

export const actions: Actions = {
	report: async ({ request, locals, getClientAddress }) => {
		const values = formValues(await readForm(request));
		const parsed = parse(accessibilityReportSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await sendAccessibilityReport(locals.db, parsed.data, getClientAddress());
		if (!result.ok) {
			const message = result.reason === 'too_many' ? m.a11y_err_too_many() : m.a11y_err_not_sent();
			return fail(result.reason === 'too_many' ? 429 : 400, { values, errors: { kind: message } });
		}
		redirect(303, `/accessibility?sent=${result.id}#report-sent`);
	}
};
