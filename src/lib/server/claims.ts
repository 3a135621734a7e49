// Claims, the member's side: what they can claim for, starting a claim, adding the fee, mileage and
// costs with receipts, sending it, answering a query, their totals, their yearly fee limit and
// their bank details. Everything runs as the signed-in member (locals.db): Row Level Security and
// the database's functions decide, and work out every sum.
import { randomInt, randomUUID } from 'node:crypto';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import {
	claimErrorKey,
	type ClaimCategory,
	type ClaimStatus,
	type PaymentMethod,
	type Vehicle
} from '$lib/payments';
import { claimErrorWords } from '$lib/i18n/error-words';
import type { ReceiptRule } from '$lib/validation/claim';
import { config } from './config';
import { hmacHex } from './auth/hash';
import { fail } from './db/fail';
import { sendMail } from './mail';
import { inLanguage, letter } from './mail/language';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { storeUpload } from './uploads';

/** A refusal the member can understand and act on; `message` is in plain words. */
export class ClaimError extends Error {
	constructor(readonly key: string) {
		super(claimErrorWords(key));
		this.name = 'ClaimError';
	}
}

function refuse(context: string, error: PostgrestError): never {
	const key = claimErrorKey(error.message);
	if (key) throw new ClaimError(key);
	fail(context, error);
}

export interface ClaimSettings {
	window_days: number;
	methods: PaymentMethod[];
	pay_within_days: number;
}

export interface ClaimRules {
	settings: ClaimSettings;
	receipts: ReceiptRule[];
	mileage: Record<Vehicle, number>;
}

export async function claimRules(db: SupabaseClient): Promise<ClaimRules> {
	const [s, r, m] = await Promise.all([
		db.from('claim_settings').select('window_days, methods, pay_within_days').single(),
		db.from('receipt_rules').select('category, always, above_pence'),
		db.from('mileage_rates').select('vehicle, pence_per_mile')
	]);
	if (s.error) fail('Claim settings', s.error);
	if (r.error) fail('Receipt rules', r.error);
	if (m.error) fail('Mileage rates', m.error);
	const mileage = Object.fromEntries(
		(m.data as { vehicle: Vehicle; pence_per_mile: number }[]).map((x) => [x.vehicle, x.pence_per_mile])
	) as Record<Vehicle, number>;
	return { settings: s.data as ClaimSettings, receipts: r.data as ReceiptRule[], mileage };
}

export interface ClaimLine {
	id: number;
	category: ClaimCategory;
	description: string | null;
	amount_pence: number;
	miles: number | null;
	vehicle: Vehicle | null;
	minutes: number | null;
	taxi_agreed_adjustment: boolean | null;
	receipt_id: string | null;
}

export interface ClaimEvent {
	id: number;
	status: ClaimStatus;
	message: string | null;
	at: string;
	actor_id: string | null;
}

export interface ClaimSummary {
	id: number;
	member_id: string;
	reference: string;
	status: ClaimStatus;
	activity_on: string;
	payment_method: PaymentMethod | null;
	submitted_at: string | null;
	message: string | null;
	reply: string | null;
	paid_on: string | null;
	paid_reference: string | null;
	fees_pence: number;
	expenses_pence: number;
	total_pence: number;
	created_at: string;
	involvement_id: number;
	meeting_id: number | null;
	/** What the claim is for: the opportunity, and the meeting if there is one. */
	opportunity: { id: number; title: string } | null;
	meeting: { id: number; title: string; starts_at: string; ends_at: string } | null;
}

const SUMMARY = `id, member_id, reference, status, activity_on, payment_method, submitted_at, message, reply, paid_on,
	paid_reference, fees_pence, expenses_pence, total_pence, created_at, involvement_id, meeting_id,
	opportunity:claim_opportunity, meeting:meetings (id, title, starts_at, ends_at)`;

type Row = Omit<ClaimSummary, 'opportunity'> & {
	opportunity: { id: number; title: string; fee_rate_id: number | null } | null;
};
const flatten = (r: Row): ClaimSummary => ({
	...r,
	opportunity: r.opportunity ? { id: r.opportunity.id, title: r.opportunity.title } : null
});

/** The member's claims, newest first. */
export async function listMyClaims(db: SupabaseClient, memberId: string): Promise<ClaimSummary[]> {
	const { data, error } = await db
		.from('claims')
		.select(SUMMARY)
		.eq('member_id', memberId)
		.order('created_at', { ascending: false })
		.order('id', { ascending: false });
	if (error) fail('Your claims', error);
	return (data as unknown as Row[]).map(flatten);
}

export interface ClaimDetail {
	claim: ClaimSummary;
	lines: ClaimLine[];
	events: ClaimEvent[];
	/** The involvement fee for the claim's meeting, worked out by the database; null when none. */
	meetingFee: number | null;
	/** Whether the claim's opportunity pays a fee at all. */
	hasFeeRate: boolean;
}

/** One of the member's claims with its lines and history, or null. */
export async function getClaim(db: SupabaseClient, id: number): Promise<ClaimDetail | null> {
	const { data, error } = await db.from('claims').select(SUMMARY).eq('id', id).maybeSingle();
	if (error) fail('Your claim', error);
	if (!data) return null;
	const row = data as unknown as Row;
	const claim = flatten(row);
	const [lines, events, fee] = await Promise.all([
		db
			.from('claim_lines')
			.select(
				'id, category, description, amount_pence, miles, vehicle, minutes, taxi_agreed_adjustment, receipt_id'
			)
			.eq('claim_id', id)
			.order('id'),
		db
			.from('claim_events')
			.select('id, status, message, at, actor_id')
			.eq('claim_id', id)
			.order('at')
			.order('id'),
		claim.meeting_id
			? db.rpc('meeting_fee_pence', { meeting: claim.meeting_id })
			: Promise.resolve({ data: null })
	]);
	if (lines.error) fail('Claim lines', lines.error);
	if (events.error) fail('Claim history', events.error);
	return {
		claim,
		lines: (lines.data as ClaimLine[]).map((l) => ({
			...l,
			miles: l.miles === null ? null : Number(l.miles)
		})),
		events: events.data as ClaimEvent[],
		meetingFee: (fee.data as number | null) ?? null,
		hasFeeRate: !!row.opportunity?.fee_rate_id
	};
}

export interface Claimable {
	involvement_id: number;
	opportunity_id: number;
	opportunity_title: string;
	meeting_id: number;
	meeting_title: string;
	starts_at: string;
	ends_at: string;
	fee_pence: number | null;
	claim_id: number | null;
	claim_status: ClaimStatus | null;
}

/** Meetings the member took part in that can still be claimed for (and any claim already made). */
export async function claimableMeetings(db: SupabaseClient): Promise<Claimable[]> {
	const { data, error } = await db.rpc('claimable_meetings');
	if (error) fail('What you can claim for', error);
	return data as Claimable[];
}

export interface Involvement {
	id: number;
	role: string;
	opportunity_id: number;
	opportunity_title: string;
}

/** The member's involvements (titles shown even once archived), for a claim about other work. */
export async function myInvolvements(db: SupabaseClient): Promise<Involvement[]> {
	const { data, error } = await db.rpc('my_involvements');
	if (error) fail('What you take part in', error);
	return data as Involvement[];
}

/** Starts a claim; the same key again gives the same claim. */
export async function startClaim(
	db: SupabaseClient,
	input: { involvement: number; meeting: number | null; activityOn: string | null; key: string }
): Promise<number> {
	const { data, error } = await db.rpc('start_claim', {
		involvement: input.involvement,
		meeting: input.meeting,
		activity_on: input.activityOn,
		request_key: input.key
	});
	if (error) refuse('Starting a claim', error);
	return (data as { id: number }).id;
}

type LineInput = Partial<Omit<ClaimLine, 'id' | 'amount_pence'>> & {
	amount_pence?: number;
	request_key?: string | null;
};

const LINE_COLUMNS =
	'id, category, description, amount_pence, miles, vehicle, minutes, taxi_agreed_adjustment, receipt_id';

/** The line a form with this request key already added to the claim, if it was sent before. */
export async function lineByKey(db: SupabaseClient, claimId: number, key: string): Promise<ClaimLine | null> {
	const { data, error } = await db
		.from('claim_lines')
		.select(LINE_COLUMNS)
		.eq('claim_id', claimId)
		.eq('request_key', key)
		.maybeSingle();
	if (error) fail('Your claim', error);
	return (data as ClaimLine | null) ?? null;
}

async function addLine(db: SupabaseClient, claimId: number, line: LineInput): Promise<ClaimLine> {
	// Every row carries every key: the fee and mileage amounts are worked out by the database.
	const { data, error } = await db
		.from('claim_lines')
		.insert({
			claim_id: claimId,
			category: line.category,
			description: line.description ?? null,
			amount_pence: line.amount_pence ?? 0,
			miles: line.miles ?? null,
			vehicle: line.vehicle ?? null,
			minutes: line.minutes ?? null,
			taxi_agreed_adjustment: line.category === 'taxi' ? (line.taxi_agreed_adjustment ?? false) : null,
			receipt_id: line.receipt_id ?? null,
			...(line.request_key ? { request_key: line.request_key } : {})
		})
		.select(
			'id, category, description, amount_pence, miles, vehicle, minutes, taxi_agreed_adjustment, receipt_id'
		)
		.single();
	if (error) {
		if (error.code === '42501') throw new ClaimError('wrong_status');
		// The same form arrived again: the line it added the first time is the answer.
		if (error.code === '23505' && line.request_key) {
			const earlier = await lineByKey(db, claimId, line.request_key);
			if (earlier) return earlier;
		}
		refuse('Adding to your claim', error);
	}
	return data as ClaimLine;
}

export function addFee(db: SupabaseClient, claimId: number, minutes: number | null) {
	return addLine(db, claimId, { category: 'fee', minutes });
}

export function addMileage(
	db: SupabaseClient,
	claimId: number,
	line: { milesHundredths: number; vehicle: Vehicle; description: string | null }
) {
	return addLine(db, claimId, {
		category: 'mileage',
		miles: line.milesHundredths / 100,
		vehicle: line.vehicle,
		description: line.description
	});
}

export function addCost(
	db: SupabaseClient,
	claimId: number,
	line: {
		category: ClaimCategory;
		description: string | null;
		amount_pence: number;
		taxi_agreed_adjustment: boolean;
		receipt_id: string | null;
		request_key?: string | null;
	}
) {
	return addLine(db, claimId, line);
}

/** Stores a checked receipt as the member's own file. */
export function storeReceipt(db: SupabaseClient, memberId: string, contentType: string, bytes: Uint8Array) {
	return storeUpload(db, memberId, 'receipt', contentType, bytes);
}

export async function attachReceipt(db: SupabaseClient, lineId: number, receiptId: string): Promise<void> {
	const { data, error } = await db
		.from('claim_lines')
		.update({ receipt_id: receiptId })
		.eq('id', lineId)
		.select('id');
	if (error) fail('Adding the receipt', error);
	if (!data?.length) throw new ClaimError('wrong_status');
}

export async function removeLine(db: SupabaseClient, lineId: number): Promise<void> {
	const { error } = await db.from('claim_lines').delete().eq('id', lineId);
	if (error) fail('Removing from your claim', error);
}

export async function discardDraft(db: SupabaseClient, claimId: number): Promise<void> {
	const { error } = await db.from('claims').delete().eq('id', claimId).eq('status', 'draft');
	if (error) fail('Removing your claim', error);
}

/** Sends the claim; the same key again (double tap, retry) gives the same claim. */
export async function submitClaim(
	db: SupabaseClient,
	claimId: number,
	method: PaymentMethod,
	key: string
): Promise<ClaimSummary['status']> {
	const { data, error } = await db.rpc('submit_claim', { claim: claimId, method, request_key: key });
	if (error) refuse('Sending your claim', error);
	return (data as { status: ClaimStatus }).status;
}

export async function replyToQuery(db: SupabaseClient, claimId: number, message: string, key: string) {
	const { error } = await db.rpc('reply_to_claim', { claim: claimId, message, request_key: key });
	if (error) refuse('Sending your reply', error);
}

export interface YearTotals {
	tax_year: number;
	fees_paid_pence: number;
	expenses_paid_pence: number;
	fees_pending_pence: number;
	expenses_pending_pence: number;
}

/** The member's money by tax year, newest first (worked out by the database). */
export async function myTotals(db: SupabaseClient): Promise<YearTotals[]> {
	const { data, error } = await db.rpc('member_claim_totals', {});
	if (error) fail('Your totals', error);
	return data as YearTotals[];
}

/** Totals for one tax year, zero when there is nothing. */
export function totalsFor(all: YearTotals[], year: number): YearTotals {
	return (
		all.find((t) => t.tax_year === year) ?? {
			tax_year: year,
			fees_paid_pence: 0,
			expenses_paid_pence: 0,
			fees_pending_pence: 0,
			expenses_pending_pence: 0
		}
	);
}

export interface PaymentPreferences {
	payment_method: PaymentMethod | null;
	yearly_fee_limit_pence: number | null;
}

export async function paymentPreferences(db: SupabaseClient, memberId: string): Promise<PaymentPreferences> {
	const { data, error } = await db
		.from('profiles')
		.select('payment_method, yearly_fee_limit_pence')
		.eq('id', memberId)
		.single();
	if (error) fail('Your payment choices', error);
	return data as PaymentPreferences;
}

export async function setFeeLimit(db: SupabaseClient, memberId: string, pence: number | null): Promise<void> {
	const { error } = await db.from('profiles').update({ yearly_fee_limit_pence: pence }).eq('id', memberId);
	if (error) fail('Saving your limit', error);
}

// Bank details ---------------------------------------------------------------------------------------

export interface MaskedBankDetails {
	account_name: string;
	sort_code_end: string;
	account_number_end: string;
	updated_at: string;
}

export async function maskedBankDetails(db: SupabaseClient): Promise<MaskedBankDetails | null> {
	const { data, error } = await db.rpc('masked_bank_details', {});
	if (error) fail('Your bank details', error);
	return (data as MaskedBankDetails[])[0] ?? null;
}

export const BANK_CODE_MINUTES = 10;

export function bankCodeHash(requestId: string, code: string): string {
	return hmacHex(config.jwtSecret, `bank-change:${requestId}:${code}`);
}

/**
 * Holds new bank details until the member enters the code we email them. Returns the request's id.
 * The email carries the code only: never a digit of the account.
 */
export async function requestBankChange(
	db: SupabaseClient,
	member: { email: string; name: string; locale?: Locale },
	details: { account_name: string; sort_code: string; account_number: string }
): Promise<string> {
	const requestId = randomUUID();
	const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
	const { error } = await db.rpc('request_bank_change', {
		request: requestId,
		code_hash: bankCodeHash(requestId, code),
		...details
	});
	if (error) refuse('Changing your bank details', error);
	const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
	const locale = member.locale ?? 'en';
	await sendMail(
		inLanguage(locale, () =>
			letter(locale, {
				to: member.email,
				subject: m.mail_bank_code_subject({ code: spaced }),
				text:
					[
						m.mail_hello({ name: member.name }),
						m.mail_bank_code_text({ code: spaced }),
						m.mail_bank_code_once({ minutes: BANK_CODE_MINUTES }),
						m.mail_bank_code_not_you()
					].join('\n\n') + '\n'
			})
		)
	);
	return requestId;
}

export type BankChangeOutcome = 'ok' | 'wrong' | 'expired' | 'too_many';

/** Checks the code; on success the new details are saved and the member is told by email. */
export async function confirmBankChange(
	db: SupabaseClient,
	member: { email: string; name: string; locale?: Locale },
	requestId: string,
	code: string
): Promise<BankChangeOutcome> {
	if (!/^[0-9a-f-]{36}$/.test(requestId)) return 'expired';
	const { data, error } = await db.rpc('confirm_bank_change', {
		request: requestId,
		presented_hash: bankCodeHash(requestId, code)
	});
	if (error) fail('Changing your bank details', error);
	const outcome = data as BankChangeOutcome;
	if (outcome === 'ok') {
		const locale = member.locale ?? 'en';
		await sendMail(
			inLanguage(locale, () =>
				letter(locale, {
					to: member.email,
					subject: m.mail_bank_changed_subject(),
					text:
						[
							m.mail_hello({ name: member.name }),
							m.mail_bank_changed_text(),
							m.mail_bank_changed_not_you()
						].join('\n\n') + '\n'
				})
			)
		).catch((e: Error) => console.error(`A bank details notice could not be sent: ${e.message}`));
	}
	return outcome;
}
