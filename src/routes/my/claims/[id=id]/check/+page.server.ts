import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { PAYMENT_METHODS, taxYearOf, type PaymentMethod } from '$lib/payments';
import { formValues, readForm } from '$lib/validation/form';
import { passesFeeLimit, receiptNeeded, ukToday } from '$lib/validation/claim';
import {
	ClaimError,
	claimRules,
	maskedBankDetails,
	myTotals,
	paymentPreferences,
	submitClaim,
	totalsFor
} from '$lib/server/claims';
import { m } from '$lib/paraglide/messages';
import { ownClaim } from '../load.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const detail = await ownClaim(event);
	if (detail.claim.status !== 'draft') redirect(303, `/my/claims/${detail.claim.id}`);
	const { locals } = event;
	const [rules, preferences, bank, totals] = await Promise.all([
		claimRules(locals.db),
		paymentPreferences(locals.db, locals.user!.id),
		maskedBankDetails(locals.db),
		myTotals(locals.db)
	]);
	const year = totalsFor(totals, taxYearOf(ukToday()));
	const feesSoFar = year.fees_paid_pence + year.fees_pending_pence;
	const missingReceipts = detail.lines.filter(
		(l) => !l.receipt_id && receiptNeeded(rules.receipts, l.category, l.amount_pence)
	);
	return {
		...detail,
		rules,
		methods: rules.settings.methods,
		defaultMethod: preferences.payment_method,
		limit: preferences.yearly_fee_limit_pence,
		feesSoFar,
		overLimit: passesFeeLimit(preferences.yearly_fee_limit_pence, feesSoFar, detail.claim.fees_pence),
		bank,
		missingReceipts: missingReceipts.map((l) => l.id),
		key: randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { claim } = await ownClaim(event);
		const values = formValues(await readForm(event.request));
		const errors: Record<string, string> = {};
		const method = String(values.method ?? '') as PaymentMethod;
		if (!PAYMENT_METHODS.includes(method)) errors.method = m.claimcheck_err_method();
		if (values.declaration !== 'yes') errors.declaration = m.claimcheck_err_declaration();
		if (Object.keys(errors).length) return fail(400, { errors, values });
		const key = /^[0-9a-f-]{36}$/.test(String(values.key)) ? String(values.key) : randomUUID();
		try {
			await submitClaim(event.locals.db, claim.id, method, key);
		} catch (e) {
			if (e instanceof ClaimError) {
				const field = ['method_not_offered', 'bank_details_missing', 'fee_with_no_fee'].includes(e.key)
					? 'method'
					: 'claim';
				return fail(400, { errors: { [field]: e.message }, values });
			}
			throw e;
		}
		redirect(303, `/my/claims/${claim.id}/sent`);
	}
};
