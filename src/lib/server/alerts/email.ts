// The email that tells a member about new opportunities matching what they chose: plain text
// first (read aloud well, works everywhere), and a simple HTML version of the same words.
// Pure: everything it needs is passed in, so it is tested without a server.
import { OPPORTUNITY_TYPES, formatDate, type OpportunityType } from '../../opportunities';
import { escapeHtml } from '../mail/escape';
import type { Message } from '../mail';

export interface AlertOpportunity {
	id: number;
	type: OpportunityType;
	title: string;
	summary: string;
	closes_at: string | null;
}

export interface AlertEmailInput {
	to: string;
	name: string;
	opportunities: AlertOpportunity[];
	/** The public origin of the site, such as https://together.example.org (no trailing slash). */
	origin: string;
	/** The member's signed token for the change-or-stop page. */
	token: string;
}

export function alertSubject(opportunities: AlertOpportunity[]): string {
	return opportunities.length === 1
		? `New opportunity: ${opportunities[0]!.title}`
		: `${opportunities.length} new opportunities for you`;
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/London' });

/** "Apply by Friday 11 December 2026" (the UK day), or a plain note that there is no closing date. */
export function closingWords(closesAt: string | null): string {
	return closesAt
		? `Apply by ${weekday.format(new Date(closesAt))} ${formatDate(closesAt)}`
		: 'No closing date';
}

export function settingsLink(origin: string, token: string): string {
	return `${origin}/notifications/${token}`;
}

export function composeAlertEmail(input: AlertEmailInput): Message {
	const { origin, opportunities } = input;
	const settings = settingsLink(origin, input.token);
	const choices = `${origin}/my/notifications`;
	const one = opportunities.length === 1;
	const intro = one
		? 'There is a new opportunity that matches what you told us you are interested in.'
		: `There are ${opportunities.length} new opportunities that match what you told us you are interested in.`;
	const items = opportunities.map((o) => ({
		title: o.title,
		kind: OPPORTUNITY_TYPES[o.type] ?? '',
		summary: o.summary,
		closing: closingWords(o.closes_at),
		link: `${origin}/opportunities/${o.id}`
	}));

	const text = [
		`Hello ${input.name},`,
		'',
		intro,
		'',
		...items.flatMap((o) => [
			o.title,
			o.kind,
			o.summary,
			`${o.closing}.`,
			`Read more and apply: ${o.link}`,
			''
		]),
		'Change how often we email you about new opportunities, or stop these emails:',
		settings,
		'',
		'Change the topics and kinds of opportunity you hear about (you will need to sign in):',
		choices,
		'',
		'We always email you about your own applications, claims and adjustments.',
		'',
		'The co-production team, Together'
	].join('\n');

	const html = [
		`<p>Hello ${escapeHtml(input.name)},</p>`,
		`<p>${escapeHtml(intro)}</p>`,
		...items.map(
			(o) =>
				`<h2 style="font-size:1.25em;margin-bottom:0.25em"><a href="${escapeHtml(o.link)}">${escapeHtml(o.title)}</a></h2>` +
				`<p style="margin-top:0">${escapeHtml(o.kind)}<br>${escapeHtml(o.summary)}<br><strong>${escapeHtml(o.closing)}.</strong></p>`
		),
		`<p><a href="${escapeHtml(settings)}">Change how often we email you, or stop these emails</a></p>`,
		`<p><a href="${escapeHtml(choices)}">Change the topics and kinds of opportunity you hear about</a> (you will need to sign in)</p>`,
		'<p>We always email you about your own applications, claims and adjustments.</p>',
		'<p>The co-production team, Together</p>'
	].join('\n');

	return {
		to: input.to,
		subject: alertSubject(opportunities),
		text,
		html,
		headers: {
			// RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs
			// "List-Unsubscribe=One-Click" to this address, which turns these emails off.
			'List-Unsubscribe': `<${settings}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
