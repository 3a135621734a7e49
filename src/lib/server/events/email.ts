// Emails about a booking, in plain words (the feedback request in easy read): confirmation with the
// calendar file, waiting list, a place offered, reminders with what was arranged for the person's
// access needs, and the request for feedback after the event. Pure: everything is passed in.
import { describeItem, CATEGORY_INFO, type NeedItem } from '../../adjustments';
import { daysAhead } from '../../events';
import { offerDeadline } from '../../booking-view';
import { formatMeetingWhen } from '../../meetings';
import { escapeHtml } from '../mail/escape';
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
	opportunity_id: number;
	title: string;
	offer_expires_at: string | null;
	arranged: string | null;
	shared: NeedItem[];
	questions: string[];
	answers: string[];
	meetings: NoticeMeeting[];
}

export type NoticeKind = 'confirmed' | 'waiting' | 'offer' | 'reminder' | 'feedback';

const TEAM =
	'If you have a question, or need to cancel, call the co-production team on 0161 000 0000 (Monday to Friday, 9am to 5pm) or reply to this email.';

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
		lines.push(`${m.title}: ${formatMeetingWhen(m)}`);
		if (m.place) lines.push(`Where: ${m.place}`);
		if (m.location_type !== 'in_person') {
			lines.push(
				withLinks && m.joining_link
					? `Joining link: ${m.joining_link}`
					: 'Online: the joining link comes with your booking.'
			);
		}
		lines.push('');
	}
	return lines;
}

function sharedLines(b: NoticeBooking): string[] {
	if (b.guest) return [];
	if (b.shared.length === 0)
		return ['You did not share any access needs for this event. You can tell us any time by replying.', ''];
	return [
		'What you shared about your access needs for this event:',
		...b.shared.map((i) => `- ${CATEGORY_INFO[i.category].label}: ${describeItem(i).join('. ')}`),
		''
	];
}

function answerLines(b: NoticeBooking): string[] {
	const pairs = b.questions.map((q, i) => ({ q, a: b.answers[i] ?? '' })).filter((p) => p.a.trim() !== '');
	if (pairs.length === 0) return [];
	return ['Your answers:', ...pairs.map((p) => `- ${p.q} ${p.a}`), ''];
}

function html(text: string): string {
	return text
		.split('\n\n')
		.map(
			(p) =>
				`<p>${escapeHtml(p)
					.replace(/\n/g, '<br>')
					.replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`
		)
		.join('\n');
}

function message(b: NoticeBooking, subject: string, lines: string[], extra: Partial<Message> = {}): Message {
	const text =
		lines
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim() + '\n';
	return { to: b.email, subject, text, html: html(text), ...extra };
}

export function calendarFor(b: NoticeBooking, origin: string, now?: Date): string {
	return buildCalendar({
		now,
		events: b.meetings.map((m) => ({
			uid: `booking-${b.id}-meeting-${m.id}@together`,
			title: b.meetings.length > 1 ? `${b.title}: ${m.title}` : b.title,
			starts_at: m.starts_at,
			ends_at: m.ends_at,
			location: m.place ?? (m.location_type === 'online' ? 'Online' : null),
			description: [
				m.joining_link ? `Joining link: ${m.joining_link}` : null,
				b.arranged ? `Arranged for you: ${b.arranged}` : null
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
	const hello = `Hello ${b.name},`;
	const page = bookingPage(b, origin);
	const ownLink = !b.guest || !!b.guest_token;
	switch (kind) {
		case 'confirmed':
			return message(
				b,
				`You have a place: ${b.title}`,
				[
					hello,
					'',
					`You have a place at ${b.title}.`,
					'',
					...whenAndWhere(b, true),
					...sharedLines(b),
					...answerLines(b),
					'The calendar file with this email puts it in your calendar.',
					'',
					ownLink
						? `See or cancel your booking: ${page}`
						: 'If you cannot come, please reply to this email so we can give your place to someone else.',
					'',
					TEAM
				],
				{
					attachments: [
						{
							filename: 'event.ics',
							contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
							content: calendarFor(b, origin, options.now)
						}
					]
				}
			);
		case 'waiting':
			return message(b, `You are on the waiting list: ${b.title}`, [
				hello,
				'',
				`${b.title} is full, so you are on the waiting list.`,
				'',
				b.guest
					? 'If a place becomes free, we will book it for you and email you.'
					: 'If a place becomes free, we will email you and keep it for you for a while, so you can say yes or no.',
				'',
				...whenAndWhere(b, false),
				ownLink ? `See your booking or leave the waiting list: ${page}` : '',
				'',
				TEAM
			]);
		case 'offer':
			return message(b, `A place is free for you: ${b.title}`, [
				hello,
				'',
				`Good news: a place at ${b.title} is free, and it is yours if you want it.`,
				'',
				`Please say yes or no by ${offerDeadline(b.offer_expires_at)}. After that, we offer it to the next person.`,
				'',
				`Say yes or no: ${page}`,
				'',
				...whenAndWhere(b, false),
				TEAM
			]);
		case 'reminder':
			return message(b, `Reminder: ${b.title} is ${daysAhead(options.days ?? 1)}`, [
				hello,
				'',
				`This is a reminder that ${b.title} is ${daysAhead(options.days ?? 1)}.`,
				'',
				...whenAndWhere(b, true),
				...(b.guest
					? []
					: b.arranged
						? ['What we arranged for your access needs:', b.arranged, '']
						: b.shared.length > 0
							? [
									'We have your access needs for this event. If anything is not arranged yet, we will contact you.',
									''
								]
							: []),
				...sharedLines(b),
				ownLink ? `See or cancel your booking: ${page}` : '',
				'',
				TEAM
			]);
		case 'feedback':
			return message(b, `Tell us what you thought: ${b.title}`, [
				hello,
				'',
				`Thank you for coming to ${b.title}.`,
				'',
				'We want to know what you thought.',
				'',
				'It takes 2 minutes.',
				'',
				'You can choose good, OK or not good.',
				'',
				'You can write more if you want to.',
				'',
				!b.guest
					? `Tell us here: ${origin}/my/bookings/${b.id}/feedback`
					: ownLink
						? `Tell us here: ${page}`
						: 'Just reply to this email.',
				'',
				'Or call us on 0161 000 0000.',
				'',
				'Thank you.'
			]);
	}
}
