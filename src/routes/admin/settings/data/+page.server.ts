import { error, fail, redirect } from '@sveltejs/kit';
import { dataSettings, saveDataSettings } from '$lib/server/data-rights';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, url }) => ({
	settings: await dataSettings(locals.db),
	isAdmin: locals.user?.role === 'admin',
	saved: url.searchParams.has('saved')
});

const LIMITS = {
	payment_records_years: { min: 1, max: 20, words: 'Enter a number of years from 1 to 20' },
	audit_log_years: { min: 1, max: 20, words: 'Enter a number of years from 1 to 20' },
	term_reminder_days: { min: 1, max: 180, words: 'Enter a number of days from 1 to 180' },
	guest_booking_months: { min: 1, max: 120, words: 'Enter a number of months from 1 to 120' }
} as const;
type Key = keyof typeof LIMITS;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (locals.user?.role !== 'admin') error(403, 'Only admins can change data settings.');
		const form = await readForm(request);
		const values: Record<string, string> = {};
		const errors: Record<string, string> = {};
		const parsed = {} as Record<Key, number>;
		for (const key of Object.keys(LIMITS) as Key[]) {
			const raw = String(form.get(key) ?? '').trim();
			values[key] = raw;
			const n = Number(raw);
			if (!/^\d{1,3}$/.test(raw) || n < LIMITS[key].min || n > LIMITS[key].max)
				errors[key] = LIMITS[key].words;
			else parsed[key] = n;
		}
		if (Object.keys(errors).length) return fail(400, { values, errors });
		await saveDataSettings(locals.db, locals.user.id, parsed);
		redirect(303, '/admin/settings/data?saved');
	}
};
