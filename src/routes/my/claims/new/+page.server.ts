import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { randomUUID } from 'node:crypto';
import { formValues, readForm } from '$lib/validation/form';
import { claimWindow, ukToday } from '$lib/validation/claim';
import { ClaimError, claimRules, claimableMeetings, myInvolvements, startClaim } from '$lib/server/claims';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [meetings, involvements, rules] = await Promise.all([
		claimableMeetings(locals.db),
		myInvolvements(locals.db),
		claimRules(locals.db)
	]);
	return {
		meetings,
		involvements,
		windowDays: rules.settings.window_days,
		today: ukToday(),
		key: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const values = formValues(await readForm(request));
		const activity = String(values.activity ?? '');
		const key = /^[0-9a-f-]{36}$/.test(String(values.key)) ? String(values.key) : randomUUID();
		const errors: Record<string, string> = {};
		let involvement = 0;
		let meeting: number | null = null;
		let activityOn: string | null = null;

		const match = /^meeting-(\d+)-(\d+)$/.exec(activity);
		if (match) {
			involvement = Number(match[1]);
			meeting = Number(match[2]);
		} else if (activity === 'other') {
			involvement = Number(values.involvement);
			if (!involvement) errors.involvement = m.claimnew_err_involvement();
			const day = String(values.day ?? '').trim();
			if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
				errors.day = m.claimnew_err_day();
			else {
				const rules = await claimRules(locals.db);
				const state = claimWindow(day, ukToday(), rules.settings.window_days).state;
				if (state === 'not_yet') errors.day = m.claimnew_err_future();
				else if (state === 'too_late')
					errors.day = m.claimnew_err_too_late({ days: rules.settings.window_days });
				else activityOn = day;
			}
		} else {
			errors.activity = m.claimnew_err_activity();
		}
		if (Object.keys(errors).length) return fail(400, { errors, values });

		let id: number;
		try {
			id = await startClaim(locals.db, { involvement, meeting, activityOn, key });
		} catch (e) {
			if (e instanceof ClaimError) return fail(400, { errors: { activity: e.message }, values });
			throw e;
		}
		redirect(303, `/my/claims/${id}`);
	}
};
