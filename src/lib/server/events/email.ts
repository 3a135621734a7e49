// Emails about a booking, in plain words (the feedback request in easy read): confirmation with the
// calendar file, waiting list, a place offered, reminders with what was arranged for the person's
// access needs, and the request for feedback after the event. Pure: everything is passed in.
import type { NeedItem } from '../../adjustments';
import type { Locale } from '../../i18n/locale';
import { categoryWords, describeItemWords } from '../../i18n/needs-words';
import { meetingWhenWords, offerDeadlineWords } from '../../i18n/booking-words';
import { m as words } from '$lib/paraglide/messages';
import { inLanguage, letter } from '../mail/language';
import type { Message } from '../mail';
import { buildCalendar } from './ics';

export interface NoticeMeeting {
	id: number;
	title: string;
	starts_at: string;
	ends_at: string;
	location_type: 'in_person' | 'online' | 'hybrid';
	place: string | null;
	joining_link: string | null;
}

export interface NoticeBooking {
	id: number;
	status: string;
	guest: boolean;
	/** A guest's own link to see, cancel or give feedback on their booking (/bookings/<token>). */
	guest_token?: string | null;
	email: string;
	name: string;
	/** The language of the emails: the member's (display settings); English for guests. */
	locale?: Locale;
	opportunity_id: number;
	title: string;
	/** The event's Welsh title, when staff wrote one. */
	title_cy?: string | null;
	offer_expires_at: string | null;
	arranged: string | null;
	shared: NeedItem[];
	questions: string[];
	answers: string[];
	meetings: NoticeMeeting[];
}

export type NoticeKind = 'confirmed' | 'waiting' | 'offer' | 'reminder' | 'feedback';

/** "tomorrow", "in a week", "in 3 days", in the email's language. */
function daysAheadWords(days: number): string {
	if (days === 1) return words.mail_book_days_tomorrow();
	if (days === 7) return words.mail_book_days_week();
	return words.mail_book_days_n({ days });
}

/** The page about this booking: a member's booking page, or a guest's own link. */
function bookingPage(b: NoticeBooking, origin: string): string {
	if (!b.guest) return `${origin}/my/bookings/${b.id}`;
	return b.guest_token
		? `${origin}/bookings/${b.guest_token}`
		: `${origin}/opportunities/${b.opportunity_id}`;
}

function whenAndWhere(b: NoticeBooking, withLinks: boolean): string[] {
	const lines: string[] = [];
	for (const m of b.meetings) {
		lines.push(`${m.title}: ${meetingWhenWords(m)}`);
		if (m.place) lines.push(words.mail_book_where({ place: m.place }));
		if (m.location_type !== 'in_person') {
			lines.push(
				withLinks && m.joining_link
					? words.mail_book_joining_link({ link: m.joining_link })
					: words.mail_book_online_later()
			);
		}
		lines.push('');
	}
	return lines;
}

function sharedLines(b: NoticeBooking): string[] {
	if (b.guest) return [];
	if (b.shared.length === 0) return [words.mail_book_no_needs(), ''];
	return [
		words.mail_book_shared(),
		...b.shared.map((i) => `- ${categoryWords(i.category)}: ${describeItemWords(i).join('. ')}`),
		''
	];
}

function answerLines(b: NoticeBooking): string[] {
	const pairs = b.questions.map((q, i) => ({ q, a: b.answers[i] ?? '' })).filter((p) => p.a.trim() !== '');
	if (pairs.length === 0) return [];
	return [words.mail_book_answers(), ...pairs.map((p) => `- ${p.q} ${p.a}`), ''];
}

function message(b: NoticeBooking, subject: string, lines: string[], extra: Partial<Message> = {}): Message {
	const text =
		lines
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim() + '\n';
	return letter(b.locale ?? 'en', { to: b.email, subject, text, ...extra });
}

/** The event's title in the email's language. */
function titleOf(b: NoticeBooking): string {
	return b.locale === 'cy' && b.title_cy?.trim() ? b.title_cy : b.title;
}

export function calendarFor(b: NoticeBooking, origin: string, now?: Date): string {
	return inLanguage(b.locale ?? 'en', () => calendar(b, origin, now));
}

function calendar(b: NoticeBooking, origin: string, now?: Date): string {
	const title = titleOf(b);
	return buildCalendar({
		now,
		events: b.meetings.map((m) => ({
			uid: `booking-${b.id}-meeting-${m.id}@together`,
			title: b.meetings.length > 1 ? `${title}: ${m.title}` : title,
			starts_at: m.starts_at,
			ends_at: m.ends_at,
			location: m.place ?? (m.location_type === 'online' ? words.mail_book_online() : null),
			description: [
				m.joining_link ? words.mail_book_joining_link({ link: m.joining_link }) : null,
				b.arranged ? words.mail_book_cal_arranged({ arranged: b.arranged }) : null
			]
				.filter(Boolean)
				.join('\n'),
			url: bookingPage(b, origin)
		}))
	});
}

export function composeBookingEmail(
	kind: NoticeKind,
	b: NoticeBooking,
	origin: string,
	options: { days?: number; now?: Date } = {}
): Message {
	return inLanguage(b.locale ?? 'en', () => bookingEmail(kind, b, origin, options));
}

function bookingEmail(
	kind: NoticeKind,
	b: NoticeBooking,
	origin: string,
	options: { days?: number; now?: Date }
): Message {
	const hello = words.mail_hello({ name: b.name });
	const title = titleOf(b);
	const TEAM = words.mail_book_team();
	const page = bookingPage(b, origin);
	const ownLink = !b.guest || !!b.guest_token;
	switch (kind) {
		case 'confirmed':
			return message(
				b,
				words.mail_book_confirmed_subject({ title }),
				[
					hello,
					'',
					words.mail_book_confirmed_text({ title }),
					'',
					...whenAndWhere(b, true),
					...sharedLines(b),
					...answerLines(b),
					words.mail_book_calendar(),
					'',
					ownLink ? words.mail_book_see_cancel({ link: page }) : words.mail_book_cannot_come(),
					'',
					TEAM
				],
				{
					attachments: [
						{
							filename: 'event.ics',
							contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
							content: calendar(b, origin, options.now)
						}
					]
				}
			);
		case 'waiting':
			return message(b, words.mail_book_waiting_subject({ title }), [
				hello,
				'',
				words.mail_book_waiting_text({ title }),
				'',
				b.guest ? words.mail_book_waiting_guest() : words.mail_book_waiting_member(),
				'',
				...whenAndWhere(b, false),
				ownLink ? words.mail_book_waiting_see({ link: page }) : '',
				'',
				TEAM
			]);
		case 'offer':
			return message(b, words.mail_book_offer_subject({ title }), [
				hello,
				'',
				words.mail_book_offer_text({ title }),
				'',
				words.mail_book_offer_by({ deadline: offerDeadlineWords(b.offer_expires_at) }),
				'',
				words.mail_book_offer_answer({ link: page }),
				'',
				...whenAndWhere(b, false),
				TEAM
			]);
		case 'reminder':
			return message(
				b,
				words.mail_book_reminder_subject({ title, when: daysAheadWords(options.days ?? 1) }),
				[
					hello,
					'',
					words.mail_book_reminder_text({ title, when: daysAheadWords(options.days ?? 1) }),
					'',
					...whenAndWhere(b, true),
					...(b.guest
						? []
						: b.arranged
							? [words.mail_book_arranged(), b.arranged, '']
							: b.shared.length > 0
								? [words.mail_book_needs_pending(), '']
								: []),
					...sharedLines(b),
					ownLink ? words.mail_book_see_cancel({ link: page }) : '',
					'',
					TEAM
				]
			);
		case 'feedback':
			return message(b, words.mail_book_feedback_subject({ title }), [
				hello,
				'',
				words.mail_book_feedback_thanks({ title }),
				'',
				words.mail_book_feedback_want(),
				'',
				words.mail_book_feedback_minutes(),
				'',
				words.mail_book_feedback_choose(),
				'',
				words.mail_book_feedback_more(),
				'',
				!b.guest
					? words.mail_book_feedback_here({ link: `${origin}/my/bookings/${b.id}/feedback` })
					: ownLink
						? words.mail_book_feedback_here({ link: page })
						: words.mail_book_feedback_reply(),
				'',
				words.mail_book_feedback_call(),
				'',
				words.mail_book_feedback_thank_you()
			]);
	}
}
