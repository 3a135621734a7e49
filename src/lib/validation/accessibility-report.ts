// The "report a problem" form on the accessibility statement: a problem with a page, or a request
// for information in another format. Shared by the server and the browser.
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export const REPORT_KINDS = {
	problem: 'Tell us about a problem with a page',
	format: 'Ask for information in another format'
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// Messages are functions, read in the member's language when the form is checked.
const required = (missing: () => string, tooLong: (i: { max: number }) => string, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty(missing),
		v.maxLength(max, () => tooLong({ max }))
	);

export const accessibilityReportSchema = v.pipe(
	v.object({
		kind: v.optional(
			v.picklist(Object.keys(REPORT_KINDS) as ReportKind[], () => m.a11y_err_kind()),
			'' as ReportKind
		),
		page: required(m.a11y_err_page, m.a11y_err_page_long, 300),
		details: required(m.a11y_err_details, m.a11y_err_details_long, 2000),
		contact_email: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(254, () => m.signin_err_email_long()),
			v.check(
				(s) => s === '' || EMAIL.test(s),
				() => m.signin_err_email_format()
			),
			v.toLowerCase(),
			v.transform((s) => (s === '' ? null : s))
		)
	}),
	v.forward(
		v.check(
			(r) => r.kind !== 'format' || r.contact_email !== null,
			() => m.a11y_err_email_needed()
		),
		['contact_email']
	)
);

export type AccessibilityReport = v.InferOutput<typeof accessibilityReportSchema>;
