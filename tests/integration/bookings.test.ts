// Booking places on events: never oversold, a waiting list that offers freed places in turn, guests
// who see nothing of anyone else, and access needs that reach the organiser only as the member chose.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	BookingError,
	bookAsGuest,
	cancelGuestBooking,
	giveGuestFeedback,
	guestBooking
} from '$lib/server/bookings';
import { deliverBookingNotices } from '$lib/server/events/deliver';
import { sendMail, type Message } from '$lib/server/mail';
import { ACCOUNTS, anon, as, mailTo, nextMail, service, setLanguage } from './helpers';

type Account = { id: string; role: string };
const member = (id: string): Account => ({ id, role: 'member' });
const staff = as(ACCOUNTS.staff);

/** A published event with its own meeting next month and booking settings. */
async function makeEvent(title: string, settings: Record<string, unknown>): Promise<number> {
	const { data, error } = await staff
		.from('opportunities')
		.insert({
			type: 'event',
			title,
			summary: 'An event made by the integration tests.',
			location_type: 'in_person',
			location: 'Riverside Hub, Cardiff',
			status: 'published'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	const id = (data as { id: number }).id;
	const meeting = await staff.from('meetings').insert({
		opportunity_id: id,
		title: 'The event',
		starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
		ends_at: new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString(),
		location_type: 'in_person',
		place: 'Riverside Hub, Cardiff'
	});
	expect(meeting.error).toBeNull();
	const made = await staff.from('event_settings').insert({ opportunity_id: id, ...settings });
	expect(made.error).toBeNull();
	return id;
}

let members: string[] = [];

beforeAll(async () => {
	const { data } = await service()
		.from('profiles')
		.select('id')
		.eq('role', 'member')
		.neq('status', 'left')
		.order('email')
		.limit(40);
	members = (data as { id: string }[]).map((p) => p.id);
	expect(members.length).toBeGreaterThanOrEqual(35);
});

describe('booking places', () => {
	it('never oversells: 30 people at once for the last 5 places, exactly 5 get one, the rest wait', async () => {
		const id = await makeEvent('Concurrency test event', { places: 10, held_for_members: 0 });
		// Five places already taken, one at a time.
		for (const m of members.slice(0, 5)) {
			const { data, error } = await as(member(m)).rpc('book_place', {
				opportunity: id,
				request_key: randomUUID()
			});
			expect(error).toBeNull();
			expect((data as { status: string }).status).toBe('booked');
		}
		const results = await Promise.all(
			members
				.slice(5, 35)
				.map((m) => as(member(m)).rpc('book_place', { opportunity: id, request_key: randomUUID() }))
		);
		expect(results.map((r) => r.error)).toEqual(results.map(() => null));
		const statuses = results.map((r) => (r.data as { status: string }).status);
		expect(statuses.filter((s) => s === 'booked')).toHaveLength(5);
		expect(statuses.filter((s) => s === 'waiting')).toHaveLength(25);
		const { data: figures } = await staff.rpc('event_figures', { opportunity: id });
		expect(figures[0]).toMatchObject({ booked: 10, waiting: 25 });
	});

	it('a retried booking with the same key returns the first one', async () => {
		const id = await makeEvent('Idempotency test event', { places: 5 });
		const key = randomUUID();
		const a = as(member(members[36]!));
		const first = await a.rpc('book_place', { opportunity: id, request_key: key });
		const again = await a.rpc('book_place', { opportunity: id, request_key: key });
		expect(again.data.id).toBe(first.data.id);
		// Someone else presenting that key gets nothing of it.
		const other = await as(member(members[37]!)).rpc('book_place', { opportunity: id, request_key: key });
		expect(other.error?.message).toBe('not_allowed');
	});

	it('cancelling offers the place to the next on the waiting list, who accepts it', async () => {
		const id = await makeEvent('Waiting list test event', { places: 1, offer_hours: 24 });
		const [x, y, z] = members.slice(0, 3).map((m) => as(member(m)));
		const bx = (await x!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const by = (await y!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const bz = (await z!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		expect([bx.status, by.status, bz.status]).toEqual(['booked', 'waiting', 'waiting']);
		expect((await z!.rpc('waiting_position', { booking: bz.id })).data).toBe(2);

		const cancelled = await x!.rpc('cancel_booking', { booking: bx.id });
		expect(cancelled.data.status).toBe('cancelled');
		const { data: offered } = await y!
			.from('bookings')
			.select('status, offer_expires_at')
			.eq('id', by.id)
			.single();
		expect(offered!.status).toBe('offered');
		expect(Date.parse(offered!.offer_expires_at)).toBeGreaterThan(Date.now() + 23 * 3_600_000);

		// The offered place still counts as taken: nobody else gets it meanwhile.
		const late = await as(member(members[3]!)).rpc('book_place', {
			opportunity: id,
			request_key: randomUUID()
		});
		expect(late.data.status).toBe('waiting');

		// Declining passes it on to the next in turn.
		const declined = await y!.rpc('answer_booking_offer', { booking: by.id, accept: false });
		expect(declined.data.status).toBe('cancelled');
		const { data: next } = await z!.from('bookings').select('status').eq('id', bz.id).single();
		expect(next!.status).toBe('offered');
		const accepted = await z!.rpc('answer_booking_offer', { booking: bz.id, accept: true });
		expect(accepted.data.status).toBe('booked');
	});

	it('an offer that runs out passes to the next person when the job runs', async () => {
		const id = await makeEvent('Offer expiry test event', { places: 1, offer_hours: 1 });
		const [x, y, z] = members.slice(10, 13).map((m) => as(member(m)));
		const bx = (await x!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const by = (await y!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const bz = (await z!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		await x!.rpc('cancel_booking', { booking: bx.id });
		// Wind the offer's clock on, as if the hour had passed.
		await service()
			.from('bookings')
			.update({ offer_expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', by.id);
		const late = await y!.rpc('answer_booking_offer', { booking: by.id, accept: true });
		expect(late.error?.message).toBe('offer_expired');
		const expired = await service().rpc('expire_booking_offers');
		expect(expired.data).toBeGreaterThanOrEqual(1);
		const { data } = await service()
			.from('bookings')
			.select('id, status')
			.in('id', [by.id, bz.id])
			.order('id');
		expect(data).toEqual([
			{ id: by.id, status: 'cancelled' },
			{ id: bz.id, status: 'offered' }
		]);
	});

	it('RLS: member A cannot read or cancel member B’s booking', async () => {
		const id = await makeEvent('RLS test event', { places: 5 });
		const a = as(ACCOUNTS.memberA);
		const b = as(ACCOUNTS.memberB);
		const mine = (await b.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const { data: seen } = await a.from('bookings').select('id').eq('id', mine.id);
		expect(seen).toEqual([]);
		const cancel = await a.rpc('cancel_booking', { booking: mine.id });
		expect(cancel.error?.message).toBe('not_found');
		const answer = await a.rpc('answer_booking_offer', { booking: mine.id, accept: false });
		expect(answer.error?.message).toBe('not_found');
		const { data: still } = await b.from('bookings').select('status').eq('id', mine.id).single();
		expect(still!.status).toBe('booked');
		// Nobody writes bookings straight to the table.
		const insert = await a.from('bookings').insert({
			opportunity_id: id,
			member_id: ACCOUNTS.memberA.id,
			status: 'booked',
			request_key: randomUUID()
		});
		expect(insert.error).not.toBeNull();
		const staffCancel = await staff.rpc('cancel_booking', { booking: mine.id });
		expect(staffCancel.error?.message).toBe('not_found');
	});

	it('closed booking and events without settings refuse', async () => {
		const id = await makeEvent('Closed booking test event', {
			places: 5,
			booking_closes_at: new Date(Date.now() - 60_000).toISOString()
		});
		const r = await as(ACCOUNTS.memberA).rpc('book_place', { opportunity: id, request_key: randomUUID() });
		expect(r.error?.message).toBe('booking_closed');
		const committee = await staff
			.from('opportunities')
			.select('id')
			.eq('type', 'committee')
			.limit(1)
			.single();
		const settings = await staff
			.from('event_settings')
			.insert({ opportunity_id: committee.data!.id, places: 3 });
		expect(settings.error?.message).toBe('not_bookable');
	});

	it('an event that takes bookings cannot be applied for, even straight through the API', async () => {
		const id = await makeEvent('No applications test event', { places: 5 });
		const { data, error } = await as(member(members[30]!)).rpc('start_application', { opportunity: id });
		expect(error?.message).toBe('books_places');
		expect(data).toBeNull();
		const { count } = await service()
			.from('applications')
			.select('id', { count: 'exact', head: true })
			.eq('opportunity_id', id);
		expect(count).toBe(0);
	});
});

describe('guests', () => {
	it('book through the server only, where staff allow it, and see no other bookings', async () => {
		const closed = await makeEvent('Members only test event', { places: 5 });
		const open = await makeEvent('Public test event', {
			places: 3,
			held_for_members: 2,
			public_booking: true
		});
		await as(ACCOUNTS.memberA).rpc('book_place', { opportunity: open, request_key: randomUUID() });

		const guest = { guest_name: 'Helen Guest', guest_email: 'Helen.Guest@example.net', answers: [] };
		// Not from the browser's own key: only the server (service role) may call it.
		const fromAnon = await anon().rpc('book_guest_place', {
			opportunity: open,
			...guest,
			request_key: randomUUID()
		});
		expect(fromAnon.error).not.toBeNull();
		const fromMember = await as(ACCOUNTS.memberB).rpc('book_guest_place', {
			opportunity: open,
			...guest,
			request_key: randomUUID()
		});
		expect(fromMember.error).not.toBeNull();

		const refused = await service().rpc('book_guest_place', {
			opportunity: closed,
			...guest,
			request_key: randomUUID()
		});
		expect(refused.error?.message).toBe('no_public_booking');

		const booked = await service().rpc('book_guest_place', {
			opportunity: open,
			...guest,
			request_key: randomUUID()
		});
		expect(booked.error).toBeNull();
		expect(booked.data).toMatchObject({
			status: 'booked',
			guest_email: 'helen.guest@example.net',
			member_id: null
		});
		// Two places are held back for members: one is taken by Alex, so a second guest waits.
		const second = await service().rpc('book_guest_place', {
			opportunity: open,
			guest_name: 'Marcus Guest',
			guest_email: 'marcus.guest@example.net',
			request_key: randomUUID()
		});
		expect(second.data.status).toBe('waiting');

		// A guest has no account: the public key reads no bookings, and what is public is a count.
		const list = await anon().from('bookings').select('id');
		expect(list.error).not.toBeNull();
		const shared = await anon().from('booking_access_items').select('booking_id');
		expect(shared.error).not.toBeNull();
		const places = await anon().rpc('event_places', { opportunity: open });
		expect(places.data).toEqual({ places: 3, left: 1, guests_left: 0, waiting: 1 });
		// The guest's booking is returned alone, with nothing of Alex's.
		expect(Object.keys(booked.data)).not.toContain('bookings');
	});
});

describe('access needs for a booking', () => {
	it('reach the organiser only as the member chose, and each read is audited', async () => {
		const id = await makeEvent('Access needs test event', { places: 5 });
		// Alex's passport (seeded) has travel, papers, meeting and online; Alex shares travel only.
		const mine = await as(ACCOUNTS.memberA).rpc('book_place', {
			opportunity: id,
			share: ['travel'],
			request_key: randomUUID()
		});
		expect(mine.error).toBeNull();
		const own = await as(ACCOUNTS.memberA)
			.from('booking_access_items')
			.select('category')
			.eq('booking_id', mine.data.id);
		expect(own.data).toEqual([{ category: 'travel' }]);
		// Priya shares nothing.
		await as(ACCOUNTS.memberB).rpc('book_place', { opportunity: id, request_key: randomUUID() });

		// Staff read no shared needs from the table.
		const direct = await staff.from('booking_access_items').select('category').eq('booking_id', mine.data.id);
		expect(direct.data).toEqual([]);

		const before = await service().from('audit_log').select('id', { count: 'exact', head: true });
		const { data: list } = await staff.rpc('staff_event_bookings', { opportunity: id });
		const alex = list.find((b: { member_id: string }) => b.member_id === ACCOUNTS.memberA.id);
		const priya = list.find((b: { member_id: string }) => b.member_id === ACCOUNTS.memberB.id);
		expect(alex.shared.map((s: { category: string }) => s.category)).toEqual(['travel']);
		expect(alex.shared[0].options).toEqual(['taxi']);
		expect(priya.shared).toEqual([]);
		const { data: audit } = await service()
			.from('audit_log')
			.select('action, details')
			.eq('action', 'shared access needs read')
			.eq('entity_id', String(id));
		expect(audit).toHaveLength(1);
		expect(audit![0]!.details.member_ids).toEqual([ACCOUNTS.memberA.id]);
		const after = await service().from('audit_log').select('id', { count: 'exact', head: true });
		expect(after.count).toBeGreaterThan(before.count!);

		// Staff without the arrange_adjustments permission see that something was shared, not what.
		const { data: financeList } = await as(ACCOUNTS.finance).rpc('staff_event_bookings', { opportunity: id });
		const seen = financeList.find((b: { member_id: string }) => b.member_id === ACCOUNTS.memberA.id);
		expect(seen.shared).toBeNull();
		expect(seen.shared_count).toBe(1);
		// Members cannot read the list at all.
		const refused = await as(ACCOUNTS.memberB).rpc('staff_event_bookings', { opportunity: id });
		expect(refused.error?.message).toBe('not_allowed');
	});
});

describe('attendance', () => {
	it('marking a member as there records their involvement; unmarking removes it', async () => {
		const id = await makeEvent('Attendance test event', { places: 5 });
		const booking = (
			await as(ACCOUNTS.memberB).rpc('book_place', { opportunity: id, request_key: randomUUID() })
		).data;
		const member = await as(ACCOUNTS.memberB).rpc('mark_attendance', { booking: booking.id, attended: true });
		expect(member.error?.message).toBe('not_allowed');
		const marked = await staff.rpc('mark_attendance', { booking: booking.id, attended: true });
		expect(marked.data.attended).toBe(true);
		const { data: inv } = await as(ACCOUNTS.memberB)
			.from('involvements')
			.select('id, role, opportunity_id')
			.eq('opportunity_id', id);
		expect(inv).toEqual([{ id: marked.data.involvement_id, role: 'Came to the event', opportunity_id: id }]);
		const unmarked = await staff.rpc('mark_attendance', { booking: booking.id, attended: false });
		expect(unmarked.data).toMatchObject({ attended: false, involvement_id: null });
		const { data: gone } = await as(ACCOUNTS.memberB)
			.from('involvements')
			.select('id')
			.eq('opportunity_id', id);
		expect(gone).toEqual([]);
		const { data: figures } = await staff.rpc('event_figures', { opportunity: id });
		expect(figures[0]).toMatchObject({ booked: 1, attended: 0, no_shows: 1, members: 1, guests: 0 });
	});

	it('the joining link of an online event goes only to those booked', async () => {
		const { data: event } = await service()
			.from('opportunities')
			.select('id')
			.eq('title', 'Online event: have your say on short breaks')
			.single();
		const { data: meeting } = await service()
			.from('meetings')
			.select('id')
			.eq('opportunity_id', event!.id)
			.single();
		const before = await as(ACCOUNTS.memberB).rpc('meeting_joining_link', { meeting: meeting!.id });
		expect(before.data).toBeNull();
		await as(ACCOUNTS.memberB).rpc('book_place', { opportunity: event!.id, request_key: randomUUID() });
		const after = await as(ACCOUNTS.memberB).rpc('meeting_joining_link', { meeting: meeting!.id });
		expect(after.data).toBe('https://meet.example.org/short-breaks');
	});
});

describe('guests who came', () => {
	it('are recorded as involvement of a guest (not a member), found again by email', async () => {
		const id = await makeEvent('Guest attendance test event', { places: 5, public_booking: true });
		const booked = await service().rpc('book_guest_place', {
			opportunity: id,
			guest_name: 'Ada Guest',
			guest_email: 'ada.guest@example.net',
			request_key: randomUUID()
		});
		const marked = await staff.rpc('mark_attendance', { booking: booked.data.id, attended: true });
		expect(marked.error).toBeNull();
		const { data: inv } = await staff
			.from('involvements')
			.select('member_id, guest_id, opportunity_id, guests (full_name, email)')
			.eq('id', marked.data.involvement_id)
			.single();
		expect(inv).toMatchObject({
			member_id: null,
			opportunity_id: id,
			guests: { full_name: 'Ada Guest', email: 'ada.guest@example.net' }
		});
		const { data: figures } = await staff.rpc('event_figures', { opportunity: id });
		expect(figures[0]).toMatchObject({ attended: 1, attended_guests: 1, guests: 1, members: 0 });
	});
});

describe('a guest’s own link', () => {
	it('comes in every email; with it they cancel in one step, the next guest gets the place, and they give feedback', async () => {
		const id = await makeEvent('Guest link test event', {
			places: 1,
			held_for_members: 0,
			public_booking: true
		});
		const book = async (name: string) =>
			(
				await service().rpc('book_guest_place', {
					opportunity: id,
					guest_name: `${name} Linkguest`,
					guest_email: `${name.toLowerCase()}.linkguest@example.net`,
					request_key: randomUUID()
				})
			).data as { id: number; status: string };
		const first = await book('Bryn');
		const second = await book('Cerys');
		expect([first.status, second.status]).toEqual(['booked', 'waiting']);

		const sent: Message[] = [];
		await deliverBookingNotices({
			db: service(),
			send: async (m) => void sent.push(m),
			origin: 'https://together.example.org',
			bookings: [first.id, second.id]
		});
		const linkIn = (to: string) => {
			const mail = sent.find((m) => m.to === to)!;
			const found = /https:\/\/together\.example\.org\/bookings\/([0-9a-f-]{36})/.exec(mail.text);
			expect(found, `a link in the email to ${to}`).not.toBeNull();
			return found![1]!;
		};
		const bryn = linkIn('bryn.linkguest@example.net');
		const cerys = linkIn('cerys.linkguest@example.net');
		expect(bryn).not.toBe(cerys);
		// The calendar file links to the guest's page too.
		const confirmation = sent.find((m) => m.to === 'bryn.linkguest@example.net')!;
		const calendar = String(confirmation.attachments?.[0]?.content).replace(/\r\n[ \t]/g, '');
		expect(calendar).toContain(`URL:https://together.example.org/bookings/${bryn}`);

		// Only the server reads links: not the public key, not a member.
		for (const db of [anon(), as(ACCOUNTS.memberA)]) {
			const { error } = await db.rpc('guest_booking', { token: bryn });
			expect(error).not.toBeNull();
			const cancel = await db.rpc('cancel_guest_booking', { token: bryn });
			expect(cancel.error).not.toBeNull();
		}
		// A link shows that guest's booking alone; a wrong or made-up link shows nothing.
		expect(await guestBooking(bryn)).toMatchObject({
			id: first.id,
			title: 'Guest link test event',
			name: 'Bryn Linkguest',
			status: 'booked',
			can_cancel: true,
			can_give_feedback: false
		});
		expect(await guestBooking(randomUUID())).toBeNull();
		expect(await guestBooking('not-a-link')).toBeNull();

		// One step: Bryn cancels, and Cerys, next on the waiting list, gets the place.
		await cancelGuestBooking(bryn);
		expect((await guestBooking(bryn))?.status).toBe('cancelled');
		expect((await guestBooking(cerys))?.status).toBe('booked');
		await cancelGuestBooking(bryn); // again: no harm
		await expect(cancelGuestBooking(randomUUID())).rejects.toBeInstanceOf(BookingError);

		// After the event, Cerys (who came) says what she thought through the same link.
		await expect(giveGuestFeedback(cerys, 'good', null)).rejects.toMatchObject({ key: 'wrong_status' });
		const past = new Date(Date.now() - 2 * 86_400_000);
		await service()
			.from('meetings')
			.update({ starts_at: past.toISOString(), ends_at: new Date(past.getTime() + 7_200_000).toISOString() })
			.eq('opportunity_id', id);
		expect((await staff.rpc('mark_attendance', { booking: second.id, attended: true })).error).toBeNull();
		expect(await guestBooking(cerys)).toMatchObject({ can_cancel: false, can_give_feedback: true });
		await giveGuestFeedback(cerys, 'ok', 'The room was too warm.');
		const { data } = await staff
			.from('booking_feedback')
			.select('rating, comment')
			.eq('booking_id', second.id);
		expect(data).toEqual([{ rating: 'ok', comment: 'The room was too warm.' }]);
		// Bryn, who cancelled, cannot.
		await expect(giveGuestFeedback(bryn, 'good', null)).rejects.toMatchObject({ key: 'wrong_status' });
	});
});

describe('booking emails in the person’s language', () => {
	it('a guest who booked from a Welsh page is emailed in Welsh, one from an English page in English', async () => {
		const id = await makeEvent('Welsh guest test event', {
			places: 5,
			held_for_members: 0,
			public_booking: true
		});
		await service().from('opportunities').update({ title_cy: 'Digwyddiad prawf gwesteion' }).eq('id', id);
		const stamp = Date.now();
		const welsh = `gwenllian.${stamp}@example.net`;
		const english = `grace.${stamp}@example.net`;
		await bookAsGuest(id, { name: 'Gwenllian', email: welsh }, [], randomUUID(), 'cy');
		await bookAsGuest(id, { name: 'Grace', email: english }, [], randomUUID());

		const cy = await nextMail(welsh, new Set());
		expect(cy.subject).toBe('Mae gennych chi le: Digwyddiad prawf gwesteion');
		expect(cy.text).toContain('Helo Gwenllian,');
		expect(cy.text).toMatch(/Gweld neu ganslo eich archeb: \S+\/bookings\/[0-9a-f-]{36}/);
		expect(cy.headers['content-language']).toBe('cy');
		expect(cy.html).toContain('<html lang="cy">');
		expect(cy.attachments[0]!.content.replace(/\r\n[ \t]/g, '')).toContain(
			'SUMMARY:Digwyddiad prawf gwesteion'
		);

		const en = await nextMail(english, new Set());
		expect(en.subject).toBe('You have a place: Welsh guest test event');
		expect(en.headers['content-language']).toBe('en-GB');
	});

	it('a member who chose Cymraeg is emailed in Welsh', async () => {
		const id = await makeEvent('Welsh member test event', { places: 5, held_for_members: 0 });
		const restore = await setLanguage(ACCOUNTS.memberB.id, 'cy');
		try {
			const seen = new Set((await mailTo(ACCOUNTS.memberB.email)).map((m) => m.id));
			const { data, error } = await as(ACCOUNTS.memberB).rpc('book_place', {
				opportunity: id,
				request_key: randomUUID()
			});
			expect(error).toBeNull();
			const booking = data as { id: number };
			await deliverBookingNotices({
				db: service(),
				send: sendMail,
				origin: 'https://together.example.org',
				bookings: [booking.id]
			});
			const mail = await nextMail(ACCOUNTS.memberB.email, seen);
			expect(mail.subject).toBe('Mae gennych chi le: Welsh member test event');
			expect(mail.text).toContain(
				`Gweld neu ganslo eich archeb: https://together.example.org/my/bookings/${booking.id}`
			);
			expect(mail.headers['content-language']).toBe('cy');
		} finally {
			await restore();
		}
	});
});

describe('the booking job', () => {
	it('sends each email once: confirmation with the calendar file, waiting list, reminders, offers', async () => {
		const id = await makeEvent('Booking job test event', { places: 1, reminder_days: [40, 7] });
		const [x, y] = members.slice(20, 22).map((m) => as(member(m)));
		const bx = (await x!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		const by = (await y!.rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		// Booked 40 days ahead, so the 40-day reminder is due now.
		await service()
			.from('bookings')
			.update({ booked_at: new Date(Date.now() - 20 * 86_400_000).toISOString() })
			.eq('id', bx.id);
		const sent: Message[] = [];
		const run = () =>
			deliverBookingNotices({
				db: service(),
				send: async (m) => void sent.push(m),
				origin: 'https://together.example.org',
				bookings: [bx.id, by.id]
			});
		const first = await run();
		expect(first.emails).toBe(3);
		const subjects = sent.map((m) => m.subject).sort();
		expect(subjects).toEqual([
			'Reminder: Booking job test event is in 40 days',
			'You are on the waiting list: Booking job test event',
			'You have a place: Booking job test event'
		]);
		const confirmation = sent.find((m) => m.subject.startsWith('You have a place'))!;
		expect(confirmation.attachments?.[0]).toMatchObject({ filename: 'event.ics' });
		expect(confirmation.attachments?.[0]?.content).toContain('DTSTART;TZID=Europe/London:');
		expect(confirmation.text).toContain(`https://together.example.org/my/bookings/${bx.id}`);

		// Run again (another server, say): nothing twice.
		const again = await run();
		expect(again.emails).toBe(0);

		// Cancelling offers the place, and the offer is emailed once with its link.
		await x!.rpc('cancel_booking', { booking: bx.id });
		sent.length = 0;
		await run();
		await run();
		expect(sent.map((m) => m.subject)).toEqual(['A place is free for you: Booking job test event']);
		expect(sent[0]!.text).toContain(`https://together.example.org/my/bookings/${by.id}`);
	});

	it('reminders for people who asked not to be emailed are left for staff to give', async () => {
		const id = await makeEvent('Phone reminder test event', { places: 5, reminder_days: [40] });
		const who = members[25]!;
		await service()
			.from('profiles')
			.update({ contact_methods: ['phone'] })
			.eq('id', who);
		const b = (await as(member(who)).rpc('book_place', { opportunity: id, request_key: randomUUID() })).data;
		await service()
			.from('bookings')
			.update({ booked_at: new Date(Date.now() - 20 * 86_400_000).toISOString() })
			.eq('id', b.id);
		const sent: Message[] = [];
		const r = await deliverBookingNotices({
			db: service(),
			send: async (m) => void sent.push(m),
			origin: 'https://together.example.org',
			bookings: [b.id]
		});
		expect(r.forStaff).toBe(1);
		// The confirmation about their own booking is still emailed (essential messages always go).
		expect(sent.map((m) => m.subject)).toEqual(['You have a place: Phone reminder test event']);
		const { data } = await staff
			.from('booking_notices')
			.select('kind, channel, sent_at')
			.eq('booking_id', b.id);
		expect(data).toContainEqual({ kind: 'reminder:40', channel: 'phone', sent_at: null });
		await service()
			.from('profiles')
			.update({ contact_methods: ['email'] })
			.eq('id', who);
	});
});
