// Payment runs, for the finance team: gather approved claims into a run, export it for the bank or
// the voucher supplier (the only place full bank details appear; every export is audited by the
// database), and mark it paid, which members see at once. Also the year's totals.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ClaimCategory, ClaimStatus, PaymentMethod } from '$lib/payments-staff';
import { fail } from './db/fail';

export type RunStatus = 'open' | 'exported' | 'paid';

export interface RunSummary {
	id: number;
	reference: string;
	method: PaymentMethod | null;
	status: RunStatus;
	created_at: string;
	exported_at: string | null;
	paid_on: string | null;
	paid_reference: string | null;
	claims: { count: number }[];
}

export async function listRuns(db: SupabaseClient): Promise<RunSummary[]> {
	const { data, error } = await db
		.from('payment_runs')
		.select('id, reference, method, status, created_at, exported_at, paid_on, paid_reference, claims(count)')
		.order('id', { ascending: false })
		.limit(100);
	if (error) fail('Loading payment runs', error);
	return data as unknown as RunSummary[];
}

export interface RunClaim {
	id: number;
	reference: string;
	status: ClaimStatus;
	payment_method: PaymentMethod;
	fees_pence: number;
	expenses_pence: number;
	total_pence: number;
	member: { full_name: string };
}

export interface Run extends Omit<RunSummary, 'claims'> {
	claims: RunClaim[];
	created_by_person: { full_name: string } | null;
}

export async function getRun(db: SupabaseClient, id: number): Promise<Run | null> {
	const { data, error } = await db
		.from('payment_runs')
		.select(
			'id, reference, method, status, created_at, exported_at, paid_on, paid_reference, ' +
				'created_by_person:profiles!payment_runs_created_by_fkey(full_name), ' +
				'claims(id, reference, status, payment_method, fees_pence, expenses_pence, total_pence, ' +
				'member:profiles!claims_member_id_fkey(full_name))'
		)
		.eq('id', id)
		.order('id', { referencedTable: 'claims' })
		.maybeSingle();
	if (error) fail('Loading the payment run', error);
	return data as unknown as Run | null;
}

/** Approved claims waiting for a run, by way of being paid: how many and how much. */
export async function waitingForRun(
	db: SupabaseClient
): Promise<Partial<Record<PaymentMethod, { claims: number; pence: number }>>> {
	const { data, error } = await db
		.from('claims')
		.select('payment_method, total_pence')
		.eq('status', 'approved');
	if (error) fail('Loading approved claims', error);
	const out: Partial<Record<PaymentMethod, { claims: number; pence: number }>> = {};
	for (const c of data as { payment_method: PaymentMethod; total_pence: number }[]) {
		const t = (out[c.payment_method] ??= { claims: 0, pence: 0 });
		t.claims += 1;
		t.pence += c.total_pence;
	}
	return out;
}

/** For the staff home: ways of being paid that have approved claims waiting, and runs not yet paid. */
export async function countRunsToMake(db: SupabaseClient): Promise<{ toMake: number; unpaid: number }> {
	const [waiting, unpaid] = await Promise.all([
		waitingForRun(db),
		db.from('payment_runs').select('id', { count: 'exact', head: true }).neq('status', 'paid')
	]);
	if (unpaid.error) fail('Counting payment runs', unpaid.error);
	return { toMake: Object.keys(waiting).length, unpaid: unpaid.count ?? 0 };
}

const RUN_PROBLEMS: Record<string, string> = {
	nothing_to_pay: 'There are no approved claims to pay that way. The list below shows what is waiting.',
	not_allowed: 'Only the finance team can do this.',
	not_found: 'We could not find that payment run.',
	wrong_status: 'This payment run is already marked as paid, with another date and reference.',
	message_needed: 'Enter the date it was paid and the payment reference.'
};

function problemOf(message: string): string | null {
	const key = Object.keys(RUN_PROBLEMS).find((k) => message.includes(k));
	return key ? RUN_PROBLEMS[key]! : null;
}

export type RunResult = { ok: true; id: number } | { ok: false; problem: string };

export async function createRun(
	db: SupabaseClient,
	method: PaymentMethod,
	requestKey: string
): Promise<RunResult> {
	const { data, error } = await db.rpc('create_payment_run', { method, request_key: requestKey });
	if (error) {
		const problem = problemOf(error.message);
		if (problem) return { ok: false, problem };
		fail('Making a payment run', error);
	}
	return { ok: true, id: (data as { id: number }).id };
}

export async function markRunPaid(
	db: SupabaseClient,
	runId: number,
	paidOn: string,
	reference: string,
	requestKey: string
): Promise<RunResult> {
	const { error } = await db.rpc('mark_payment_run_paid', {
		run: runId,
		paid_on: paidOn,
		reference,
		request_key: requestKey
	});
	if (error) {
		const problem = problemOf(error.message);
		if (problem) return { ok: false, problem };
		fail('Marking the payment run paid', error);
	}
	return { ok: true, id: runId };
}

export interface ExportRow {
	claim_reference: string;
	member_name: string;
	member_email: string;
	method: PaymentMethod;
	account_name: string | null;
	sort_code: string | null;
	account_number: string | null;
	fees_pence: number;
	expenses_pence: number;
	total_pence: number;
}

/** The run's rows with full bank details. The database writes an audit row for every export. */
export async function exportRunRows(db: SupabaseClient, runId: number): Promise<ExportRow[] | null> {
	const { data, error } = await db.rpc('export_payment_run', { run: runId });
	if (error) {
		if (error.message.includes('not_found')) return null;
		fail('Exporting the payment run', error);
	}
	return data as ExportRow[];
}

/**
 * A CSV cell: quoted, quotes doubled, and text a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return at the start) made plain with a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
	let s = value === null ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return `"${s.replace(/"/g, '""')}"`;
}

/** Pence as a plain amount for a bank file: 4250 → "42.50". */
export function amount(pence: number): string {
	return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/**
 * The file for the bank (one payment per claim: name, sort code, account number, amount, reference)
 * or for the voucher supplier (name, email, amount, reference).
 */
export function runCsv(runReference: string, rows: ExportRow[]): string {
	const bank = rows.some((r) => r.method === 'bank');
	const header = bank
		? ['Account name', 'Sort code', 'Account number', 'Amount', 'Payment reference', 'Member', 'Claim']
		: ['Member', 'Email', 'Amount', 'Payment reference', 'Claim'];
	const lines = rows.map((r) =>
		bank
			? [
					r.account_name,
					r.sort_code,
					r.account_number,
					amount(r.total_pence),
					`${runReference} ${r.claim_reference}`,
					r.member_name,
					r.claim_reference
				]
			: [
					r.member_name,
					r.member_email,
					amount(r.total_pence),
					`${runReference} ${r.claim_reference}`,
					r.claim_reference
				]
	);
	return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface YearTotal {
	opportunity_id: number;
	opportunity_title: string;
	opportunity_type: string;
	category: ClaimCategory;
	claims: number;
	pence: number;
}

export async function totalsForYear(db: SupabaseClient, taxYear: number): Promise<YearTotal[]> {
	const { data, error } = await db.rpc('claim_totals_for_year', { tax_year: taxYear });
	if (error) fail('Loading the year’s totals', error);
	return data as YearTotal[];
}
