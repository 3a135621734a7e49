import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
	CLAIM_ERRORS,
	claimErrorKey,
	claimReference,
	formatPence,
	taxYearOf,
	taxYearLabel
} from '$lib/payments';
import {
	bankDetailsSchema,
	claimWindow,
	feeLimitSchema,
	feePence,
	feeTimeSchema,
	mileageLineSchema,
	mileagePence,
	milesInHundredths,
	paidLineSchema,
	passesFeeLimit,
	poundsToPence,
	receiptNeeded,
	receiptReason,
	type ReceiptRule
} from '$lib/validation/claim';

const MEETING = { basis: 'meeting', pence: 15000, short_pence: 7500, long_from_minutes: 240 } as const;

describe('fees', () => {
	it('pays £150 for a meeting of 4 hours or more and £75 for a shorter one', () => {
		expect(feePence(MEETING, 240)).toBe(15000);
		expect(feePence(MEETING, 300)).toBe(15000);
		expect(feePence(MEETING, 239)).toBe(7500);
		expect(feePence(MEETING, 150)).toBe(7500);
	});
	it('pays by the hour to the minute, rounded half up; by started half days and days', () => {
		const hour = { basis: 'hour', pence: 2000, short_pence: null, long_from_minutes: null } as const;
		expect(feePence(hour, 90)).toBe(3000);
		expect(feePence({ ...hour, pence: 1999 }, 1)).toBe(33); // 33.316…
		expect(feePence({ ...hour, pence: 30 }, 1)).toBe(1); // 0.5 → 1
		expect(feePence({ ...hour, pence: 90 }, 1)).toBe(2); // 1.5 → 2
		const half = { basis: 'half_day', pence: 7500, short_pence: null, long_from_minutes: null } as const;
		expect(feePence(half, 240)).toBe(7500);
		expect(feePence(half, 241)).toBe(15000);
		const day = { basis: 'day', pence: 15000, short_pence: null, long_from_minutes: null } as const;
		expect(feePence(day, 480)).toBe(15000);
		expect(feePence(day, 481)).toBe(30000);
	});
	it('has no fee without a length of time', () => {
		expect(feePence(MEETING, null)).toBeNull();
		expect(feePence(MEETING, 0)).toBeNull();
	});
});

describe('mileage', () => {
	it('reads miles as hundredths', () => {
		expect(milesInHundredths('12')).toBe(1200);
		expect(milesInHundredths('12.5')).toBe(1250);
		expect(milesInHundredths(' 0.25 ')).toBe(25);
		expect(milesInHundredths('0')).toBeNull();
		expect(milesInHundredths('12.345')).toBeNull();
		expect(milesInHundredths('-3')).toBeNull();
		expect(milesInHundredths('ten')).toBeNull();
		expect(milesInHundredths('2001')).toBeNull();
	});
	it('multiplies by the rate and rounds half up to the penny, per line', () => {
		expect(mileagePence(1010, 45)).toBe(455); // 454.5
		expect(mileagePence(1250, 45)).toBe(563); // 562.5
		expect(mileagePence(1225, 45)).toBe(551); // 551.25
		expect(mileagePence(255, 20)).toBe(51);
		expect(mileagePence(125, 24)).toBe(30);
		expect(mileagePence(3150, 45)).toBe(1418); // 1417.5
	});
});

describe('money', () => {
	it('reads pounds and pence as typed', () => {
		expect(poundsToPence('12')).toBe(1200);
		expect(poundsToPence('12.5')).toBe(1250);
		expect(poundsToPence('£12.05')).toBe(1205);
		expect(poundsToPence('1,200.00')).toBe(120000);
		expect(poundsToPence('12.345')).toBeNull();
		expect(poundsToPence('twelve')).toBeNull();
		expect(poundsToPence('')).toBeNull();
	});
	it('shows pence as pounds', () => {
		expect(formatPence(0)).toBe('£0.00');
		expect(formatPence(5)).toBe('£0.05');
		expect(formatPence(1250)).toBe('£12.50');
		expect(formatPence(123456)).toBe('£1,234.56');
		expect(formatPence(15000, { short: true })).toBe('£150');
		expect(formatPence(1250, { short: true })).toBe('£12.50');
	});
	it('knows the tax year runs 6 April to 5 April', () => {
		expect(taxYearOf('2026-04-05')).toBe(2025);
		expect(taxYearOf('2026-04-06')).toBe(2026);
		expect(taxYearOf('2027-01-31')).toBe(2026);
		expect(taxYearLabel(2026)).toBe('6 April 2026 to 5 April 2027');
	});
	it('names claims and turns error keys into words', () => {
		expect(claimReference(12)).toBe('CL-00012');
		expect(claimErrorKey('receipt_missing')).toBe('receipt_missing');
		expect(claimErrorKey('something else')).toBeNull();
		expect(CLAIM_ERRORS.too_late).toMatch(/too late/);
	});
});

describe('receipts and the claim window', () => {
	const rules: ReceiptRule[] = [
		{ category: 'taxi', always: true, above_pence: null },
		{ category: 'food', always: false, above_pence: 1000 },
		{ category: 'mileage', always: false, above_pence: null }
	];
	it('needs a receipt always, or above the amount, or never', () => {
		expect(receiptNeeded(rules, 'taxi', 1)).toBe(true);
		expect(receiptNeeded(rules, 'food', 1000)).toBe(false);
		expect(receiptNeeded(rules, 'food', 1001)).toBe(true);
		expect(receiptNeeded(rules, 'mileage', 99999)).toBe(false);
		expect(receiptNeeded(rules, 'other', 99999)).toBe(false);
		expect(receiptReason(rules, 'food')).toBe('Costs like this over £10 need a receipt.');
		expect(receiptReason(rules, 'taxi')).toBe('This kind of cost always needs a receipt.');
	});
	it('opens the day of the activity and closes after the window', () => {
		expect(claimWindow('2026-11-27', '2026-11-26', 90)).toEqual({ state: 'not_yet' });
		expect(claimWindow('2026-11-26', '2026-11-26', 90)).toEqual({
			state: 'open',
			daysLeft: 90,
			lastDay: '2027-02-24'
		});
		expect(claimWindow('2026-08-28', '2026-11-26', 90)).toMatchObject({ state: 'open', daysLeft: 0 });
		expect(claimWindow('2026-08-27', '2026-11-26', 90)).toEqual({ state: 'too_late' });
	});
	it('warns only when this claim’s fee would pass the member’s limit', () => {
		expect(passesFeeLimit(null, 90000, 15000)).toBe(false);
		expect(passesFeeLimit(100000, 85000, 15000)).toBe(false);
		expect(passesFeeLimit(100000, 85001, 15000)).toBe(true);
		expect(passesFeeLimit(100000, 200000, 0)).toBe(false);
	});
});

describe('claim forms', () => {
	it('checks a cost', () => {
		const ok = v.safeParse(paidLineSchema, {
			category: 'taxi',
			description: ' Station to venue ',
			amount: '18.50',
			taxi_agreed_adjustment: 'yes'
		});
		expect(ok.output).toEqual({
			category: 'taxi',
			description: 'Station to venue',
			amount: 1850,
			taxi_agreed_adjustment: true
		});
		const bad = v.safeParse(
			paidLineSchema,
			{ category: 'food', description: '', amount: '12.345' },
			{
				abortPipeEarly: true
			}
		);
		expect(bad.issues?.[0]?.message).toBe('Enter the amount in pounds and pence, like 12.50');
		const none = v.safeParse(paidLineSchema, { category: 'food', amount: '0' }, { abortPipeEarly: true });
		expect(none.issues?.[0]?.message).toBe('The amount must be more than £0');
	});
	it('checks mileage and time', () => {
		expect(v.safeParse(mileageLineSchema, { miles: '10.1', vehicle: 'car', description: '' }).output).toEqual(
			{
				miles: 1010,
				vehicle: 'car',
				description: null
			}
		);
		expect(v.safeParse(mileageLineSchema, { miles: 'far', vehicle: 'car' }).success).toBe(false);
		expect(v.safeParse(feeTimeSchema, { hours: '2', minutes: '30' }).output).toBe(150);
		expect(v.safeParse(feeTimeSchema, { hours: '', minutes: '' }).success).toBe(false);
	});
	it('checks bank details and the fee limit', () => {
		expect(
			v.safeParse(bankDetailsSchema, {
				account_name: 'A Person',
				sort_code: '30-94-05',
				account_number: '0073 3445'
			}).output
		).toEqual({ account_name: 'A Person', sort_code: '309405', account_number: '00733445' });
		expect(
			v.safeParse(bankDetailsSchema, { account_name: 'A', sort_code: '3094', account_number: '1' }).success
		).toBe(false);
		expect(v.safeParse(feeLimitSchema, { limit: '' }).output).toEqual({ limit: null });
		expect(v.safeParse(feeLimitSchema, { limit: '1,000' }).output).toEqual({ limit: 100000 });
		expect(v.safeParse(feeLimitSchema, { limit: 'lots' }).success).toBe(false);
	});
});
