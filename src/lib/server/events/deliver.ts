// The booking job: offers that ran out pass to the next person, then every booking email due now is
// sent — confirmations (with the calendar file), waiting list, places offered, reminders at the days
// staff set, and feedback requests after the event. Given its database client (the service role:
// a system job) and a way to send mail, so tests run it against the real stack.
//
// Claim, send, confirm, as the opportunity alerts do: a notice is inserted into booking_notices
// ("on conflict do nothing") before its email goes, and only the rows this run inserted are sent.
// So two runs at once, or a run after a crash, never send the same notice twice. If sending fails
// the claim is deleted again, and the next run tries again. Reminders for people who asked to be
// told by phone or text are claimed with that channel and left unsent: staff see them on the
// event's bookings page and make the call.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { NeedItem } from '../../adjustments';
import type { Message } from '../mail';
import { emailLanguage } from '../mail/language';
import { composeBookingEmail, type NoticeBooking, type NoticeKind, type NoticeMeeting } from './email';

export interface BookingJobOptions {
	/** The service-role client. */
	db: SupabaseClient;
	send: (message: Message) => Promise<void>;
	origin: string;
	now?: Date;
	/** Only these bookings (right after a booking changes, and in tests). */
	bookings?: number[];
	log?: Pick<Console, 'error'>;
}

export interface BookingJobResult {
	/** Offers that ran out and passed to the next person. */
	expired: number;
	/** Emails the mail server accepted. */
	emails: number;
	/** Reminders left for staff to give by phone or text. */
	forStaff: number;
	failed: number;
}

interface DueRow {
	booking_id: number;
	kind: string;
	channel: 'email' | 'phone' | 'text' | 'post';
}

export async function deliverBookingNotices(options: BookingJobOptions): Promise<BookingJobResult> {
	const { db, log = console } = options;
	const result: BookingJobResult = { expired: 0, emails: 0, forStaff: 0, failed: 0 };
	const expired = await db.rpc('expire_booking_offers');
	if (expired.error) log.error('Expiring offers of places failed:', expired.error.message);
	else result.expired = expired.data as number;

	const due = await db.rpc('due_booking_notices');
	if (due.error) throw new Error(`Due booking notices: ${due.error.message}`);
	const only = options.bookings ? new Set(options.bookings) : null;
	const rows = (due.data as DueRow[]).filter((r) => !only || only.has(r.booking_id));
	if (rows.length === 0) return result;

	const details = await loadBookings(db, [...new Set(rows.map((r) => r.booking_id))]);
	for (const row of rows) {
		const booking = details.get(row.booking_id);
		if (!booking) continue;
		const claimed = await db
			.from('booking_notices')
			.upsert([{ booking_id: row.booking_id, kind: row.kind, channel: row.channel }], {
				onConflict: 'booking_id,kind',
				ignoreDuplicates: true
			})
			.select('booking_id');
		if (claimed.error) {
			log.error(
				`Claiming booking notice ${row.kind} for booking ${row.booking_id} failed:`,
				claimed.error.message
			);
			continue;
		}
		if ((claimed.data as unknown[]).length === 0) continue;
		if (row.channel !== 'email') {
			result.forStaff++;
			continue;
		}
		const [kind, arg] = row.kind.split(':') as [NoticeKind, string | undefined];
		const message = composeBookingEmail(kind, booking, options.origin, {
			days: kind === 'reminder' ? Number(arg) : undefined,
			now: options.now
		});
		try {
			await options.send(message);
		} catch (error) {
			result.failed++;
			log.error(
				`Booking email ${row.kind} for booking ${row.booking_id} failed; it will be tried again:`,
				error
			);
			await db.from('booking_notices').delete().eq('booking_id', row.booking_id).eq('kind', row.kind);
			continue;
		}
		result.emails++;
		const sent = await db
			.from('booking_notices')
			.update({ sent_at: (options.now ?? new Date()).toISOString() })
			.eq('booking_id', row.booking_id)
			.eq('kind', row.kind);
		if (sent.error)
			log.error(
				`Booking email ${row.kind} for booking ${row.booking_id} was sent, but recording it failed:`,
				sent.error.message
			);
	}
	return result;
}

interface BookingRow {
	id: number;
	status: string;
	member_id: string | null;
	guest_name: string | null;
	guest_email: string | null;
	guest_language: string | null;
	opportunity_id: number;
	offer_expires_at: string | null;
	arranged: string | null;
	answers: string[];
	profiles: {
		email: string;
		full_name: string;
		preferred_name: string | null;
		display_settings: unknown;
	} | null;
	opportunities: { title: string; title_cy: string | null; event_settings: { questions: string[] } | null };
	booking_access_items: NeedItem[];
}

async function loadBookings(db: SupabaseClient, ids: number[]): Promise<Map<number, NoticeBooking>> {
	const { data, error } = await db
		.from('bookings')
		.select(
			'id, status, member_id, guest_name, guest_email, guest_language, opportunity_id, offer_expires_at, arranged, answers, ' +
				'profiles!bookings_member_id_fkey (email, full_name, preferred_name, display_settings), ' +
				'opportunities (title, title_cy, event_settings (questions)), ' +
				'booking_access_items (category, options, note, large_print_size, papers_days_before, break_every_minutes, break_minutes)'
		)
		.in('id', ids);
	if (error) throw new Error(`Bookings for notices: ${error.message}`);
	const list = data as unknown as BookingRow[];
	// Guests' own links, for the emails to them.
	const guests = list.filter((b) => b.member_id === null).map((b) => b.id);
	const links = new Map<number, string>();
	if (guests.length > 0) {
		const found = await db.rpc('guest_booking_links', { bookings: guests });
		if (found.error) throw new Error(`Guests' booking links: ${found.error.message}`);
		for (const l of found.data as { booking_id: number; token: string }[]) links.set(l.booking_id, l.token);
	}
	const events = [...new Set(list.map((b) => b.opportunity_id))];
	const meetings = await db
		.from('meetings')
		.select('id, opportunity_id, title, starts_at, ends_at, location_type, place, joining_link')
		.in('opportunity_id', events)
		.order('starts_at');
	if (meetings.error) throw new Error(`Meetings for notices: ${meetings.error.message}`);
	const byEvent = new Map<number, NoticeMeeting[]>();
	for (const m of meetings.data as (NoticeMeeting & { opportunity_id: number })[]) {
		byEvent.set(m.opportunity_id, [...(byEvent.get(m.opportunity_id) ?? []), m]);
	}
	return new Map(
		list.map((b) => [
			b.id,
			{
				id: b.id,
				status: b.status,
				guest: b.member_id === null,
				guest_token: links.get(b.id) ?? null,
				email: b.profiles?.email ?? b.guest_email!,
				name: b.profiles ? (b.profiles.preferred_name ?? b.profiles.full_name) : b.guest_name!,
				// A member's chosen language; a guest's, the page they booked from (English if not kept).
				locale: b.profiles
					? emailLanguage(b.profiles.display_settings)
					: b.guest_language === 'cy'
						? 'cy'
						: 'en',
				opportunity_id: b.opportunity_id,
				title: b.opportunities.title,
				title_cy: b.opportunities.title_cy,
				offer_expires_at: b.offer_expires_at,
				arranged: b.arranged,
				shared: b.booking_access_items,
				questions: b.opportunities.event_settings?.questions ?? [],
				answers: b.answers,
				meetings: byEvent.get(b.opportunity_id) ?? []
			}
		])
	);
}
