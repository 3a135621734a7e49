import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { taxYearOf } from '$lib/payments';
import { formValues, parse, readForm } from '$lib/validation/form';
import { feeLimitSchema, replySchema, ukToday } from '$lib/validation/claim';
import {
	ClaimError,
	listMyClaims,
	maskedBankDetails,
	myTotals,
	paymentPreferences,
	replyToQuery,
	setFeeLimit,
	totalsFor
} from '$lib/server/claims';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const [claims, totals, preferences, bank] = await Promise.all([
		listMyClaims(locals.db, user.id),
		myTotals(locals.db),
		paymentPreferences(locals.db, user.id),
		maskedBankDetails(locals.db)
	]);
	const year = taxYearOf(ukToday());
	const notice = ['limit', 'replied', 'removed'].find((n) => url.searchParams.has(n)) ?? null;
	return {
		claims,
		thisYear: totalsFor(totals, year),
		lastYear: totalsFor(totals, year - 1),
		limit: preferences.yearly_fee_limit_pence,
		bank,
		notice,
		replyKey: randomUUID()
	};
};

export const actions: Actions = {
	limit: async ({ locals, request }) => {
		const values = formValues(await readForm(request));
		const parsed = parse(feeLimitSchema, values, values);
		if (!parsed.ok) return fail(400, { limitErrors: parsed.errors, values });
		await setFeeLimit(locals.db, locals.user!.id, parsed.data.limit);
		redirect(303, '/my/claims?limit');
	},
	reply: async ({ locals, request }) => {
		const values = formValues(await readForm(request));
		const claim = Number(values.claim);
		const field = `message-${claim}`;
		const parsed = parse(replySchema, { message: values[field] }, values);
		if (!parsed.ok) return fail(400, { replyErrors: { [field]: parsed.errors.message! }, values });
		try {
			await replyToQuery(locals.db, claim, parsed.data.message, String(values.key || randomUUID()));
		} catch (e) {
			if (e instanceof ClaimError) return fail(400, { replyErrors: { [field]: e.message }, values });
			throw e;
		}
		redirect(303, '/my/claims?replied');
	}
};
