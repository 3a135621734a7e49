// Emails in the member's own language. A member's language is the Language choice in their display
// settings (profiles.display_settings.language): "cy" gets Welsh, anything else ("en", or "the same
// as my device", which no email can know) gets English. A sign-in code goes in the language of the
// page it was asked from.
//
// The words are catalogue messages (messages/en.json, messages/cy.json). `inLanguage` runs the code
// that writes an email with Paraglide's language set to the member's, so every m.…() call inside it,
// and the words helpers in $lib/i18n that read getLocale(), give that language — in a background job
// as much as in a request. `letter` finishes the email: an HTML part with <html lang> (made from the
// plain text when the email has none), and a Content-Language header.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SupabaseClient } from '@supabase/supabase-js';
import { htmlLang, type Locale } from '$lib/i18n/locale';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage,
	type Locale as ParaglideLocale
} from '$lib/paraglide/runtime';
import { escapeHtml } from './escape';
import type { Message } from './index';

/** The language of a member's emails, from their saved display settings. */
export function emailLanguage(displaySettings: unknown): Locale {
	const language =
		displaySettings && typeof displaySettings === 'object'
			? (displaySettings as { language?: unknown }).language
			: undefined;
	return language === 'cy' ? 'cy' : 'en';
}

/** The email language of each member (English for anyone not found). */
export async function emailLanguages(db: SupabaseClient, memberIds: string[]): Promise<Map<string, Locale>> {
	const languages = new Map<string, Locale>();
	const ids = [...new Set(memberIds)];
	if (ids.length === 0) return languages;
	const { data, error } = await db.from('profiles').select('id, display_settings').in('id', ids);
	if (error) throw new Error(`Members' languages: ${error.message}`);
	for (const row of data as { id: string; display_settings: unknown }[])
		languages.set(row.id, emailLanguage(row.display_settings));
	return languages;
}

/** One member's email language. */
export async function emailLanguageOf(db: SupabaseClient, memberId: string): Promise<Locale> {
	return (await emailLanguages(db, [memberId])).get(memberId) ?? 'en';
}

/**
 * Runs `write` (which must not wait for anything) with the messages in `locale`. Paraglide keeps a
 * request's language in AsyncLocalStorage; a background job has none, so one is made here.
 */
export function inLanguage<T>(locale: Locale, write: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale: locale as ParaglideLocale, messageCalls: new Set() }, write) as T;
}

/** Plain text as simple HTML: paragraphs at blank lines, line breaks, and addresses as links. */
export function textToHtml(text: string): string {
	return text
		.trim()
		.split(/\n{2,}/)
		.map(
			(p) =>
				`<p>${escapeHtml(p)
					.replace(/\n/g, '<br>')
					.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`
		)
		.join('\n');
}

/** An HTML part as a whole document in the email's language. */
export function htmlDocument(locale: Locale, body: string): string {
	return (
		`<!doctype html>\n<html lang="${htmlLang(locale)}">\n<head><meta charset="utf-8"></head>\n` +
		`<body>\n${body}\n</body>\n</html>\n`
	);
}

/**
 * An email in `locale`: the HTML part (given as the body's HTML, else made from the plain text)
 * becomes a document with <html lang>, and Content-Language says the language to mail programs.
 */
export function letter(locale: Locale, message: Message): Message {
	return {
		...message,
		html: htmlDocument(locale, message.html ?? textToHtml(message.text)),
		headers: { ...message.headers, 'Content-Language': htmlLang(locale) }
	};
}
