// The rules of a claim, the same in the browser, on the server and (tested against it) in the
// database: fees from a rate and a length of time, mileage from miles and a vehicle's rate, when a
// receipt is needed, and the claim window. Plus the forms: a line, bank details, a fee limit.
// Money is whole pence; miles are read as hundredths so no sum goes through floating point.
import * as v from 'valibot';
import { PAID_CATEGORIES, VEHICLES, type ClaimCategory, type FeeBasis } from '$lib/payments';
import { m } from '$lib/paraglide/messages';

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
	const match = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*$/.exec(input);
	if (!match) return null;
	const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return hundredths > 0 && hundredths <= 200_000 ? hundredths : null;
}

/** Mileage for one line: miles × pence a mile, rounded half up to the penny. */
export function mileagePence(milesHundredths: number, pencePerMile: number): number {
	return Math.floor((milesHundredths * pencePerMile + 50) / 100);
}

/** Pounds and pence typed by a person ("12", "12.5", "£12.50", "1,200") as pence, or null. */
export function poundsToPence(input: string): number | null {
	const match = /^\s*£?\s*(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(input);
	if (!match) return null;
	return Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
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
// Members fill these in: each message is a function, so it reads in the member's language.

const enter = (message: () => string, max: number, tooLong: (i: { max: number }) => string) =>
	v.pipe(
		v.string(message),
		v.trim(),
		v.nonEmpty(message),
		v.maxLength(max, () => tooLong({ max }))
	);

const optionalWords = (max: number, tooLong: (i: { max: number }) => string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, () => tooLong({ max })),
		v.transform((s) => (s === '' ? null : s))
	);

const amount = v.pipe(
	v.string(() => m.claimerr_amount()),
	v.trim(),
	v.nonEmpty(() => m.claimerr_amount_format()),
	v.transform(poundsToPence),
	v.number(() => m.claimerr_amount_format()),
	v.minValue(1, () => m.claimerr_amount_zero()),
	v.maxValue(1_000_000, () => m.claimerr_amount_max())
);

/** A cost the member paid: what it was for, how much, and for a taxi whether it was agreed. */
export const paidLineSchema = v.object({
	category: v.picklist(PAID_CATEGORIES, () => m.claimerr_category()),
	description: optionalWords(300, m.claimerr_description_long),
	amount,
	taxi_agreed_adjustment: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'yes')
	)
});

export const mileageLineSchema = v.object({
	miles: v.pipe(
		v.string(() => m.claimerr_miles()),
		v.trim(),
		v.nonEmpty(() => m.claimerr_miles()),
		v.transform(milesInHundredths),
		v.number(() => m.claimerr_miles_format()),
		v.maxValue(200_000, () => m.claimerr_miles_max())
	),
	vehicle: v.picklist(VEHICLES, () => m.claimerr_vehicle()),
	description: optionalWords(300, m.claimerr_journey_long)
});

/** A fee for time spent (when the claim is not for a meeting): hours and minutes. */
export const feeTimeSchema = v.pipe(
	v.object({
		hours: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.regex(/^\d{0,2}$/, () => m.claimerr_hours()),
			v.transform((s) => (s === '' ? 0 : Number(s)))
		),
		minutes: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.regex(/^\d{0,2}$/, () => m.claimerr_minutes()),
			v.transform((s) => (s === '' ? 0 : Number(s))),
			v.maxValue(59, () => m.claimerr_minutes_max())
		)
	}),
	v.transform((t) => t.hours * 60 + t.minutes),
	v.check(
		(n) => n > 0,
		() => m.claimerr_time()
	),
	v.check(
		(n) => n <= 1440,
		() => m.claimerr_time_max()
	)
);

export const bankDetailsSchema = v.object({
	account_name: enter(() => m.claimerr_account_name(), 70, m.claimerr_account_name_long),
	sort_code: v.pipe(
		v.string(() => m.claimerr_sort_code()),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty(() => m.claimerr_sort_code()),
		v.regex(/^\d{6}$/, () => m.claimerr_sort_code_format())
	),
	account_number: v.pipe(
		v.string(() => m.claimerr_account_number()),
		v.transform((s) => s.replace(/\s/g, '')),
		v.nonEmpty(() => m.claimerr_account_number()),
		v.regex(/^\d{8}$/, () => m.claimerr_account_number_format())
	)
});

export const codeSchema = v.object({
	code: v.pipe(
		v.string(() => m.claimerr_code()),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty(() => m.claimerr_code()),
		v.regex(/^\d{6}$/, () => m.claimerr_code_format())
	)
});

/** The member's own yearly limit on fees: pounds, or empty for none. */
export const feeLimitSchema = v.object({
	limit: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => (s === '' ? null : (poundsToPence(s) ?? Number.NaN))),
		v.check(
			(p) => p === null || Number.isInteger(p),
			() => m.claimerr_limit()
		),
		v.check(
			(p) => p === null || p <= 10_000_000,
			() => m.claimerr_limit_max()
		)
	)
});

export const replySchema = v.object({
	message: enter(() => m.claimerr_reply(), 2000, m.claimerr_reply_long)
});
