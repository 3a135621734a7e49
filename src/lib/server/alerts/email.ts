// The email that tells a member about new opportunities matching what they chose: plain text
// first (read aloud well, works everywhere), and a simple HTML version of the same words.
// Pure: everything it needs is passed in, so it is tested without a server.
import { formatDate, type OpportunityType } from '../../opportunities';
import { welshDate } from '../../i18n/date-words';
import { typeWords } from '../../i18n/opportunity-words';
import type { Locale } from '../../i18n/locale';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { escapeHtml } from '../mail/escape';
import { inLanguage, letter } from '../mail/language';
import type { Message } from '../mail';

export interface AlertOpportunity {
	id: number;
	type: OpportunityType;
	title: string;
	summary: string;
	/** The Welsh version, when staff wrote one. */
	title_cy?: string | null;
	summary_cy?: string | null;
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
	/** The member's language (English unless they chose Cymraeg). */
	locale?: Locale;
}

/** An opportunity's title and summary in the language in use, each with its own language. */
function words(o: AlertOpportunity) {
	const welsh = getLocale() === 'cy';
	const title =
		welsh && o.title_cy ? { text: o.title_cy, english: false } : { text: o.title, english: welsh };
	const summary =
		welsh && o.summary_cy ? { text: o.summary_cy, english: false } : { text: o.summary, english: welsh };
	return { title, summary };
}

export function alertSubject(opportunities: AlertOpportunity[]): string {
	return opportunities.length === 1
		? m.mail_alert_subject_one({ title: words(opportunities[0]!).title.text })
		: m.mail_alert_subject_many({ count: opportunities.length });
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/London' });

/** "Apply by Friday 11 December 2026" (the UK day), or a plain note that there is no closing date. */
export function closingWords(closesAt: string | null): string {
	if (!closesAt) return m.mail_alert_no_closing();
	const date =
		getLocale() === 'cy'
			? welshDate(new Date(closesAt), true)
			: `${weekday.format(new Date(closesAt))} ${formatDate(closesAt)}`;
	return m.mail_alert_apply_by({ date });
}

export function settingsLink(origin: string, token: string): string {
	return `${origin}/notifications/${token}`;
}

/** Marks English words on a Welsh email, so screen readers say them right. */
const inEnglish = (english: boolean) => (english ? ' lang="en"' : '');

export function composeAlertEmail(input: AlertEmailInput): Message {
	const locale = input.locale ?? 'en';
	return inLanguage(locale, () => letter(locale, alertEmail(input)));
}

function alertEmail(input: AlertEmailInput): Message {
	const { origin, opportunities } = input;
	const settings = settingsLink(origin, input.token);
	const choices = `${origin}/my/notifications`;
	const one = opportunities.length === 1;
	const intro = one ? m.mail_alert_intro_one() : m.mail_alert_intro_many({ count: opportunities.length });
	const items = opportunities.map((o) => ({
		...words(o),
		kind: typeWords(o.type),
		closing: closingWords(o.closes_at),
		link: `${origin}/opportunities/${o.id}`
	}));

	const text = [
		m.mail_hello({ name: input.name }),
		'',
		intro,
		'',
		...items.flatMap((o) => [
			o.title.text,
			o.kind,
			o.summary.text,
			`${o.closing}.`,
			m.mail_alert_read_more({ link: o.link }),
			''
		]),
		m.mail_alert_change_text(),
		settings,
		'',
		m.mail_alert_topics_text(),
		choices,
		'',
		m.mail_alert_always(),
		'',
		m.mail_sign_team()
	].join('\n');

	const html = [
		`<p>${escapeHtml(m.mail_hello({ name: input.name }))}</p>`,
		`<p>${escapeHtml(intro)}</p>`,
		...items.map(
			(o) =>
				`<h2 style="font-size:1.25em;margin-bottom:0.25em"><a href="${escapeHtml(o.link)}"${inEnglish(o.title.english)}>${escapeHtml(o.title.text)}</a></h2>` +
				`<p style="margin-top:0">${escapeHtml(o.kind)}<br><span${inEnglish(o.summary.english)}>${escapeHtml(o.summary.text)}</span><br><strong>${escapeHtml(o.closing)}.</strong></p>`
		),
		`<p><a href="${escapeHtml(settings)}">${escapeHtml(m.mail_alert_change_link())}</a></p>`,
		`<p><a href="${escapeHtml(choices)}">${escapeHtml(m.mail_alert_topics_link())}</a> ${escapeHtml(m.mail_alert_sign_in_needed())}</p>`,
		`<p>${escapeHtml(m.mail_alert_always())}</p>`,
		`<p>${escapeHtml(m.mail_sign_team())}</p>`
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
