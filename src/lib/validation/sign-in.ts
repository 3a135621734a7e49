import * as v from 'valibot';
import { email } from './form';

export const signInSchema = v.object({ email });

export const codeSchema = v.object({
	code: v.pipe(
		v.string('Enter the 6-digit code from the email'),
		v.transform((s) => s.replace(/[\s-]/g, '')),
		v.nonEmpty('Enter the 6-digit code from the email'),
		v.regex(/^\d{6}$/, 'The code is 6 numbers, like 123 456')
	)
});
