// Words and sums the staff claims and payment-run pages share between server and browser.

export const CLAIM_STATUS_LABELS = {
	draft: 'Not sent yet',
	submitted: 'Waiting for approval',
	query: 'Question for the member',
	approved: 'Approved',
	rejected: 'Rejected',
	in_payment_run: 'In a payment run',
	paid: 'Paid'
} as const;
export type ClaimStatus = keyof typeof CLAIM_STATUS_LABELS;

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

export const CATEGORY_LABELS = {
	fee: 'Involvement fee',
	mileage: 'Mileage',
	public_transport: 'Public transport',
	taxi: 'Taxi',
	food: 'Food and drink',
	carer: 'Personal assistant or carer',
	overnight: 'Overnight stay',
	other: 'Other'
} as const;
export type ClaimCategory = keyof typeof CATEGORY_LABELS;

export const METHOD_LABELS = {
	bank: 'Bank transfer',
	vouchers: 'Vouchers',
	no_fee: 'No fee (expenses only)'
} as const;
export type PaymentMethod = keyof typeof METHOD_LABELS;

export const VEHICLE_LABELS = { car: 'Car or van', motorcycle: 'Motorcycle', bicycle: 'Bicycle' } as const;
export type Vehicle = keyof typeof VEHICLE_LABELS;

export const RUN_STATUS_LABELS = {
	open: 'Made, not exported',
	exported: 'Exported, not paid',
	paid: 'Paid'
} as const;

/** Whole pence as pounds and pence: 15000 → "£150.00", -5 → "−£0.05". */
export function pounds(pence: number): string {
	const sign = pence < 0 ? '−' : '';
	const abs = Math.abs(Math.trunc(pence));
	const whole = Math.floor(abs / 100).toLocaleString('en-GB');
	return `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The tax year (6 April to 5 April) a day falls in, named by the year it starts. */
export function taxYearOf(day: Date): number {
	const y = day.getUTCFullYear();
	const startsThisYear = day.getUTCMonth() > 3 || (day.getUTCMonth() === 3 && day.getUTCDate() >= 6);
	return startsThisYear ? y : y - 1;
}

export function taxYearLabel(year: number): string {
	return `6 April ${year} to 5 April ${year + 1}`;
}
