// Status names in the page's language, for the status tags (member pages are in the member's
// language; staff pages are always English, so these read as the English names there).
import type { AdjustmentStatus } from '$lib/adjustments';
import { m } from '$lib/paraglide/messages';
import { dateWords } from './opportunity-words';
import type { ClaimStatus, PaymentMethod } from '$lib/payments';

const CLAIM: Record<ClaimStatus, () => string> = {
	draft: m.status_claim_draft,
	submitted: m.status_claim_submitted,
	query: m.status_claim_query,
	approved: m.status_claim_approved,
	rejected: m.status_claim_rejected,
	in_payment_run: m.status_claim_in_payment_run,
	paid: m.status_claim_paid
};
const ADJUSTMENT: Record<AdjustmentStatus, () => string> = {
	requested: m.status_adj_requested,
	agreed: m.status_adj_agreed,
	partly_agreed: m.status_adj_partly_agreed,
	not_possible: m.status_adj_not_possible,
	arranged: m.status_adj_arranged,
	cancelled: m.status_adj_cancelled
};

export { applicationStatusWords } from './application-tag-words';
export { bookingStatusWords } from './booking-tag-words';
export const claimStatusWords = (s: ClaimStatus): string => CLAIM[s]();
export const adjustmentStatusWords = (s: AdjustmentStatus): string => ADJUSTMENT[s]();

/** As claimFor in $lib/payments, in the page's language: "Steering group meeting on 7 November 2026". */
export function claimForWords(claim: {
	activity_on: string;
	meeting: { title: string } | null;
	opportunity: { title: string } | null;
}): string {
	const what = claim.meeting?.title ?? claim.opportunity?.title ?? m.claim_an_activity();
	return m.claim_for({ what, date: dateWords(claim.activity_on) });
}

/** "2026 to 2027" for the tax year starting in 2026. */
export const taxYearWords = (year: number): string => m.claims_years({ from: year, to: year + 1 });

const METHOD: Record<PaymentMethod, () => string> = {
	bank: m.method_bank,
	vouchers: m.method_vouchers,
	no_fee: m.method_no_fee
};
/** How a claim is paid, as METHOD_LABELS in $lib/payments, in the page's language. */
export const methodWords = (method: PaymentMethod): string => METHOD[method]();
