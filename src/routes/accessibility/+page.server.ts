import { fail, redirect } from '@sveltejs/kit';
import { sendAccessibilityReport } from '$lib/server/accessibility-reports';
import { accessibilityReportSchema } from '$lib/validation/accessibility-report';
import { formValues, parse } from '$lib/validation/form';
import type { Actions, PageServerLoad } from './$types';

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
		const values = formValues(await request.formData());
		const parsed = parse(accessibilityReportSchema, values, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await sendAccessibilityReport(locals.db, parsed.data, getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'too_many'
					? 'We have had a lot of reports from you in the last hour. Please try again later, or email or call us instead.'
					: 'We could not send this. Check what you wrote and try again.';
			return fail(result.reason === 'too_many' ? 429 : 400, { values, errors: { kind: message } });
		}
		redirect(303, `/accessibility?sent=${result.id}#report-sent`);
	}
};
