// Staff and finance forms for claims and payment runs. Shared by the server and the browser.
import * as v from 'valibot';
import { METHOD_LABELS } from '$lib/payments-staff';
import { capitalise, list } from './form';

export const DECISIONS = {
	approved: 'Approve it',
	query: 'Ask the member a question',
	rejected: 'Reject it'
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const requestKey = v.pipe(
	v.string('Refresh the page and try again'),
	v.regex(UUID, 'Refresh the page and try again')
);

export const decisionSchema = v.pipe(
	v.object({
		decision: v.optional(
			v.picklist(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[], 'Choose what to do with this claim'),
			'' as keyof typeof DECISIONS
		),
		message: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(2000, 'The message must be 2000 characters or fewer'),
			v.transform((s) => (s === '' ? null : s))
		),
		request_key: requestKey
	}),
	v.forward(
		v.check(
			(d) => d.decision === 'approved' || d.message !== null,
			'Write a message to the member: your question, or why the claim is rejected'
		),
		['message']
	)
);

export const runSchema = v.object({
	method: v.optional(
		v.picklist(['bank', 'vouchers', 'no_fee'] as const, 'Choose which claims to put in the run'),
		'' as 'bank'
	),
	request_key: requestKey
});

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The paid date: a real day, not in the future (today is passed in, as YYYY-MM-DD in London). */
export const paidSchema = (today: string) =>
	v.object({
		paid_on: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('Enter the date the payments were made'),
			v.check(
				(s) =>
					ISO_DAY.test(s) &&
					!Number.isNaN(Date.parse(`${s}T12:00:00Z`)) &&
					new Date(`${s}T12:00:00Z`).toISOString().startsWith(s),
				'Enter a real date, like 2026-11-26'
			),
			v.check((s) => s <= today, 'The date paid must be today or in the past')
		),
		reference: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('Enter the payment reference from the bank or voucher supplier'),
			v.maxLength(100, 'The payment reference must be 100 characters or fewer')
		),
		request_key: requestKey
	});

// Settings -----------------------------------------------------------------------------------------

const MONEY = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$|^£?\s*\.(\d{1,2})$/;

/** Pounds and pence as typed ("£150", "150.00", "0.45", ".45", "1,250.50") to whole pence, or null. */
export function toPence(input: string): number | null {
	const m = input
		.trim()
		.replace(/,(?=\d{3}(\D|$))/g, '')
		.match(MONEY);
	if (!m) return null;
	if (m[3] !== undefined) return Number(m[3].padEnd(2, '0'));
	return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Whole pence as a plain figure for a form field: 15000 → "150.00". */
export function penceToField(pence: number | null | undefined): string {
	if (pence === null || pence === undefined) return '';
	return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** A required amount in pounds and pence, as pence, at most `max` pence. */
export const money = (label: string, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty(`Enter ${label}`),
		v.transform(toPence),
		v.number(`Enter ${label} in pounds and pence, like 45.00 or 0.45`),
		v.maxValue(max, `${capitalise(label)} must be ${penceToField(max)} pounds or less`)
	);

/** An optional amount in pounds and pence: empty is null. */
export const optionalMoney = (label: string, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check((s) => s === '' || toPence(s) !== null, `Enter ${label} in pounds and pence, like 10.00`),
		v.transform((s) => (s === '' ? null : toPence(s))),
		v.check((n) => n === null || n <= max, `${capitalise(label)} must be ${penceToField(max)} pounds or less`)
	);

export const FEE_BASES = {
	meeting: 'By meeting length (one amount for a long meeting, another for a short one)',
	hour: 'Per hour',
	half_day: 'Per half day (each started 4 hours)',
	day: 'Per day (each started 8 hours)'
} as const;
export type FeeBasis = keyof typeof FEE_BASES;

export const feeRateSchema = v.pipe(
	v.object({
		name: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('Enter a name for the rate, like “Meeting fee”'),
			v.minLength(3, 'The name must be 3 characters or more'),
			v.maxLength(120, 'The name must be 120 characters or fewer')
		),
		basis: v.optional(
			v.picklist(Object.keys(FEE_BASES) as FeeBasis[], 'Choose how the fee is worked out'),
			'' as FeeBasis
		),
		amount: money('the amount', 100000),
		short_amount: optionalMoney('the amount for a short meeting', 100000),
		long_from_hours: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.check(
				(s) => s === '' || /^\d{1,2}(\.\d{1,2})?$/.test(s),
				'Enter the hours as a number, like 4 or 3.5'
			),
			v.transform((s) => (s === '' ? null : Math.round(Number(s) * 60))),
			v.check((n) => n === null || (n >= 1 && n <= 1440), 'Enter between 0.5 and 24 hours')
		)
	}),
	v.forward(
		v.check(
			(r) => r.basis !== 'meeting' || r.short_amount !== null,
			'Enter the amount for a short meeting, like 75.00'
		),
		['short_amount']
	),
	v.forward(
		v.check(
			(r) => r.basis !== 'meeting' || r.long_from_hours !== null,
			'Enter how many hours make a long meeting, like 4'
		),
		['long_from_hours']
	)
);

export const mileageSchema = v.object({
	car: money('the rate for a car or van', 1000),
	motorcycle: money('the rate for a motorcycle', 1000),
	bicycle: money('the rate for a bicycle', 1000)
});

export const CATEGORIES = [
	'fee',
	'mileage',
	'public_transport',
	'taxi',
	'food',
	'carer',
	'overnight',
	'other'
] as const;

/** Receipt rules: for each category, "always" (a checkbox) or "above" an amount (optional). */
export const receiptRulesSchema = v.object(
	Object.fromEntries(
		CATEGORIES.flatMap((c) => [
			[
				`always_${c}`,
				v.pipe(
					v.optional(v.string(), ''),
					v.transform((s) => s === 'yes')
				)
			],
			[`above_${c}`, optionalMoney('the amount', 1000000)]
		])
	) as Record<string, v.GenericSchema<unknown, unknown>>
);

const wholeNumber = (label: string, min: number, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty(`Enter ${label}`),
		v.regex(/^\d{1,4}$/, `Enter ${label} as a whole number, like ${min === 1 ? 90 : min}`),
		v.transform(Number),
		v.minValue(min, `${capitalise(label)} must be ${min} or more`),
		v.maxValue(max, `${capitalise(label)} must be ${max} or fewer`)
	);

export const PAYMENT_METHODS = METHOD_LABELS;

export const claimSettingsSchema = v.object({
	window_days: wholeNumber('the number of days members have to claim', 1, 730),
	pay_within_days: wholeNumber('the number of days to pay within', 1, 120),
	methods: v.pipe(
		v.optional(v.unknown(), []),
		v.transform(list),
		v.array(
			v.picklist(
				Object.keys(PAYMENT_METHODS) as (keyof typeof PAYMENT_METHODS)[],
				'Choose the ways members can be paid'
			)
		),
		v.minLength(1, 'Choose at least one way members can be paid')
	)
});

export const opportunityRateSchema = v.object({
	opportunity: v.pipe(
		v.optional(v.string(), ''),
		v.nonEmpty('Choose an opportunity'),
		v.regex(/^\d{1,15}$/, 'Choose an opportunity'),
		v.transform(Number)
	),
	rate: v.pipe(
		v.optional(v.string(), ''),
		v.regex(/^(\d{1,15})?$/, 'Choose a fee rate, or no fee'),
		v.transform((s) => (s === '' ? null : Number(s)))
	)
});
