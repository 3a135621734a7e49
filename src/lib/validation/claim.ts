// The rules of a claim, the same in the browser, on the server and (tested against it) in the
// database: fees from a rate and a length of time, mileage from miles and a vehicle's rate, when a
// receipt is needed, and the claim window. Plus the forms: a line, bank details, a fee limit.
// Money is whole pence; miles are read as hundredths so no sum goes through floating point.
import * as v from 'valibot';
import { PAID_CATEGORIES, VEHICLES, type ClaimCategory, type FeeBasis } from '$lib/payments';
import { optionalText, text } from './form';

export interface FeeRate {
	basis: FeeBasis;
	pence: number;
	short_pence: number | null;
	long_from_minutes: number | null;
}

/**
 * The fee for `minutes` at a rate (null without a length of time):
 * by the hour pro rata to the minute, rounded half up; by each started half day (4 hours) or day
 * (8 hours); by meeting: the full fee for a meeting of `long_from_minutes` or more, else the short one.
 */
export function feePence(rate: FeeRate, minutes: number | null): number | null {
	if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) return null;
	switch (rate.basis) {
		case 'hour':
			// (pence × minutes) / 60, half up: integers all the way.
			return Math.floor((rate.pence * minutes * 2 + 60) / 120);
		case 'half_day':
			return rate.pence * Math.ceil(minutes / 240);
		case 'day':
			return rate.pence * Math.ceil(minutes / 480);
		case 'meeting':
			return minutes >= (rate.long_from_minutes ?? 0) ? rate.pence : (rate.short_pence ?? rate.pence);
	}
}

/** Minutes between two times, as the database counts a meeting's length. */
export function minutesBetween(startsAt: string | Date, endsAt: string | Date): number {
	return Math.round((new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 60_000);
}

/** Miles as whole hundredths ("12.5" → 1250), or null if it is not a distance we accept. */
export function milesInHundredths(input: string): number | null {
	const m = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*$/.exec(input);
	if (!m) return null;
	const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
	return hundredths > 0 && hundredths <= 200_000 ? hundredths : null;
}

/** Mileage for one line: miles × pence a mile, rounded half up to the penny. */
export function mileagePence(milesHundredths: number, pencePerMile: number): number {
	return Math.floor((milesHundredths * pencePerMile + 50) / 100);
}

/** Pounds and pence typed by a person ("12", "12.5", "£12.50", "1,200") as pence, or null. */
export function poundsToPence(input: string): number | null {
	const m = /^\s*£?\s*(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(input);
	if (!m) return null;
	return Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** "12.50" from 1250, for putting an amount back in a field. */
export function penceToPounds(pence: number): string {
	return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

export interface ReceiptRule {
	category: ClaimCategory;
	always: boolean;
	above_pence: number | null;
}

/** Whether a line of this category and amount needs a receipt under the rules. */
export function receiptNeeded(rules: ReceiptRule[], category: ClaimCategory, amountPence: number): boolean {
	const rule = rules.find((r) => r.category === category);
	if (!rule) return false;
	return rule.always || (rule.above_pence !== null && amountPence > rule.above_pence);
}

/** The plain reason a line needs a receipt. */
export function receiptReason(rules: ReceiptRule[], category: ClaimCategory): string {
	const rule = rules.find((r) => r.category === category);
	if (rule?.always) return 'This kind of cost always needs a receipt.';
	if (rule?.above_pence != null)
		return `Costs like this over ${formatPounds(rule.above_pence)} need a receipt.`;
	return 'This cost needs a receipt.';
}

const formatPounds = (pence: number) =>
	pence % 100 === 0
		? `£${pence / 100}`
		: `£${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;

/** Days from one calendar day to another (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
	return Math.round(
		(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000
	);
}

/** Where a day stands against the claim window: too early, open (with days left), or too late. */
export function claimWindow(
	activityOn: string,
	today: string,
	windowDays: number
): { state: 'not_yet' } | { state: 'open'; daysLeft: number; lastDay: string } | { state: 'too_late' } {
	const since = daysBetween(activityOn, today);
	if (since < 0) return { state: 'not_yet' };
	if (since > windowDays) return { state: 'too_late' };
	const last = new Date(Date.parse(`${activityOn.slice(0, 10)}T00:00:00Z`) + windowDays * 86_400_000);
	return { state: 'open', daysLeft: windowDays - since, lastDay: last.toISOString().slice(0, 10) };
}

/** Today's date in the UK ("YYYY-MM-DD"), as the database reckons it. */
export function ukToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** Would fees of `claimFee` on top of `feesSoFar` pass the member's yearly limit? */
export function passesFeeLimit(limitPence: number | null, feesSoFar: number, claimFee: number): boolean {
	return limitPence !== null && claimFee > 0 && feesSoFar + claimFee > limitPence;
}

// Forms ---------------------------------------------------------------------------------------------

const pounds = (label: string) =>
	v.pipe(
		v.string(`Enter ${label}`),
		v.trim(),
		v.nonEmpty(`Enter ${label} in pounds and pence, like 12.50`),
		v.transform(poundsToPence),
		v.number(`Enter ${label} in pounds and pence, like 12.50`),
		v.minValue(1, `${label[0]!.toUpperCase()}${label.slice(1)} must be more than £0`),
		v.maxValue(1_000_000, `${label[0]!.toUpperCase()}${label.slice(1)} must be £10,000 or less`)
	);

/** A cost the member paid: what it was for, how much, and for a taxi whether it was agreed. */
export const paidLineSchema = v.object({
	category: v.picklist(PAID_CATEGORIES, 'Choose what the cost was for'),
	description: optionalText('what it was for', { max: 300 }),
	amount: pounds('the amount'),
	taxi_agreed_adjustment: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'yes')
	)
});

export const mileageLineSchema = v.object({
	miles: v.pipe(
		v.string('Enter how many miles you travelled'),
		v.trim(),
		v.nonEmpty('Enter how many miles you travelled'),
		v.transform(milesInHundredths),
		v.number('Enter the miles as a number, like 12 or 12.5'),
		v.maxValue(200_000, 'Enter 2,000 miles or fewer')
	),
	vehicle: v.picklist(VEHICLES, 'Choose what you travelled in'),
	description: optionalText('the journey', { max: 300 })
});

/** A fee for time spent (when the claim is not for a meeting): hours and minutes. */
export const feeTimeSchema = v.pipe(
	v.object({
		hours: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.regex(/^\d{0,2}$/, 'Enter hours as a whole number, like 3'),
			v.transform((s) => (s === '' ? 0 : Number(s)))
		),
		minutes: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.regex(/^\d{0,2}$/, 'Enter minutes as a whole number, like 30'),
			v.transform((s) => (s === '' ? 0 : Number(s))),
			v.maxValue(59, 'Enter minutes from 0 to 59')
		)
	}),
	v.transform((t) => t.hours * 60 + t.minutes),
	v.check((m) => m > 0, 'Enter how long you spent'),
	v.check((m) => m <= 1440, 'Enter 24 hours or less')
);

export const bankDetailsSchema = v.object({
	account_name: text('the name on the account', { max: 70 }),
	sort_code: v.pipe(
		v.string('Enter the sort code'),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty('Enter the sort code'),
		v.regex(/^\d{6}$/, 'Enter a sort code of 6 numbers, like 30-94-05')
	),
	account_number: v.pipe(
		v.string('Enter the account number'),
		v.transform((s) => s.replace(/\s/g, '')),
		v.nonEmpty('Enter the account number'),
		v.regex(/^\d{8}$/, 'Enter an account number of 8 numbers, like 00733445')
	)
});

export const codeSchema = v.object({
	code: v.pipe(
		v.string('Enter the code from the email'),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty('Enter the code from the email'),
		v.regex(/^\d{6}$/, 'The code is 6 numbers, like 123 456')
	)
});

/** The member's own yearly limit on fees: pounds, or empty for none. */
export const feeLimitSchema = v.object({
	limit: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => (s === '' ? null : (poundsToPence(s) ?? Number.NaN))),
		v.check((p) => p === null || Number.isInteger(p), 'Enter the limit in pounds, like 1000'),
		v.check((p) => p === null || p <= 10_000_000, 'Enter a limit of £100,000 or less')
	)
});

export const replySchema = v.object({
	message: text('your reply', { max: 2000 })
});
