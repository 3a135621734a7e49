import { describe, expect, it } from 'vitest';
import {
	alertSubject,
	closingWords,
	composeAlertEmail,
	type AlertOpportunity
} from '$lib/server/alerts/email';

const origin = 'https://together.example.org';
const token = '00000000-0000-4000-8000-000000000001.c2lnbmF0dXJl';

const committee: AlertOpportunity = {
	id: 12,
	type: 'committee',
	title: 'Dementia care guideline committee',
	summary: 'Help write the guideline on dementia care.',
	// The end of Friday 11 December 2026 in the UK (GMT in winter).
	closes_at: '2026-12-11T23:59:59Z'
};
const blog: AlertOpportunity = {
	id: 7,
	type: 'writing',
	title: 'Write a blog <about> "care" & you',
	summary: 'Tell your story in your own words.',
	closes_at: null
};

describe('closing dates', () => {
	it('are given as a UK day in words, or said to be open-ended', () => {
		expect(closingWords('2026-12-11T23:59:59Z')).toBe('Apply by Friday 11 December 2026');
		// 23:30 on 30 June UTC is already 1 July in the UK (BST).
		expect(closingWords('2026-06-30T23:30:00Z')).toBe('Apply by Wednesday 1 July 2026');
		expect(closingWords(null)).toBe('No closing date');
	});
});

describe('the subject', () => {
	it('names a single opportunity, or counts several', () => {
		expect(alertSubject([committee])).toBe('New opportunity: Dementia care guideline committee');
		expect(alertSubject([committee, blog])).toBe('2 new opportunities for you');
		expect(alertSubject([committee, blog, committee])).toBe('3 new opportunities for you');
	});
});

describe('the alert email', () => {
	const mail = composeAlertEmail({
		to: 'alex@example.org',
		name: 'Alex',
		opportunities: [committee, blog],
		origin,
		token
	});

	it('is addressed to the member', () => {
		expect(mail.to).toBe('alex@example.org');
		expect(mail.subject).toBe('2 new opportunities for you');
		expect(mail.text.startsWith('Hello Alex,\n')).toBe(true);
	});

	it('lists each opportunity in plain text: title, kind, summary, closing date and link', () => {
		expect(mail.text).toContain(
			[
				'Dementia care guideline committee',
				'Committee',
				'Help write the guideline on dementia care.',
				'Apply by Friday 11 December 2026.',
				'Read more and apply: https://together.example.org/opportunities/12'
			].join('\n')
		);
		expect(mail.text).toContain(
			[
				'Write a blog <about> "care" & you',
				'Writing',
				'Tell your story in your own words.',
				'No closing date.',
				'Read more and apply: https://together.example.org/opportunities/7'
			].join('\n')
		);
		expect(mail.text.indexOf('Dementia')).toBeLessThan(mail.text.indexOf('Write a blog'));
		expect(mail.text).toContain('There are 2 new opportunities that match');
	});

	it('has the links to change or stop, and says which emails always come', () => {
		expect(mail.text).toContain(`stop these emails:\n${origin}/notifications/${token}\n`);
		expect(mail.text).toContain(`(you will need to sign in):\n${origin}/my/notifications\n`);
		expect(mail.text).toContain('We always email you about your own applications, claims and adjustments.');
	});

	it('carries one-click unsubscribe headers (RFC 2369 and RFC 8058)', () => {
		expect(mail.headers).toEqual({
			'Content-Language': 'en-GB',
			'List-Unsubscribe': `<${origin}/notifications/${token}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
	});

	it('escapes what staff wrote in the HTML version, and links the same places', () => {
		expect(mail.html).toContain('Write a blog &#60;about&#62; &#34;care&#34; &#38; you');
		expect(mail.html).not.toContain('<about>');
		expect(mail.html).toContain(`href="${origin}/opportunities/12"`);
		expect(mail.html).toContain(`href="${origin}/notifications/${token}"`);
		expect(mail.html).toContain(`href="${origin}/my/notifications"`);
	});

	it('speaks of one opportunity when there is one', () => {
		const one = composeAlertEmail({
			to: 'a@example.org',
			name: 'Alex',
			opportunities: [committee],
			origin,
			token
		});
		expect(one.subject).toBe('New opportunity: Dementia care guideline committee');
		expect(one.text).toContain(
			'There is a new opportunity that matches what you told us you are interested in.'
		);
	});
});

describe('the alert email in Welsh', () => {
	const welsh = composeAlertEmail({
		to: 'alex@example.org',
		name: 'Alex',
		opportunities: [
			{
				...committee,
				title_cy: 'Pwyllgor canllaw gofal dementia',
				summary_cy: 'Helpwch i ysgrifennu’r canllaw.'
			},
			blog
		],
		origin,
		token,
		locale: 'cy'
	});

	it('is in Welsh for a member who chose Cymraeg, with the Welsh version of an opportunity', () => {
		expect(welsh.subject).toBe('2 cyfle newydd i chi');
		expect(welsh.text.startsWith('Helo Alex,\n')).toBe(true);
		expect(welsh.text).toContain('Pwyllgor canllaw gofal dementia');
		expect(welsh.text).not.toContain('Dementia care guideline committee');
		expect(welsh.text).toContain('Gwnewch gais erbyn Dydd Gwener, 11 Rhagfyr 2026.');
		expect(welsh.text).toContain('Dim dyddiad cau.');
		expect(welsh.text).toContain(`Darllenwch fwy a gwneud cais: ${origin}/opportunities/12\n`);
		expect(welsh.text).not.toContain('Apply by');
	});

	it('says its language, and marks English left on a Welsh email', () => {
		expect(welsh.headers?.['Content-Language']).toBe('cy');
		expect(welsh.headers?.['List-Unsubscribe']).toBe(`<${origin}/notifications/${token}>`);
		expect(welsh.html).toContain('<html lang="cy">');
		// The blog has no Welsh version: its English title is marked, the Welsh one is not.
		expect(welsh.html).toContain(`<a href="${origin}/opportunities/7" lang="en">Write a blog`);
		expect(welsh.html).toContain(`<a href="${origin}/opportunities/12">Pwyllgor`);
	});

	it('leaves the English email as it was', () => {
		const english = composeAlertEmail({
			to: 'a@example.org',
			name: 'Alex',
			opportunities: [committee],
			origin,
			token
		});
		expect(english.html).toContain('<html lang="en-GB">');
		expect(english.html).not.toContain('lang="en"');
	});
});
