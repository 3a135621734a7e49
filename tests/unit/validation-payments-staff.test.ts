import { describe, expect, it } from 'vitest';
import { parse } from '$lib/validation/form';
import {
	claimSettingsSchema,
	decisionSchema,
	feeRateSchema,
	mileageSchema,
	paidSchema,
	penceToField,
	receiptRulesSchema,
	toPence
} from '$lib/validation/payments-staff';
import { pounds, taxYearOf } from '$lib/payments-staff';
import { amount, csvCell, runCsv } from '$lib/server/payment-runs';

const KEY = '4f6c2a9e-1b7d-4c3a-9e8f-0a1b2c3d4e5f';

function errorsOf(schema: Parameters<typeof parse>[0], input: Record<string, unknown>) {
	const r = parse(schema, input, {});
	if (r.ok) throw new Error(`Expected errors, got ${JSON.stringify(r.data)}`);
	return r.errors;
}

describe('money as typed', () => {
	it('reads pounds and pence into whole pence', () => {
		expect(toPence('150')).toBe(15000);
		expect(toPence('£150.00')).toBe(15000);
		expect(toPence('0.45')).toBe(45);
		expect(toPence('.45')).toBe(45);
		expect(toPence('1.5')).toBe(150);
		expect(toPence('1,250.50')).toBe(125050);
		expect(toPence(' £ 75 ')).toBe(7500);
	});
	it('refuses what is not an amount', () => {
		for (const bad of ['', 'abc', '1.234', '-5', '£', '12p', '1,25']) expect(toPence(bad)).toBeNull();
	});
	it('shows pence back as pounds', () => {
		expect(penceToField(45)).toBe('0.45');
		expect(penceToField(15000)).toBe('150.00');
		expect(pounds(123456)).toBe('£1,234.56');
		expect(pounds(5)).toBe('£0.05');
	});
});

describe('tax years', () => {
	it('run from 6 April to 5 April', () => {
		expect(taxYearOf(new Date('2026-04-05T12:00:00Z'))).toBe(2025);
		expect(taxYearOf(new Date('2026-04-06T12:00:00Z'))).toBe(2026);
		expect(taxYearOf(new Date('2027-01-10T12:00:00Z'))).toBe(2026);
	});
});

describe('decisions', () => {
	it('approves without a message', () => {
		expect(parse(decisionSchema, { decision: 'approved', message: ' ', request_key: KEY }, {})).toEqual({
			ok: true,
			data: { decision: 'approved', message: null, request_key: KEY }
		});
	});
	it('needs a message to ask a question or reject', () => {
		for (const decision of ['query', 'rejected'])
			expect(errorsOf(decisionSchema, { decision, message: '', request_key: KEY })).toEqual({
				message: 'Write a message to the member: your question, or why the claim is rejected'
			});
	});
	it('asks what to do when nothing is chosen', () => {
		expect(errorsOf(decisionSchema, { request_key: KEY }).decision).toBe('Choose what to do with this claim');
	});
});

describe('marking a run paid', () => {
	const schema = paidSchema('2026-11-26');
	it('takes a date up to today and a reference', () => {
		expect(parse(schema, { paid_on: '2026-11-26', reference: ' BACS 1 ', request_key: KEY }, {})).toEqual({
			ok: true,
			data: { paid_on: '2026-11-26', reference: 'BACS 1', request_key: KEY }
		});
	});
	it('refuses a future, impossible or missing date, and a missing reference', () => {
		expect(errorsOf(schema, { paid_on: '2026-11-27', reference: 'x', request_key: KEY }).paid_on).toBe(
			'The date paid must be today or in the past'
		);
		expect(errorsOf(schema, { paid_on: '2026-02-30', reference: 'x', request_key: KEY }).paid_on).toBe(
			'Enter a real date, like 2026-11-26'
		);
		expect(errorsOf(schema, { paid_on: '', reference: '', request_key: KEY })).toEqual({
			paid_on: 'Enter the date the payments were made',
			reference: 'Enter the payment reference from the bank or voucher supplier'
		});
	});
});

describe('settings', () => {
	it('reads a fee rate by meeting length in pounds, stored as pence and minutes', () => {
		expect(
			parse(
				feeRateSchema,
				{ name: 'Meeting fee', basis: 'meeting', amount: '150', short_amount: '75.00', long_from_hours: '4' },
				{}
			)
		).toEqual({
			ok: true,
			data: { name: 'Meeting fee', basis: 'meeting', amount: 15000, short_amount: 7500, long_from_hours: 240 }
		});
	});
	it('needs the short amount and the hours for a rate by meeting length', () => {
		expect(errorsOf(feeRateSchema, { name: 'Meeting fee', basis: 'meeting', amount: '150' })).toEqual({
			short_amount: 'Enter the amount for a short meeting, like 75.00'
		});
	});
	it('says plainly when an amount is not pounds and pence', () => {
		expect(errorsOf(feeRateSchema, { name: 'Hourly', basis: 'hour', amount: 'twenty' }).amount).toBe(
			'Enter the amount in pounds and pence, like 45.00 or 0.45'
		);
		expect(errorsOf(mileageSchema, { car: '0.45', motorcycle: '', bicycle: '0.2' })).toEqual({
			motorcycle: 'Enter the rate for a motorcycle'
		});
	});
	it('reads mileage rates as pence a mile', () => {
		expect(parse(mileageSchema, { car: '0.45', motorcycle: '.24', bicycle: '0.2' }, {})).toEqual({
			ok: true,
			data: { car: 45, motorcycle: 24, bicycle: 20 }
		});
	});
	it('reads receipt rules: always, above an amount, or never', () => {
		const r = parse(receiptRulesSchema, { always_taxi: 'yes', above_food: '10.00' }, {});
		expect(r.ok && r.data.always_taxi).toBe(true);
		expect(r.ok && r.data.above_food).toBe(1000);
		expect(r.ok && r.data.always_food).toBe(false);
		expect(r.ok && r.data.above_taxi).toBeNull();
	});
	it('needs a claim window in days and at least one way to be paid', () => {
		expect(errorsOf(claimSettingsSchema, { window_days: '0', pay_within_days: 'soon' })).toEqual({
			window_days: 'The number of days members have to claim must be 1 or more',
			pay_within_days: 'Enter the number of days to pay within as a whole number, like 90',
			methods: 'Choose at least one way members can be paid'
		});
	});
});

describe('the payment file', () => {
	it('writes amounts in pounds with two places', () => {
		expect(amount(4250)).toBe('42.50');
		expect(amount(5)).toBe('0.05');
	});
	it('quotes cells and defuses spreadsheet formulas', () => {
		expect(csvCell('Ann "Nan" Lee')).toBe('"Ann ""Nan"" Lee"');
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell(null)).toBe('""');
	});
	it('has bank details for a bank run, and none for vouchers', () => {
		const row = {
			claim_reference: 'CL-00001',
			member_name: 'Callum Fraser',
			member_email: 'callum.fraser@example.org',
			account_name: 'C Fraser',
			sort_code: '123456',
			account_number: '12345678',
			fees_pence: 15000,
			expenses_pence: 2160,
			total_pence: 17160
		};
		expect(runCsv('RUN-0004', [{ ...row, method: 'bank' }])).toBe(
			'"Account name","Sort code","Account number","Amount","Payment reference","Member","Claim"\r\n' +
				'"C Fraser","123456","12345678","171.60","RUN-0004 CL-00001","Callum Fraser","CL-00001"\r\n'
		);
		expect(
			runCsv('RUN-0005', [
				{ ...row, method: 'vouchers', account_name: null, sort_code: null, account_number: null }
			])
		).toBe(
			'"Member","Email","Amount","Payment reference","Claim"\r\n' +
				'"Callum Fraser","callum.fraser@example.org","171.60","RUN-0005 CL-00001","CL-00001"\r\n'
		);
	});
});
