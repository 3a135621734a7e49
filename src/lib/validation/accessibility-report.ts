// The "report a problem" form on the accessibility statement: a problem with a page, or a request
// for information in another format. Shared by the server and the browser.
import * as v from 'valibot';
import { capitalise } from './form';

export const REPORT_KINDS = {
	problem: 'Tell us about a problem with a page',
	format: 'Ask for information in another format'
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const required = (label: string, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty(`Enter ${label}`),
		v.maxLength(max, `${capitalise(label)} must be ${max} characters or fewer`)
	);

export const accessibilityReportSchema = v.pipe(
	v.object({
		kind: v.optional(
			v.picklist(
				Object.keys(REPORT_KINDS) as ReportKind[],
				'Choose whether you are telling us about a problem or asking for another format'
			),
			'' as ReportKind
		),
		page: required('which page it is about', 300),
		details: required('what went wrong, or the format you need', 2000),
		contact_email: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(254, 'Email address must be 254 characters or fewer'),
			v.check(
				(s) => s === '' || EMAIL.test(s),
				'Enter an email address in the correct format, like name@example.com'
			),
			v.toLowerCase(),
			v.transform((s) => (s === '' ? null : s))
		)
	}),
	v.forward(
		v.check(
			(r) => r.kind !== 'format' || r.contact_email !== null,
			'Enter your email address, so we can send you the information in the format you need'
		),
		['contact_email']
	)
);

export type AccessibilityReport = v.InferOutput<typeof accessibilityReportSchema>;
