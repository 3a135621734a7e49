import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { formValues, parse, readForm } from '$lib/validation/form';
import { feeTimeSchema, mileageLineSchema, paidLineSchema, replySchema } from '$lib/validation/claim';
import {
	ClaimError,
	addCost,
	addFee,
	addMileage,
	attachReceipt,
	claimRules,
	discardDraft,
	lineByKey,
	removeLine,
	replyToQuery,
	storeReceipt
} from '$lib/server/claims';
import { m } from '$lib/paraglide/messages';
import { checkReceiptFile } from '$lib/server/uploads';
import { ownClaim } from './load.server';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES = ['fee', 'mileage', 'cost', 'receipt', 'removed', 'replied'] as const;

export const load: PageServerLoad = async (event) => {
	const detail = await ownClaim(event);
	const rules = await claimRules(event.locals.db);
	const notice = NOTICES.find((n) => event.url.searchParams.has(n)) ?? null;
	return { ...detail, rules, notice, replyKey: randomUUID(), costKey: randomUUID() };
};

/** The file in a form field, if one was chosen. */
function fileIn(form: FormData, name: string): File | null {
	const f = form.get(name);
	return f instanceof File && f.size > 0 ? f : null;
}

async function draft(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const detail = await ownClaim(event);
	if (detail.claim.status !== 'draft') redirect(303, `/my/claims/${detail.claim.id}`);
	return detail;
}

export const actions: Actions = {
	fee: async (event) => {
		const { claim } = await draft(event);
		const values = formValues(await readForm(event.request));
		let minutes: number | null = null;
		if (!claim.meeting_id) {
			const parsed = parse(feeTimeSchema, values, values);
			if (!parsed.ok) {
				const message = Object.values(parsed.errors)[0]!;
				return fail(400, { form: 'fee', errors: { hours: message }, values });
			}
			minutes = parsed.data;
		}
		try {
			await addFee(event.locals.db, claim.id, minutes);
		} catch (e) {
			if (e instanceof ClaimError) return fail(400, { form: 'fee', errors: { fee: e.message }, values });
			throw e;
		}
		redirect(303, `/my/claims/${claim.id}?fee#lines`);
	},

	mileage: async (event) => {
		const { claim } = await draft(event);
		const values = formValues(await readForm(event.request));
		const parsed = parse(mileageLineSchema, { ...values, description: values.journey }, values);
		if (!parsed.ok) {
			const { description, ...rest } = parsed.errors;
			return fail(400, {
				form: 'mileage',
				errors: description ? { ...rest, journey: description } : rest,
				values
			});
		}
		await addMileage(event.locals.db, claim.id, {
			milesHundredths: parsed.data.miles,
			vehicle: parsed.data.vehicle,
			description: parsed.data.description
		});
		redirect(303, `/my/claims/${claim.id}?mileage#lines`);
	},

	cost: async (event) => {
		const { claim } = await draft(event);
		const form = await readForm(event.request);
		const values = formValues(form);
		// Sent again from a phone's outbox, after the first one got through: nothing more to add.
		const key = UUID.test(String(values.key ?? '')) ? String(values.key) : null;
		if (key && (await lineByKey(event.locals.db, claim.id, key)))
			redirect(303, `/my/claims/${claim.id}?cost#lines`);
		const parsed = parse(paidLineSchema, values, values);
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		const file = fileIn(form, 'receipt');
		let receipt: { contentType: string; bytes: Uint8Array } | null = null;
		if (file) {
			const checked = await checkReceiptFile(file);
			if (checked.ok) receipt = checked;
			else errors.receipt = checked.error;
		}
		if (!parsed.ok || Object.keys(errors).length) {
			delete values.receipt;
			return fail(400, { form: 'cost', errors, values });
		}
		const receiptId = receipt
			? await storeReceipt(event.locals.db, event.locals.user!.id, receipt.contentType, receipt.bytes)
			: null;
		await addCost(event.locals.db, claim.id, {
			category: parsed.data.category,
			description: parsed.data.description,
			amount_pence: parsed.data.amount,
			taxi_agreed_adjustment: parsed.data.taxi_agreed_adjustment,
			receipt_id: receiptId,
			request_key: key
		});
		redirect(303, `/my/claims/${claim.id}?cost#lines`);
	},

	receipt: async (event) => {
		const { claim, lines } = await draft(event);
		const form = await readForm(event.request);
		const lineId = Number(form.get('line'));
		const line = lines.find((l) => l.id === lineId);
		const field = `receipt-${lineId}`;
		if (!line) redirect(303, `/my/claims/${claim.id}`);
		const file = fileIn(form, field);
		if (!file) return fail(400, { form: 'receipt', errors: { [field]: m.claim_err_receipt_missing() } });
		const checked = await checkReceiptFile(file);
		if (!checked.ok) return fail(400, { form: 'receipt', errors: { [field]: checked.error } });
		const id = await storeReceipt(event.locals.db, event.locals.user!.id, checked.contentType, checked.bytes);
		await attachReceipt(event.locals.db, line.id, id);
		redirect(303, `/my/claims/${claim.id}?receipt#lines`);
	},

	remove: async (event) => {
		const { claim, lines } = await draft(event);
		const lineId = Number((await readForm(event.request)).get('line'));
		if (lines.some((l) => l.id === lineId)) await removeLine(event.locals.db, lineId);
		redirect(303, `/my/claims/${claim.id}?removed#lines`);
	},

	discard: async (event) => {
		const { claim } = await draft(event);
		await discardDraft(event.locals.db, claim.id);
		redirect(303, '/my/claims?removed');
	},

	reply: async (event) => {
		const { claim } = await ownClaim(event);
		const values = formValues(await readForm(event.request));
		const parsed = parse(replySchema, values, values);
		if (!parsed.ok) return fail(400, { form: 'reply', errors: parsed.errors, values });
		try {
			// A key that is not one the page made (a tampered form) counts as none: the reply is sent once.
			const key = UUID.test(String(values.key ?? '')) ? String(values.key) : randomUUID();
			await replyToQuery(event.locals.db, claim.id, parsed.data.message, key);
		} catch (e) {
			if (e instanceof ClaimError)
				return fail(400, { form: 'reply', errors: { message: e.message }, values });
			throw e;
		}
		redirect(303, `/my/claims/${claim.id}?replied`);
	}
};
