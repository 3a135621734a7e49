// Signing in: a member's email address, then the code we send. Messages are functions, read in the
// member's language when the form is checked.
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export const signInSchema = v.object({
	email: v.pipe(
		v.string(() => m.signin_err_email()),
		v.trim(),
		v.nonEmpty(() => m.signin_err_email()),
		v.maxLength(254, () => m.signin_err_email_long()),
		v.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, () => m.signin_err_email_format()),
		v.toLowerCase()
	)
});

export const codeSchema = v.object({
	code: v.pipe(
		v.string(() => m.signin_err_code()),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty(() => m.signin_err_code()),
		v.regex(/^\d{6}$/, () => m.claimerr_code_format())
	)
});
