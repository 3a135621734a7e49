// Accessibility problems and requests for another format, from the accessibility statement.
// Anyone may send one (the database function checks and rate-limits); only staff read them.
// The team is emailed that one has arrived, with the page but not the words: a report may say
// something about the sender's health, and emails never carry health details.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { AccessibilityReport, ReportKind } from '$lib/validation/accessibility-report';
import { sha256Hex } from './auth/hash';
import { config } from './config';
import { fail } from './db/fail';
import { sendMail } from './mail';

export type SendReportResult = { ok: true; id: number } | { ok: false; reason: 'too_many' | 'invalid' };

export async function sendAccessibilityReport(
	db: SupabaseClient,
	report: AccessibilityReport,
	clientAddress: string
): Promise<SendReportResult> {
	const { data, error } = await db.rpc('report_accessibility_problem', {
		report_kind: report.kind,
		report_page: report.page,
		report_details: report.details,
		report_contact_email: report.contact_email,
		client_key: sha256Hex(clientAddress)
	});
	if (error) {
		if (error.message.includes('too_many_reports')) return { ok: false, reason: 'too_many' };
		if (error.message.includes('invalid_report')) return { ok: false, reason: 'invalid' };
		fail('Sending an accessibility report', error);
	}
	const id = Number(data);
	const what = report.kind === 'format' ? 'A request for another format' : 'An accessibility problem';
	try {
		await sendMail({
			to: config.teamEmail,
			subject: `${what} was reported on Together (number ${id})`,
			text:
				`${what} was sent from the accessibility statement.\n\n` +
				`Page: ${report.page}\n` +
				`${report.contact_email ? 'The sender gave an email address for a reply.' : 'The sender did not give an email address.'}\n\n` +
				`Read it in the portal: ${config.origin}/admin/accessibility-reports#report-${id}\n`
		});
	} catch (e) {
		// The report is saved and staff see it in the portal; a mail server hiccup must not lose it.
		console.error('Accessibility report email not sent', e);
	}
	return { ok: true, id };
}

export interface AccessibilityReportRow {
	id: number;
	kind: ReportKind;
	page: string;
	details: string;
	contact_email: string | null;
	created_at: string;
}

export async function listAccessibilityReports(db: SupabaseClient): Promise<AccessibilityReportRow[]> {
	const { data, error } = await db
		.from('accessibility_reports')
		.select('id, kind, page, details, contact_email, created_at')
		.order('created_at', { ascending: false })
		.limit(200);
	if (error) fail('Loading accessibility reports', error);
	return data as AccessibilityReportRow[];
}
