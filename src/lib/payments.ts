// Payments in members' words: claim statuses, line categories, ways of being paid, money in pounds
// and pence, and the tax year. Shared by the member pages and the staff and finance pages.
// Money is always whole pence (integers); these only turn it into words.

export const CLAIM_STATUSES = [
	'draft',
	'submitted',
	'query',
	'approved',
	'rejected',
	'in_payment_run',
	'paid'
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_CATEGORIES = [
	'fee',
	'mileage',
	'public_transport',
	'taxi',
	'food',
	'carer',
	'overnight',
	'other'
] as const;
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

/** Categories a member adds with an amount they paid (not worked out from a rate). */
export const PAID_CATEGORIES = ['public_transport', 'taxi', 'food', 'carer', 'overnight', 'other'] as const;

export const PAYMENT_METHODS = ['bank', 'vouchers', 'no_fee'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const VEHICLES = ['car', 'motorcycle', 'bicycle'] as const;
export type Vehicle = (typeof VEHICLES)[number];

export const FEE_BASES = ['hour', 'half_day', 'day', 'meeting'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];

/** What a member sees for each status. */
export const STATUS_LABELS: Record<ClaimStatus, string> = {
	draft: 'Not sent yet',
	submitted: 'Sent',
	query: 'We have a question',
	approved: 'Approved',
	rejected: 'Not approved',
	in_payment_run: 'Being paid',
	paid: 'Paid'
};

/** The StatusTag colour for each status. */
export const STATUS_TONES: Record<ClaimStatus, 'grey' | 'blue' | 'yellow' | 'green' | 'red'> = {
	draft: 'grey',
	submitted: 'blue',
	query: 'yellow',
	approved: 'green',
	rejected: 'red',
	in_payment_run: 'green',
	paid: 'green'
};

export const CATEGORY_LABELS: Record<ClaimCategory, string> = {
	fee: 'Involvement fee',
	mileage: 'Mileage',
	public_transport: 'Bus, train or tram fares',
	taxi: 'Taxi',
	food: 'Food and drink',
	carer: 'Personal assistant or carer',
	overnight: 'Overnight stay',
	other: 'Something else'
};

/** A line of hint text for each category, for the "add a cost" choices. */
export const CATEGORY_HINTS: Record<ClaimCategory, string> = {
	fee: 'Payment for your time, worked out from the rate for this activity',
	mileage: 'Driving or riding your own car, motorbike or bicycle',
	public_transport: 'Tickets for buses, trains, trams or the underground',
	taxi: 'Taxis and private hire cars',
	food: 'Meals and drinks while you were taking part or travelling',
	carer: 'A personal assistant, support worker or carer who came with you, or cover at home',
	overnight: 'A hotel or other place to stay',
	other: 'Any other cost of taking part'
};

export const METHOD_LABELS: Record<PaymentMethod, string> = {
	bank: 'Paid into my bank account',
	vouchers: 'Paid in shopping vouchers',
	no_fee: 'No fee: pay my expenses only'
};

export const METHOD_HINTS: Record<PaymentMethod, string> = {
	bank: 'We pay the fee and your expenses into your bank account',
	vouchers: 'We send the fee and your expenses as shopping vouchers',
	no_fee:
		'You do not take a fee. We pay back what you spent into your bank, or as vouchers if you have no bank details with us'
};

export const VEHICLE_LABELS: Record<Vehicle, string> = {
	car: 'Car or van',
	motorcycle: 'Motorbike',
	bicycle: 'Bicycle'
};

/** £12.34 from 1234; "£150" for whole pounds when `short` is set. */
export function formatPence(pence: number, { short = false } = {}): string {
	const sign = pence < 0 ? '−' : '';
	const abs = Math.abs(Math.trunc(pence));
	const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
	const rest = abs % 100;
	if (short && rest === 0) return `${sign}£${pounds}`;
	return `${sign}£${pounds}.${String(rest).padStart(2, '0')}`;
}

/** The tax year (6 April to 5 April) a day falls in, named by the year it starts. */
export function taxYearOf(day: Date | string): number {
	const d = typeof day === 'string' ? new Date(`${day.slice(0, 10)}T12:00:00Z`) : day;
	const year = d.getUTCFullYear();
	const month = d.getUTCMonth() + 1;
	const date = d.getUTCDate();
	return month > 4 || (month === 4 && date >= 6) ? year : year - 1;
}

/** "6 April 2026 to 5 April 2027". */
export function taxYearLabel(year: number): string {
	return `6 April ${year} to 5 April ${year + 1}`;
}

/** "2026 to 2027". */
export function taxYearShort(year: number): string {
	return `${year} to ${year + 1}`;
}

/** The plain words for each error key the payment functions raise. */
export const CLAIM_ERRORS: Record<string, string> = {
	not_allowed: 'You cannot do that.',
	key_reused:
		'This form was already sent with other details. Open the page again to start afresh: nothing has been sent twice.',
	not_found: 'We could not find that claim. It may have been removed.',
	wrong_status: 'This claim has moved on since you opened it. Look at it again to see where it is now.',
	not_yet: 'You can claim once the activity has happened.',
	too_late:
		'It is too late to claim for this activity. Claims must be made within the claim window after it. Contact the team if you need help.',
	no_lines: 'Add at least one payment or cost before you send the claim.',
	receipt_missing:
		'A cost that needs a receipt has none. Add a photo or file of the receipt, or remove the cost.',
	fee_no_rate:
		'This activity has no involvement fee, so you cannot claim one. You can still claim your expenses.',
	fee_needs_time: 'Tell us how long you spent, so we can work out your fee.',
	fee_twice: 'The fee is already on this claim.',
	fee_already_claimed:
		'You have already claimed the fee for this meeting on another claim. Remove the fee from this claim.',
	fee_with_no_fee:
		'You chose no fee, but this claim has a fee on it. Remove the fee, or choose another way to be paid.',
	method_not_offered: 'Choose how you want to be paid.',
	bank_details_missing: 'Add your bank details before you choose to be paid into your bank account.',
	message_needed: 'Write a message.',
	nothing_to_pay: 'There are no approved claims to pay.',
	invalid_bank_details: 'Check the account name, sort code and account number.',
	too_many_codes: 'You have asked for too many codes. Wait an hour and try again.',
	invalid_line: 'Check the details of this cost.'
};

/** The error key in a database error message, if it is one of ours. */
export function claimErrorKey(message: string | undefined | null): string | null {
	return message && Object.hasOwn(CLAIM_ERRORS, message) ? message : null;
}

/** "CL-00012" is how the database names claim 12; shown to members as their reference. */
export function claimReference(id: number): string {
	return `CL-${String(id).padStart(5, '0')}`;
}

const longDay = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const shortDay = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

/** "12 November 2026" (or with the weekday when `long`), for a date or a time. */
export function formatDay(value: string, long = false): string {
	const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
	return (long ? longDay : shortDay).format(date);
}

/** What a claim is for, in a line: "Steering group meeting on 7 November 2026". */
export function claimFor(claim: {
	activity_on: string;
	meeting: { title: string } | null;
	opportunity: { title: string } | null;
}): string {
	const what = claim.meeting?.title ?? claim.opportunity?.title ?? 'An activity';
	return `${what} on ${formatDay(claim.activity_on)}`;
}

/** "2 hours 30 minutes" from 150. */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	const parts = [];
	if (h) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
	if (m) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
	return parts.join(' ') || '0 minutes';
}
