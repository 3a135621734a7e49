// Words the staff claims and payment-run pages share between server and browser. Categories,
// vehicles, money and the tax year are the members' own, from $lib/payments.
import type { ClaimStatus, PaymentMethod } from './payments';

export {
	CATEGORY_LABELS,
	VEHICLE_LABELS,
	formatPence as pounds,
	taxYearOf,
	taxYearLabel,
	type ClaimCategory,
	type ClaimStatus,
	type PaymentMethod,
	type Vehicle
} from './payments';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
	draft: 'Not sent yet',
	submitted: 'Waiting for approval',
	query: 'Question for the member',
	approved: 'Approved',
	rejected: 'Rejected',
	in_payment_run: 'In a payment run',
	paid: 'Paid'
};

/** What the queue can be filtered to, in the order staff think of them. */
export const QUEUE_STATUSES = {
	submitted: 'Waiting for approval',
	query: 'Question for the member',
	approved: 'Approved',
	in_payment_run: 'In a payment run',
	rejected: 'Rejected',
	paid: 'Paid'
} as const;
export type QueueStatus = keyof typeof QUEUE_STATUSES;

/** The tag colour for each status (the opportunity tags' colours). */
export const CLAIM_STATUS_TAG: Record<ClaimStatus, string> = {
	draft: 'draft',
	submitted: 'soon',
	query: 'soon',
	approved: 'published',
	rejected: 'draft',
	in_payment_run: 'published',
	paid: 'published'
};

/** How staff and finance name the ways of being paid (members see METHOD_LABELS in $lib/payments). */
export const METHOD_LABELS: Record<PaymentMethod, string> = {
	bank: 'Bank transfer',
	vouchers: 'Vouchers',
	no_fee: 'No fee (expenses only)'
};

export const RUN_STATUS_LABELS = {
	open: 'Made, not exported',
	exported: 'Exported, not paid',
	paid: 'Paid'
} as const;
