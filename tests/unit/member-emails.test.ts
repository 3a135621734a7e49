// Emails to members in their own language: the Welsh and English versions of each, the HTML part's
// language and escaping, and the language read from display settings. (The alerts and booking emails
// have their own files; tests/integration reads the real ones from the mail catcher.)
import { describe, expect, it } from 'vitest';
import { confirmationEmail } from '$lib/server/applications';
import { signInEmail } from '$lib/server/auth/sign-in';
import { deletionEmail } from '$lib/server/data-rights';
import { ideaOutcomeEmail } from '$lib/server/ideas';
import { decisionEmail } from '$lib/server/review';
import { emailLanguage, inLanguage, letter, textToHtml } from '$lib/server/mail/language';
import { invitationEmail } from '$lib/server/mail/invitation';
import { m } from '$lib/paraglide/messages';

describe('the language of a member’s emails', () => {
	it('is Welsh only for a member who chose Cymraeg', () => {
		expect(emailLanguage({ language: 'cy', theme: 'dark' })).toBe('cy');
		expect(emailLanguage({ language: 'en' })).toBe('en');
		expect(emailLanguage({ language: 'auto' })).toBe('en');
		expect(emailLanguage(null)).toBe('en');
		expect(emailLanguage('cy')).toBe('en');
	});

	it('sets the messages’ language only while the email is written', () => {
		expect(inLanguage('cy', () => m.mail_sign_team())).toBe('Y tîm cydgynhyrchu, Together');
		expect(m.mail_sign_team()).toBe('The co-production team, Together');
	});
});

describe('the HTML part', () => {
	it('is made from the plain text, escaped, with links, in a document that names its language', () => {
		const mail = letter('cy', {
			to: 'a@example.org',
			subject: 'S',
			text: 'Helo <Ann> & "Bob",\n\nGweld: https://together.example.org/my/claims/4\nDiolch'
		});
		expect(mail.html).toContain('<html lang="cy">');
		expect(mail.html).toContain('<p>Helo &#60;Ann&#62; &#38; &#34;Bob&#34;,</p>');
		expect(mail.html).toContain(
			'<p>Gweld: <a href="https://together.example.org/my/claims/4">https://together.example.org/my/claims/4</a><br>Diolch</p>'
		);
		expect(mail.headers).toEqual({ 'Content-Language': 'cy' });
		expect(textToHtml('<script>')).toBe('<p>&#60;script&#62;</p>');
	});
});

describe('sign-in codes', () => {
	const link = 'https://together.example.org/sign-in/link?token=abc';
	it('are in the page’s language, text and HTML alike', () => {
		const cy = signInEmail('a@example.org', '123 456', link, 'cy');
		expect(cy.subject).toBe('Eich cod mewngofnodi i Together yw 123 456');
		expect(cy.text).toContain('Eich cod i fewngofnodi i Together yw 123 456');
		expect(cy.html).toContain(`<a href="${link}">Mewngofnodi i Together</a>`);
		const en = signInEmail('a@example.org', '123 456', link, 'en');
		expect(en.subject).toBe('Your Together sign-in code is 123 456');
		expect(en.text).toContain('Your code to sign in to Together is 123 456');
		expect(en.html).toContain('<html lang="en-GB">');
	});
});

describe('application sent', () => {
	const o = { title: 'Dementia panel', title_cy: 'Panel dementia', closes_at: '2026-12-11T23:59:59Z' };
	const to = { email: 'a@example.org', name: 'Alun' };
	it('is in Welsh, with the opportunity’s Welsh title and the closing date in Welsh', () => {
		const mail = confirmationEmail(to, o, 'https://together.example.org/my/applications/3', 'cy');
		expect(mail.subject).toBe('Cais wedi’i anfon: Panel dementia');
		expect(mail.text).toContain('Annwyl Alun,');
		expect(mail.text).toContain('Diolch. Mae eich cais am “Panel dementia” gyda ni.');
		expect(mail.text).toContain('Rhagfyr 2026');
		expect(mail.text).toContain('https://together.example.org/my/applications/3');
	});
	it('is in English otherwise, as before', () => {
		const mail = confirmationEmail(to, o, 'https://together.example.org/my/applications/3', 'en');
		expect(mail.subject).toBe('Application sent: Dementia panel');
		expect(mail.text).toContain('Thank you. We have your application for “Dementia panel”.');
		expect(mail.text).toContain('after the closing date, Friday, 11 December 2026');
	});
});

describe('messages staff wrote', () => {
	const event = {
		id: 1,
		application_id: 9,
		status: 'shortlisted' as const,
		message_subject: 'About the panel',
		message_body: 'Dear Alun,\n\n<b>Good news</b>',
		emailed_at: null,
		member: { id: 'x', full_name: 'Alun', preferred_name: null, email: 'a@example.org' }
	};
	it('go as written, with the email’s own words in the member’s language', () => {
		const cy = decisionEmail(
			{ ...event, member: { ...event.member, display_settings: { language: 'cy' } } },
			'https://t.example'
		);
		expect(cy.subject).toBe('About the panel');
		expect(cy.text).toContain('Dear Alun,\n\n<b>Good news</b>');
		expect(cy.text).toContain('Gallwch ddarllen y neges hon eto');
		expect(cy.html).toContain('&#60;b&#62;Good news');
		expect(cy.html).not.toContain('<b>');
		const en = decisionEmail(event, 'https://t.example');
		expect(en.text).toBe(
			'Dear Alun,\n\n<b>Good news</b>\n\n---\nYou can read this message again, and see your application, on Together: https://t.example/my/applications/9\n'
		);
	});

	it('an idea’s outcome too', () => {
		const idea = {
			id: 5,
			title: 'A walking group',
			outcome: 'We will start it in spring.',
			member: { full_name: 'Alun', email: 'a@example.org' }
		};
		const cy = ideaOutcomeEmail(idea, 'cy');
		expect(cy.subject).toBe('Beth ddigwyddodd i’ch syniad: A walking group');
		expect(cy.text).toContain('We will start it in spring.');
		expect(ideaOutcomeEmail(idea, 'en').text).toContain(
			'Thank you for your idea, "A walking group". Here is a message from the co-production team about it:\n\nWe will start it in spring.'
		);
	});
});

describe('the deletion confirmation', () => {
	it('is in Welsh, with the date in Welsh', () => {
		const mail = deletionEmail(
			{
				email: 'k@example.org',
				name: 'Kofi',
				removed: {},
				kept: { involvements: 1, adjustment_requests: 0, claims: 1 },
				payment_records_kept_until: '2032-04-05'
			},
			'cy'
		);
		expect(mail.subject).toBe('Rydym wedi dileu eich gwybodaeth o Together');
		expect(mail.text).toContain('Helo Kofi,');
		expect(mail.text).toContain('5 Ebrill 2032');
		expect(mail.text).toContain('Beth rydym yn ei gadw:');
		expect(mail.headers?.['Content-Language']).toBe('cy');
	});
});

describe('the invitation to join', () => {
	it('is in English and Welsh, each part marked with its language, as nobody has chosen one yet', () => {
		const mail = invitationEmail({ email: 'n@example.org', name: 'Nia <R>' }, 'https://t.example');
		expect(mail.subject).toBe('You are invited to Together');
		expect(mail.text.startsWith('Cymraeg isod.\n\nHello Nia <R>,\n\n')).toBe(true);
		expect(mail.text).toContain('To sign in, go to https://t.example/sign-in and enter this email address.');
		expect(mail.text).toContain(
			'\n---\n\nHelo Nia <R>,\n\nMae’r tîm cydgynhyrchu wedi eich gwahodd i Together'
		);
		expect(mail.text).toContain(
			'I fewngofnodi, ewch i https://t.example/sign-in a rhowch y cyfeiriad e-bost hwn.'
		);
		expect(mail.html).toContain('<div lang="en-GB">');
		expect(mail.html).toContain('<div lang="cy">');
		expect(mail.html).toContain('Nia &#60;R&#62;');
		expect(mail.headers).toEqual({ 'Content-Language': 'en-GB, cy' });
	});
});
