// Emailing members the new opportunities that are due to them (the rules are in the database
// function due_opportunity_alerts). This is the job's core: it is given its database client (the
// service role: this is a system job, run for nobody in particular), a way to send mail and its
// settings, so tests can run it against the real stack.
//
// Claim, send, confirm. An alert is recorded BEFORE its email is sent: the job inserts the rows into
// opportunity_alerts with "on conflict do nothing" (emailed_at left empty) and emails only the rows
// it inserted. So two servers running the job at once, or a run that overlaps another, never send
// the same alert twice, and nor does a run after a crash: a claimed alert is never claimed again.
// Recording AFTER sending would send again whenever the job stopped between the two.
// The cost of recording first is that an alert could be claimed and never sent. So:
//   - if sending fails (the mail server is down, say), the job deletes its claims again, and the
//     alerts go out on the next run;
//   - once the mail server has accepted the email, the claims are confirmed (emailed_at is set);
//   - a claim left unconfirmed for STALE_MINUTES means the process stopped while sending (killed,
//     or crashed). Whether the email left is unknown, so it is not sent again (that could be twice);
//     instead every server logs it as an error, once, naming the member and opportunity, so that
//     somebody can look into it. No alert is ever lost without anybody being told.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Message } from '../mail';
import { emailLanguages } from '../mail/language';
import { composeAlertEmail, type AlertOpportunity } from './email';
import { signToken } from './token';

export const STALE_MINUTES = 15;

export interface DeliverOptions {
	/** The service-role client. */
	db: SupabaseClient;
	send: (message: Message) => Promise<void>;
	origin: string;
	/** The project's JWT secret, which signs the change-or-stop links. */
	secret: string;
	now?: Date;
	/** Only these members (the browser tests use this, so no other account gets email mid-test). */
	members?: string[];
	log?: Pick<Console, 'error'>;
}

export interface DeliverResult {
	/** Emails the mail server accepted. */
	emails: number;
	/** Alerts those emails carried. */
	alerts: number;
	/** Members whose email failed; their alerts are released for the next run. */
	failed: number;
}

interface DueRow {
	member_id: string;
	email: string;
	name: string;
	rhythm: string;
	opportunity_id: number;
}

const reported = new Set<string>();

export async function deliverDueAlerts(options: DeliverOptions): Promise<DeliverResult> {
	const { db, log = console } = options;
	const now = options.now ?? new Date();
	const result: DeliverResult = { emails: 0, alerts: 0, failed: 0 };
	await reportStaleClaims(db, now, log);

	const due = await db.rpc('due_opportunity_alerts');
	if (due.error) throw new Error(`Due opportunity alerts: ${due.error.message}`);
	const only = options.members ? new Set(options.members) : null;
	const rows = (due.data as DueRow[]).filter((r) => !only || only.has(r.member_id));
	if (rows.length === 0) return result;

	const ids = [...new Set(rows.map((r) => r.opportunity_id))];
	const found = await db
		.from('opportunities')
		.select('id, type, title, summary, title_cy, summary_cy, closes_at')
		.in('id', ids);
	if (found.error) throw new Error(`Opportunities for alerts: ${found.error.message}`);
	const byId = new Map((found.data as AlertOpportunity[]).map((o) => [o.id, o]));

	const members = new Map<string, DueRow[]>();
	for (const row of rows) {
		if (!byId.has(row.opportunity_id)) continue;
		const list = members.get(row.member_id) ?? [];
		list.push(row);
		members.set(row.member_id, list);
	}

	// Each member's emails are in the language they chose (display settings).
	const languages = await emailLanguages(db, [...members.keys()]);
	for (const [memberId, list] of members) {
		const claimed = await claim(db, memberId, list, log);
		if (claimed.length === 0) continue;
		// In the order the database gave: closing soonest first.
		const opportunities = list
			.filter((r) => claimed.includes(r.opportunity_id))
			.map((r) => byId.get(r.opportunity_id)!);
		const message = composeAlertEmail({
			to: list[0]!.email,
			name: list[0]!.name,
			opportunities,
			origin: options.origin,
			token: signToken(options.secret, memberId),
			locale: languages.get(memberId) ?? 'en'
		});
		try {
			await options.send(message);
		} catch (error) {
			result.failed++;
			log.error(`Alert email to member ${memberId} failed; it will be tried again next run:`, error);
			await release(db, memberId, claimed, log);
			continue;
		}
		result.emails++;
		result.alerts += claimed.length;
		await confirm(db, memberId, claimed, now, log);
	}
	return result;
}

/** Inserts the member's due alerts unless already there; returns the opportunities this run claimed. */
async function claim(
	db: SupabaseClient,
	memberId: string,
	list: DueRow[],
	log: Pick<Console, 'error'>
): Promise<number[]> {
	const { data, error } = await db
		.from('opportunity_alerts')
		.upsert(
			list.map((r) => ({ member_id: memberId, opportunity_id: r.opportunity_id, emailed_at: null })),
			{ onConflict: 'member_id,opportunity_id', ignoreDuplicates: true }
		)
		.select('opportunity_id');
	if (error) {
		log.error(`Claiming alerts for member ${memberId} failed; they will be tried next run:`, error.message);
		return [];
	}
	return (data as { opportunity_id: number }[]).map((r) => r.opportunity_id);
}

async function release(db: SupabaseClient, memberId: string, ids: number[], log: Pick<Console, 'error'>) {
	const { error } = await db
		.from('opportunity_alerts')
		.delete()
		.eq('member_id', memberId)
		.in('opportunity_id', ids)
		.is('emailed_at', null);
	if (error)
		log.error(
			`Releasing unsent alerts for member ${memberId} failed (opportunities ${ids.join(', ')}); ` +
				'they stay claimed and will be reported as possibly unsent:',
			error.message
		);
}

async function confirm(
	db: SupabaseClient,
	memberId: string,
	ids: number[],
	now: Date,
	log: Pick<Console, 'error'>
) {
	const { error } = await db
		.from('opportunity_alerts')
		.update({ emailed_at: now.toISOString() })
		.eq('member_id', memberId)
		.in('opportunity_id', ids);
	if (error)
		log.error(
			`Alert email to member ${memberId} was sent, but recording that failed (opportunities ` +
				`${ids.join(', ')}); they will not be sent again:`,
			error.message
		);
}

/** Claims nobody confirmed: the job stopped mid-send. Logged once per server, never re-sent. */
async function reportStaleClaims(db: SupabaseClient, now: Date, log: Pick<Console, 'error'>) {
	const before = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
	const { data, error } = await db
		.from('opportunity_alerts')
		.select('member_id, opportunity_id, sent_at')
		.is('emailed_at', null)
		.lt('sent_at', before)
		.limit(500);
	if (error) {
		log.error('Checking for unsent alerts failed:', error.message);
		return;
	}
	for (const row of data as { member_id: string; opportunity_id: number; sent_at: string }[]) {
		const key = `${row.member_id}/${row.opportunity_id}`;
		if (reported.has(key)) continue;
		reported.add(key);
		log.error(
			`Alert about opportunity ${row.opportunity_id} to member ${row.member_id} may not have been sent: ` +
				`the job stopped while sending it (claimed ${row.sent_at}). It is not sent again automatically, ` +
				'so nobody gets it twice. To send it, delete that row from opportunity_alerts; to accept it as ' +
				'sent, set its emailed_at.'
		);
	}
}
