// Payment settings, changed by admins (Row Level Security allows only them): fee rates and which
// opportunities use them, mileage rates, receipt rules, the claim window and the ways of being paid.
// Money is whole pence here; the forms take pounds and pence.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ClaimCategory, PaymentMethod, Vehicle } from '$lib/payments-staff';
import type { FeeBasis } from '$lib/validation/payments-staff';
import { fail } from './db/fail';

export interface FeeRate {
	id: number;
	name: string;
	basis: FeeBasis;
	pence: number;
	short_pence: number | null;
	long_from_minutes: number | null;
	active: boolean;
}

export interface PaymentSettings {
	rates: FeeRate[];
	mileage: Record<Vehicle, number>;
	receipts: Record<ClaimCategory, { always: boolean; above_pence: number | null }>;
	claim: { window_days: number; pay_within_days: number; methods: PaymentMethod[] };
	opportunities: { id: number; title: string; fee_rate_id: number | null }[];
}

export async function loadPaymentSettings(db: SupabaseClient): Promise<PaymentSettings> {
	const [rates, mileage, receipts, claim, opportunities] = await Promise.all([
		db
			.from('fee_rates')
			.select('id, name, basis, pence, short_pence, long_from_minutes, active')
			.order('name'),
		db.from('mileage_rates').select('vehicle, pence_per_mile'),
		db.from('receipt_rules').select('category, always, above_pence'),
		db.from('claim_settings').select('window_days, pay_within_days, methods').single(),
		db
			.from('opportunities')
			.select('id, title, fee_rate_id')
			.in('status', ['published', 'closed', 'draft'])
			.order('title')
	]);
	for (const r of [rates, mileage, receipts, claim, opportunities])
		if (r.error) fail('Loading payment settings', r.error);
	return {
		rates: rates.data as FeeRate[],
		mileage: Object.fromEntries(
			(mileage.data as { vehicle: Vehicle; pence_per_mile: number }[]).map((m) => [
				m.vehicle,
				m.pence_per_mile
			])
		) as Record<Vehicle, number>,
		receipts: Object.fromEntries(
			(receipts.data as { category: ClaimCategory; always: boolean; above_pence: number | null }[]).map(
				(r) => [r.category, { always: r.always, above_pence: r.above_pence }]
			)
		) as PaymentSettings['receipts'],
		claim: claim.data as PaymentSettings['claim'],
		opportunities: opportunities.data as PaymentSettings['opportunities']
	};
}

function check(context: string, error: { message: string; code?: string } | null): string | null {
	if (!error) return null;
	if (error.code === '23505') return 'There is already a fee rate with that name. Choose another name.';
	if (error.code === '42501' || /row-level security|permission denied/.test(error.message))
		return 'Only admins can change payment settings.';
	fail(context, error);
}

export async function addFeeRate(
	db: SupabaseClient,
	r: {
		name: string;
		basis: FeeBasis;
		amount: number;
		short_amount: number | null;
		long_from_hours: number | null;
	}
): Promise<string | null> {
	const meeting = r.basis === 'meeting';
	const { error } = await db.from('fee_rates').insert({
		name: r.name,
		basis: r.basis,
		pence: r.amount,
		short_pence: meeting ? r.short_amount : null,
		long_from_minutes: meeting ? r.long_from_hours : null
	});
	return check('Adding a fee rate', error);
}

export async function setOpportunityRate(
	db: SupabaseClient,
	opportunity: number,
	rate: number | null
): Promise<string | null> {
	const { data, error } = await db
		.from('opportunities')
		.update({ fee_rate_id: rate })
		.eq('id', opportunity)
		.select('id');
	const problem = check('Choosing the fee rate', error);
	if (problem) return problem;
	return data && data.length === 1 ? null : 'We could not find that opportunity.';
}

export async function saveMileage(
	db: SupabaseClient,
	rates: Record<Vehicle, number>
): Promise<string | null> {
	const { error } = await db
		.from('mileage_rates')
		.upsert(Object.entries(rates).map(([vehicle, pence_per_mile]) => ({ vehicle, pence_per_mile })));
	return check('Saving mileage rates', error);
}

export async function saveReceiptRules(
	db: SupabaseClient,
	rules: Record<ClaimCategory, { always: boolean; above_pence: number | null }>
): Promise<string | null> {
	const { error } = await db.from('receipt_rules').upsert(
		Object.entries(rules).map(([category, r]) => ({
			category,
			always: r.always,
			above_pence: r.above_pence
		}))
	);
	return check('Saving receipt rules', error);
}

export async function saveClaimSettings(
	db: SupabaseClient,
	s: { window_days: number; pay_within_days: number; methods: PaymentMethod[] }
): Promise<string | null> {
	const { data, error } = await db.from('claim_settings').update(s).eq('id', true).select('id');
	const problem = check('Saving claim settings', error);
	if (problem) return problem;
	return data && data.length === 1 ? null : 'Only admins can change payment settings.';
}
