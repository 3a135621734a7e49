// The invitation to join Together. The person has not chosen a language yet, so it is in both:
// English, then Welsh (with a pointer to the Welsh at the top), each part marked with its language.
import { m } from '$lib/paraglide/messages';
import { escapeHtml } from './escape';
import type { Message } from './index';
import { htmlDocument, inLanguage, textToHtml } from './language';

export function invitationEmail(to: { email: string; name: string }, origin: string): Message {
	const part = (locale: 'en' | 'cy') =>
		inLanguage(locale, () =>
			[
				m.mail_hello({ name: to.name }),
				m.mail_invite_intro(),
				m.mail_invite_sign_in({ link: `${origin}/sign-in` }),
				...(locale === 'cy' ? [m.mail_invite_language()] : []),
				m.mail_call_questions()
			].join('\n\n')
		);
	const english = part('en');
	const welsh = part('cy');
	const pointer = m.mail_invite_other_language({}, { locale: 'cy' });
	return {
		to: to.email,
		subject: m.mail_invite_subject({}, { locale: 'en' }),
		text: `${pointer}\n\n${english}\n\n---\n\n${welsh}\n`,
		html: htmlDocument(
			'en',
			`<p lang="cy">${escapeHtml(pointer)}</p>\n` +
				`<div lang="en-GB">\n${textToHtml(english)}\n</div>\n<hr>\n<div lang="cy">\n${textToHtml(welsh)}\n</div>`
		),
		headers: { 'Content-Language': 'en-GB, cy' }
	};
}
