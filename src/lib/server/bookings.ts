// Booking places on events and training. Members book, cancel and answer offers through database
// functions with their own JWT (RLS and the functions decide); guests book through book_guest_place,
// which only the service role may call; staff set up booking, see who is coming (shared access needs
// through the audited staff_event_bookings) and mark attendance. Emails go through the booking job
// (events/deliver.ts), run right after a booking changes and by the scheduled jobs.
import { randomUUID } from 'node:crypto';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { BookingView } from '$lib/booking-view';
import { sortItems } from './adjustments';
import type { NeedItem } from '$lib/adjustments';
import { isBookingErrorKey, type BookingErrorKey, type BookingStatus } from '$lib/events';
import { config } from './config';
import { fail } from './db/fail';
import { serviceClient } from './db/service';
import { bookingErrorWords } from '$lib/i18n/error-words';
import type { Locale } from '$lib/i18n/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { sendMail } from './mail';
import { deliverBookingNotices, type BookingJobResult } from './events/deliver';
import { calendarFor, type NoticeMeeting } from './events/email';

export class BookingError extends Error {
	constructor(readonly key: BookingErrorKey) {
		super(bookingErrorWords(key));
		this.name = 'BookingError';
	}
}

function refuse(context: string, error: PostgrestError): never {
	if (isBookingErrorKey(error.message)) throw new BookingError(error.message);
	fail(context, error);
}

// The job ------------------------------------------------------------------------------------------

export function runBookingJob(now = new Date()): Promise<BookingJobResult> {
	return deliverBookingNotices({ db: serviceClient(), send: sendMail, origin: config.origin, now });
}

/** Sends what is due for these bookings now (confirmation, waiting list, offers); errors are logged. */
export async function notifyBookings(ids: number[]): Promise<void> {
	if (ids.length === 0) return;
	try {
		await deliverBookingNotices({
			db: serviceClient(),
			send: sendMail,
			origin: config.origin,
			bookings: ids
		});
	} catch (error) {
		console.error('Booking emails failed; the scheduled jobs will try again:', error);
	}
}

/**
 * The bookings of an event that may have something due after a place was freed: people offered it,
 * and guests booked straight from the waiting list. Only notices not yet sent go out.
 */
async function takingPlaces(opportunityId: number): Promise<number[]> {
	const { data, error } = await serviceClient()
		.from('bookings')
		.select('id')
		.eq('opportunity_id', opportunityId)
		.in('status', ['offered', 'booked']);
	if (error) console.error('Bookings to tell:', error.message);
	return ((data ?? []) as { id: number }[]).map((r) => r.id);
}

// Settings -----------------------------------------------------------------------------------------

export interface EventSettings {
	opportunity_id: number;
	places: number;
	held_for_members: number;
	booking_closes_at: string | null;
	public_booking: boolean;
	questions: string[];
	reminder_days: number[];
	offer_hours: number;
}

export const EVENT_SETTINGS_COLUMNS =
	'opportunity_id, places, held_for_members, booking_closes_at, public_booking, questions, reminder_days, offer_hours';

export async function getEventSettings(
	db: SupabaseClient,
	opportunityId: number
): Promise<EventSettings | null> {
	const { data, error } = await db
		.from('event_settings')
		.select(EVENT_SETTINGS_COLUMNS)
		.eq('opportunity_id', opportunityId)
		.maybeSingle();
	if (error) fail('Booking settings', error);
	return data as EventSettings | null;
}

export async function saveEventSettings(
	db: SupabaseClient,
	opportunityId: number,
	input: Omit<EventSettings, 'opportunity_id'>
): Promise<void> {
	const { error } = await db
		.from('event_settings')
		.upsert({ opportunity_id: opportunityId, ...input }, { onConflict: 'opportunity_id' });
	if (error) refuse('Save booking settings', error);
}

export async function removeEventSettings(db: SupabaseClient, opportunityId: number): Promise<void> {
	const { error } = await db.from('event_settings').delete().eq('opportunity_id', opportunityId);
	if (error) fail('Stop booking', error);
}

// The booking panel on an opportunity ----------------------------------------------------------------

export interface Places {
	places: number;
	left: number;
	guests_left: number;
	waiting: number;
}

export interface MyBookingSummary {
	id: number;
	status: BookingStatus;
	offer_expires_at: string | null;
	position: number | null;
}

export interface BookingPanel {
	settings: EventSettings;
	places: Places;
	/** Booking is open now (published, before the closing time and the start). */
	open: boolean;
	starts_at: string | null;
	ends_at: string | null;
	mine: MyBookingSummary | null;
	/** The member's access needs, to choose what to share. */
	needs: NeedItem[];
}

async function eventTimes(
	db: SupabaseClient,
	opportunityId: number
): Promise<{ starts_at: string | null; ends_at: string | null }> {
	const { data, error } = await db.rpc('event_times', { opportunity: opportunityId });
	if (error) fail('Event times', error);
	const row = (data as { starts_at: string | null; ends_at: string | null }[])[0];
	return { starts_at: row?.starts_at ?? null, ends_at: row?.ends_at ?? null };
}

export async function findMyBooking(
	db: SupabaseClient,
	memberId: string,
	opportunityId: number
): Promise<MyBookingSummary | null> {
	const { data, error } = await db
		.from('bookings')
		.select('id, status, offer_expires_at')
		.eq('opportunity_id', opportunityId)
		.eq('member_id', memberId)
		.neq('status', 'cancelled')
		.maybeSingle();
	if (error) fail('Your booking', error);
	if (!data) return null;
	const b = data as Omit<MyBookingSummary, 'position'>;
	return { ...b, position: await waitingPosition(db, b) };
}

async function waitingPosition(
	db: SupabaseClient,
	b: { id: number; status: string }
): Promise<number | null> {
	if (b.status !== 'waiting') return null;
	const { data, error } = await db.rpc('waiting_position', { booking: b.id });
	if (error) fail('Waiting list', error);
	return data as number | null;
}

export async function bookingPanel(
	db: SupabaseClient,
	memberId: string | null,
	opportunityId: number,
	status: string,
	now = new Date(),
	/** Its booking settings when already read (null: it takes no bookings); read here when left out. */
	known?: EventSettings | null
): Promise<BookingPanel | null> {
	const settings = known === undefined ? await getEventSettings(db, opportunityId) : known;
	if (!settings) return null;
	const [places, { starts_at, ends_at }, mine, needs] = await Promise.all([
		db.rpc('event_places', { opportunity: opportunityId }),
		eventTimes(db, opportunityId),
		memberId ? findMyBooking(db, memberId, opportunityId) : null,
		memberId ? myNeeds(db, memberId) : []
	]);
	if (places.error) fail('Places', places.error);
	const open =
		status === 'published' &&
		(!settings.booking_closes_at || Date.parse(settings.booking_closes_at) > now.getTime()) &&
		(!starts_at || Date.parse(starts_at) > now.getTime());
	return {
		settings,
		places: (places.data as Places | null) ?? {
			places: settings.places,
			left: 0,
			guests_left: 0,
			waiting: 0
		},
		open,
		starts_at,
		ends_at,
		mine,
		needs
	};
}

async function myNeeds(db: SupabaseClient, memberId: string): Promise<NeedItem[]> {
	const { data, error } = await db
		.from('access_need_items')
		.select(
			'category, options, note, large_print_size, papers_days_before, break_every_minutes, break_minutes'
		)
		.eq('member_id', memberId);
	if (error) fail('Your access needs', error);
	return sortItems(data as NeedItem[]);
}

// Member actions -----------------------------------------------------------------------------------

export interface BookingRow {
	id: number;
	opportunity_id: number;
	status: BookingStatus;
}

export async function bookPlace(
	db: SupabaseClient,
	opportunityId: number,
	share: string[],
	answers: string[],
	requestKey: string
): Promise<BookingRow> {
	const { data, error } = await db.rpc('book_place', {
		opportunity: opportunityId,
		share,
		answers,
		request_key: requestKey
	});
	if (error) refuse('Book a place', error);
	const booking = data as BookingRow;
	await notifyBookings([booking.id]);
	return booking;
}

export async function cancelBooking(db: SupabaseClient, id: number): Promise<BookingRow> {
	const { data, error } = await db.rpc('cancel_booking', { booking: id });
	if (error) refuse('Cancel a booking', error);
	const booking = data as BookingRow;
	await notifyBookings(await takingPlaces(booking.opportunity_id));
	return booking;
}

export async function answerOffer(db: SupabaseClient, id: number, accept: boolean): Promise<BookingRow> {
	const { data, error } = await db.rpc('answer_booking_offer', { booking: id, accept });
	if (error) refuse('Answer an offer', error);
	const booking = data as BookingRow;
	await notifyBookings(accept ? [booking.id] : await takingPlaces(booking.opportunity_id));
	return booking;
}

/** A guest's booking, through the service role (only the server may call book_guest_place). */
export async function bookAsGuest(
	opportunityId: number,
	guest: { name: string; email: string },
	answers: string[],
	requestKey: string,
	/** The language of the page they booked from: the emails about the booking are in it. */
	language: Locale = 'en'
): Promise<BookingRow> {
	const { data, error } = await serviceClient().rpc('book_guest_place', {
		opportunity: opportunityId,
		guest_name: guest.name,
		guest_email: guest.email,
		answers,
		request_key: requestKey
	});
	if (error) refuse('Book a place as a guest', error);
	const booking = data as BookingRow;
	const saved = await serviceClient()
		.from('bookings')
		.update({ guest_language: language })
		.eq('id', booking.id)
		.is('member_id', null);
	if (saved.error) fail('The language of a guest’s emails', saved.error);
	await notifyBookings([booking.id]);
	return { id: booking.id, opportunity_id: booking.opportunity_id, status: booking.status };
}

// A guest's own link ------------------------------------------------------------------------------
// Every email to a guest carries /bookings/<token>: with it they see their place, cancel it in one
// step and, after the event, say what they thought. Only the server reads the token (service role).

export interface GuestBooking {
	id: number;
	opportunity_id: number;
	title: string;
	name: string;
	status: BookingStatus;
	attended: boolean | null;
	starts_at: string;
	ends_at: string;
	can_cancel: boolean;
	can_give_feedback: boolean;
	feedback: { rating: 'good' | 'ok' | 'not_good'; comment: string | null } | null;
}

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guest's booking behind a link, or null when the link is not one of ours. */
export async function guestBooking(token: string): Promise<GuestBooking | null> {
	if (!TOKEN.test(token)) return null;
	const { data, error } = await serviceClient().rpc('guest_booking', { token });
	if (error) fail('A guest’s booking', error);
	return (data as GuestBooking | null) ?? null;
}

/** Cancel a guest's place (or leave the waiting list); the place goes to the next person. */
export async function cancelGuestBooking(token: string): Promise<void> {
	if (!TOKEN.test(token)) throw new BookingError('not_found');
	const { data, error } = await serviceClient().rpc('cancel_guest_booking', { token });
	if (error) refuse('Cancel a guest’s booking', error);
	await notifyBookings(await takingPlaces((data as BookingRow).opportunity_id));
}

export async function giveGuestFeedback(
	token: string,
	rating: 'good' | 'ok' | 'not_good',
	comment: string | null
): Promise<void> {
	if (!TOKEN.test(token)) throw new BookingError('not_found');
	const { error } = await serviceClient().rpc('give_guest_event_feedback', { token, rating, comment });
	if (error) refuse('A guest’s feedback', error);
}

/** At most a few guest bookings per client an hour (the form is public). */
export async function guestWithinLimit(clientAddress: string): Promise<boolean> {
	const { data, error } = await serviceClient().rpc('take_rate_limit', {
		bucket_key: `guest-booking:${clientAddress}`,
		max_hits: 20,
		window_seconds: 3600
	});
	if (error) fail('Rate limit', error);
	return data === true;
}

// My bookings --------------------------------------------------------------------------------------

export interface MyBooking {
	id: number;
	opportunity_id: number;
	status: BookingStatus;
	offer_expires_at: string | null;
	arranged: string | null;
	attended: boolean | null;
	answers: string[];
	created_at: string;
	title: string;
	/** The opportunity's Welsh title, when it has one. */
	title_cy: string | null;
	type: string;
	starts_at: string | null;
	ends_at: string | null;
	position: number | null;
}

export async function listMyBookings(db: SupabaseClient, memberId: string): Promise<MyBooking[]> {
	const { data, error } = await db
		.from('bookings')
		.select(
			'id, opportunity_id, status, offer_expires_at, arranged, attended, answers, created_at, opportunities (title, title_cy, type)'
		)
		.eq('member_id', memberId)
		.order('created_at', { ascending: false })
		.limit(100);
	if (error) fail('Your bookings', error);
	const rows = data as unknown as (Omit<
		MyBooking,
		'title' | 'title_cy' | 'type' | 'starts_at' | 'ends_at' | 'position'
	> & {
		opportunities: { title: string; title_cy: string | null; type: string };
	})[];
	const list = await Promise.all(
		rows.map(async ({ opportunities, ...b }) => {
			const { data: times } = await db.rpc('event_times', { opportunity: b.opportunity_id });
			const t = (times as { starts_at: string; ends_at: string }[] | null)?.[0];
			return {
				...b,
				title: opportunities.title,
				title_cy: opportunities.title_cy,
				type: opportunities.type,
				starts_at: t?.starts_at ?? null,
				ends_at: t?.ends_at ?? null,
				position: await waitingPosition(db, b)
			};
		})
	);
	return list;
}

export interface MyBookingInFull extends MyBooking {
	shared: NeedItem[];
	questions: string[];
	meetings: NoticeMeeting[];
	feedback: { rating: string; comment: string | null } | null;
}

export async function getMyBooking(
	db: SupabaseClient,
	memberId: string,
	id: number
): Promise<MyBookingInFull | null> {
	const { data, error } = await db
		.from('bookings')
		.select(
			'id, opportunity_id, status, offer_expires_at, arranged, attended, answers, created_at, ' +
				'opportunities (title, title_cy, type, event_settings (questions)), ' +
				'booking_access_items (category, options, note, large_print_size, papers_days_before, break_every_minutes, break_minutes), ' +
				'booking_feedback (rating, comment)'
		)
		.eq('id', id)
		.eq('member_id', memberId)
		.maybeSingle();
	if (error) fail('Your booking', error);
	if (!data) return null;
	const row = data as unknown as Omit<
		MyBooking,
		'title' | 'title_cy' | 'type' | 'starts_at' | 'ends_at' | 'position'
	> & {
		opportunities: {
			title: string;
			title_cy: string | null;
			type: string;
			event_settings: { questions: string[] } | null;
		};
		booking_access_items: NeedItem[];
		booking_feedback: { rating: string; comment: string | null } | null;
	};
	const { data: meetings, error: meetingsError } = await db
		.from('meetings')
		.select('id, title, starts_at, ends_at, location_type, place')
		.eq('opportunity_id', row.opportunity_id)
		.order('starts_at');
	if (meetingsError) fail('Meetings', meetingsError);
	const withLinks = await Promise.all(
		(meetings as Omit<NoticeMeeting, 'joining_link'>[]).map(async (m) => {
			if (m.location_type === 'in_person' || row.status !== 'booked') return { ...m, joining_link: null };
			const link = await db.rpc('meeting_joining_link', { meeting: m.id });
			return { ...m, joining_link: (link.data as string | null) ?? null };
		})
	);
	const { opportunities, booking_access_items, booking_feedback, ...b } = row;
	return {
		...b,
		title: opportunities.title,
		title_cy: opportunities.title_cy,
		type: opportunities.type,
		starts_at: withLinks[0]?.starts_at ?? null,
		ends_at: withLinks.at(-1)?.ends_at ?? null,
		position: await waitingPosition(db, b),
		shared: sortItems(booking_access_items),
		questions: opportunities.event_settings?.questions ?? [],
		meetings: withLinks,
		feedback: Array.isArray(booking_feedback) ? (booking_feedback[0] ?? null) : booking_feedback
	};
}

/**
 * The calendar file for a member's own booking (only when booked and the event has meetings), in the
 * language of the page it is downloaded from.
 */
export function calendarOf(b: MyBookingInFull, member: { email: string; name: string }): string | null {
	if (b.status !== 'booked' || b.meetings.length === 0) return null;
	return calendarFor(
		{
			id: b.id,
			status: b.status,
			guest: false,
			email: member.email,
			name: member.name,
			locale: getLocale() === 'cy' ? 'cy' : 'en',
			opportunity_id: b.opportunity_id,
			title: b.title,
			title_cy: b.title_cy,
			offer_expires_at: null,
			arranged: b.arranged,
			shared: b.shared,
			questions: b.questions,
			answers: b.answers,
			meetings: b.meetings
		},
		config.origin
	);
}

export async function giveFeedback(
	db: SupabaseClient,
	id: number,
	rating: 'good' | 'ok' | 'not_good',
	comment: string | null
): Promise<void> {
	const { error } = await db.rpc('give_event_feedback', { booking: id, rating, comment });
	if (error) refuse('Feedback', error);
}

// Staff --------------------------------------------------------------------------------------------

/** What staff see for a guest whose details the retention job has removed. */
const DETAILS_REMOVED = 'A guest (details removed)';

export interface StaffBooking {
	id: number;
	status: BookingStatus;
	member_id: string | null;
	name: string;
	email: string;
	phone: string | null;
	guest: boolean;
	answers: string[];
	arranged: string | null;
	attended: boolean | null;
	waiting_since: string | null;
	booked_at: string | null;
	offer_expires_at: string | null;
	shared_count: number;
	/** Null for staff who do not arrange adjustments. */
	shared: NeedItem[] | null;
}

export async function staffBookings(db: SupabaseClient, opportunityId: number): Promise<StaffBooking[]> {
	const { data, error } = await db.rpc('staff_event_bookings', { opportunity: opportunityId });
	if (error) refuse('Who is coming', error);
	// A guest's name and email address are removed 12 months after the event (docs/data-rights.md).
	return (data as (StaffBooking & { name: string | null; email: string | null })[]).map((b) => ({
		...b,
		name: b.name ?? DETAILS_REMOVED,
		email: b.email ?? ''
	}));
}

/** Who is booked, without reading anyone's access needs (for marking attendance). */
export async function attendanceList(db: SupabaseClient, opportunityId: number) {
	const { data, error } = await db
		.from('bookings')
		.select(
			'id, member_id, guest_name, attended, profiles!bookings_member_id_fkey (full_name, preferred_name)'
		)
		.eq('opportunity_id', opportunityId)
		.eq('status', 'booked')
		.limit(2000);
	if (error) fail('Attendance', error);
	return (
		data as unknown as {
			id: number;
			member_id: string | null;
			guest_name: string | null;
			attended: boolean | null;
			profiles: { full_name: string; preferred_name: string | null } | null;
		}[]
	)
		.map((b) => ({
			id: b.id,
			name: b.profiles?.full_name ?? b.guest_name ?? DETAILS_REMOVED,
			guest: b.member_id === null,
			attended: b.attended
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export interface EventFigures {
	booked: number;
	attended: number;
	no_shows: number;
	not_marked: number;
	waiting: number;
	offered: number;
	cancelled: number;
	members: number;
	guests: number;
	attended_members: number;
	attended_guests: number;
}

export async function eventFigures(db: SupabaseClient, opportunityId: number): Promise<EventFigures> {
	const { data, error } = await db.rpc('event_figures', { opportunity: opportunityId });
	if (error) refuse('Event figures', error);
	return (data as EventFigures[])[0]!;
}

export async function markAttendance(
	db: SupabaseClient,
	bookingId: number,
	attended: boolean
): Promise<void> {
	const { error } = await db.rpc('mark_attendance', { booking: bookingId, attended });
	if (error) refuse('Mark attendance', error);
	// The feedback request goes after the event to those who came.
	if (attended) await notifyBookings([bookingId]);
}

export async function arrangeForBooking(
	db: SupabaseClient,
	bookingId: number,
	arranged: string
): Promise<void> {
	const { error } = await db.rpc('arrange_for_booking', { booking: bookingId, arranged });
	if (error) refuse('Arrangements', error);
}

/** Reminders claimed for people who asked to be told by phone or text, not given yet. */
export async function remindersForStaff(db: SupabaseClient, opportunityId: number) {
	const { data, error } = await db
		.from('booking_notices')
		.select('kind, channel, claimed_at, bookings!inner (id, opportunity_id, member_id)')
		.eq('bookings.opportunity_id', opportunityId)
		.neq('channel', 'email')
		.is('sent_at', null);
	if (error) fail('Reminders', error);
	return (data as unknown as { kind: string; channel: string; bookings: { id: number } }[]).map((r) => ({
		booking_id: r.bookings.id,
		days: Number(r.kind.split(':')[1]),
		channel: r.channel
	}));
}

/** For the staff home: events in the next 7 days, and recent events with attendance to mark. */
export async function eventCounts(
	db: SupabaseClient
): Promise<{ events_this_week: number; attendance_to_mark: number }> {
	const { data, error } = await db.rpc('staff_event_counts');
	if (error) fail('Event counts', error);
	return (data as { events_this_week: number; attendance_to_mark: number }[])[0]!;
}

// The panel as the pages use it ---------------------------------------------------------------------

export async function bookingView(
	db: SupabaseClient,
	user: { id: string } | null,
	opportunityId: number,
	status: string,
	url: URL,
	/** As bookingPanel's: the settings when already read. */
	settings?: EventSettings | null
): Promise<BookingView | null> {
	const panel = await bookingPanel(db, user?.id ?? null, opportunityId, status, new Date(), settings);
	if (!panel) return null;
	return { panel, signedIn: !!user, requestKey: randomUUID(), flash: url.searchParams.get('booking') };
}

export interface EventRow {
	id: number;
	title: string;
	type: string;
	status: string;
	places: number;
	starts_at: string | null;
	ends_at: string | null;
	figures: EventFigures;
}

/** Every event and training that takes bookings, soonest first (past ones last), with its figures. */
export async function listEvents(db: SupabaseClient): Promise<EventRow[]> {
	const { data, error } = await db
		.from('event_settings')
		.select('opportunity_id, places, opportunities (title, type, status)')
		.limit(500);
	if (error) fail('Events', error);
	const rows = data as unknown as {
		opportunity_id: number;
		places: number;
		opportunities: { title: string; type: string; status: string };
	}[];
	const list = await Promise.all(
		rows.map(async (r) => {
			const [times, figures] = await Promise.all([
				eventTimes(db, r.opportunity_id),
				eventFigures(db, r.opportunity_id)
			]);
			return {
				id: r.opportunity_id,
				title: r.opportunities.title,
				type: r.opportunities.type,
				status: r.opportunities.status,
				places: r.places,
				...times,
				figures
			};
		})
	);
	const now = Date.now();
	const ahead = (e: EventRow) => !e.ends_at || Date.parse(e.ends_at) > now;
	return list.sort((a, b) =>
		ahead(a) !== ahead(b)
			? ahead(a)
				? -1
				: 1
			: ahead(a)
				? (a.starts_at ?? '').localeCompare(b.starts_at ?? '')
				: (b.starts_at ?? '').localeCompare(a.starts_at ?? '')
	);
}
