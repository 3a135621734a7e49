// A claim's parts in the page's language: what a line is for, what a vehicle is, how long, why a
// receipt is needed. The English is as in $lib/payments and $lib/validation/claim.
import { m } from '$lib/paraglide/messages';
import type { ClaimCategory, PaymentMethod, Vehicle } from '$lib/payments';
import type { ReceiptRule } from '$lib/validation/claim';

const CATEGORY: Record<ClaimCategory, () => string> = {
	fee: m.claimcat_fee,
	mileage: m.claimcat_mileage,
	public_transport: m.claimcat_public_transport,
	taxi: m.claimcat_taxi,
	food: m.claimcat_food,
	carer: m.claimcat_carer,
	overnight: m.claimcat_overnight,
	other: m.claimcat_other
};
const CATEGORY_HINT: Record<ClaimCategory, () => string> = {
	fee: m.claimcat_fee_hint,
	mileage: m.claimcat_mileage_hint,
	public_transport: m.claimcat_public_transport_hint,
	taxi: m.claimcat_taxi_hint,
	food: m.claimcat_food_hint,
	carer: m.claimcat_carer_hint,
	overnight: m.claimcat_overnight_hint,
	other: m.claimcat_other_hint
};
const VEHICLE: Record<Vehicle, () => string> = {
	car: m.vehicle_car,
	motorcycle: m.vehicle_motorcycle,
	bicycle: m.vehicle_bicycle
};
const METHOD_HINT: Record<PaymentMethod, () => string> = {
	bank: m.method_bank_hint,
	vouchers: m.method_vouchers_hint,
	no_fee: m.method_no_fee_hint
};

export const categoryWords = (c: ClaimCategory): string => CATEGORY[c]();
export const categoryHintWords = (c: ClaimCategory): string => CATEGORY_HINT[c]();
export const vehicleWords = (v: Vehicle): string => VEHICLE[v]();
export const methodHintWords = (method: PaymentMethod): string => METHOD_HINT[method]();

/** "1 hour 30 minutes", as formatMinutes in $lib/payments. */
export function minutesWords(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const min = minutes % 60;
	const parts: string[] = [];
	if (h) parts.push(h === 1 ? m.claim_one_hour() : m.claim_hours({ count: h }));
	if (min) parts.push(min === 1 ? m.claim_one_minute() : m.claim_minutes({ count: min }));
	return parts.join(' ') || m.claim_minutes({ count: 0 });
}

/** The plain reason a line needs a receipt, as receiptReason in $lib/validation/claim. */
export function receiptReasonWords(
	rules: ReceiptRule[],
	category: ClaimCategory,
	amount: (pence: number) => string
): string {
	const rule = rules.find((r) => r.category === category);
	if (rule?.always) return m.claim_receipt_always();
	if (rule?.above_pence != null) return m.claim_receipt_above({ amount: amount(rule.above_pence) });
	return m.claim_receipt_needed();
}
