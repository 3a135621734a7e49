import { fail, redirect } from '@sveltejs/kit';
import { formValues, parse, readForm } from '$lib/validation/form';
import { bankDetailsSchema, codeSchema } from '$lib/validation/claim';
import { emailLanguage } from '$lib/server/mail/language';
import { ClaimError, confirmBankChange, maskedBankDetails, requestBankChange } from '$lib/server/claims';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const backOf = (value: unknown) => (/^[1-9]\d{0,14}$/.test(String(value ?? '')) ? String(value) : null);

export const load: PageServerLoad = async ({ locals, url }) => ({
	bank: await maskedBankDetails(locals.db),
	back: backOf(url.searchParams.get('back')),
	changed: url.searchParams.has('changed')
});

const who = (user: NonNullable<App.Locals['user']>) => ({
	email: user.email,
	name: user.preferredName ?? user.fullName,
	locale: emailLanguage(user.displaySettings)
});

export const actions: Actions = {
	request: async ({ locals, request }) => {
		const values = formValues(await readForm(request));
		const parsed = parse(bankDetailsSchema, values, values);
		const back = backOf(values.back);
		// Never send the account number back into the page.
		const safe = { account_name: values.account_name, back };
		if (!parsed.ok) return fail(400, { step: 'details' as const, errors: parsed.errors, values: safe });
		try {
			const requestId = await requestBankChange(locals.db, who(locals.user!), parsed.data);
			return { step: 'code' as const, requestId, back };
		} catch (e) {
			if (e instanceof ClaimError)
				return fail(400, { step: 'details' as const, errors: { account_name: e.message }, values: safe });
			throw e;
		}
	},
	confirm: async ({ locals, request }) => {
		const values = formValues(await readForm(request));
		const requestId = String(values.request ?? '');
		const back = backOf(values.back);
		const parsed = parse(codeSchema, values, values);
		if (!parsed.ok) return fail(400, { step: 'code' as const, requestId, back, errors: parsed.errors });
		const outcome = await confirmBankChange(locals.db, who(locals.user!), requestId, parsed.data.code);
		if (outcome === 'wrong')
			return fail(400, {
				step: 'code' as const,
				requestId,
				back,
				errors: { code: m.bank_err_code_wrong() }
			});
		if (outcome !== 'ok')
			return fail(400, {
				step: 'details' as const,
				errors: {
					account_name: outcome === 'too_many' ? m.bank_err_too_many() : m.bank_err_code_used()
				},
				values: { back }
			});
		redirect(303, `/my/claims/bank-details?changed${back ? `&back=${back}` : ''}`);
	}
};
