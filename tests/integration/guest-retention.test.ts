// Guests' details on event bookings are kept for 12 months after the event, then the retention job
// anonymises them (and the guest's record once nothing they took part in is more recent).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { staffBookings } from '$lib/server/bookings';
import { ACCOUNTS, as, service } from './helpers';

const day = (daysFromToday: number) =>
	new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/** A closed event on a day (no meetings, so its date is the event's time) and a guest's booking on it. */
async function pastEventWithGuest(title: string, daysAgo: number, email: string) {
	const db = service();
	const { data, error } = await db
		.from('opportunities')
		.insert({
			type: 'event',
			title,
			summary: 'An event made by the retention tests.',
			location_type: 'online',
			status: 'closed',
			starts_on: day(-daysAgo),
			ends_on: day(-daysAgo)
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	const opportunity = (data as { id: number }).id;
	const booking = await db
		.from('bookings')
		.insert({
			opportunity_id: opportunity,
			guest_name: 'Rhiannon Retention',
			guest_email: email,
			status: 'booked',
			answers: ['No dairy, please'],
			arranged: 'Oat milk ordered',
			attended: true,
			request_key: randomUUID(),
			booked_at: new Date(Date.now() - (daysAgo + 7) * 86_400_000).toISOString()
		})
		.select('id')
		.single();
	expect(booking.error).toBeNull();
	return { opportunity, booking: (booking.data as { id: number }).id };
}

describe('guests’ details on bookings', () => {
	it('are anonymised 12 months after the event, with the guest’s record; recent ones are kept', async () => {
		const db = service();
		const settings = await db.from('data_settings').select('guest_booking_months').single();
		expect(settings.data).toEqual({ guest_booking_months: 12 });

		const oldEmail = `retention-old-${randomUUID()}@example.org`;
		const recentEmail = `retention-recent-${randomUUID()}@example.org`;
		const old = await pastEventWithGuest('Retention test: an event 13 months ago', 400, oldEmail);
		const recent = await pastEventWithGuest('Retention test: an event last month', 30, recentEmail);
		// The old guest came, so they have a guest record and a place in that year's figures.
		const guest = await db
			.from('guests')
			.insert({ full_name: 'Rhiannon Retention', email: oldEmail })
			.select('id')
			.single();
		expect(guest.error).toBeNull();
		const guestId = (guest.data as { id: number }).id;
		const involvement = await db.from('involvements').insert({
			guest_id: guestId,
			opportunity_id: old.opportunity,
			role: 'Guest',
			starts_on: day(-400),
			ends_on: day(-400)
		});
		expect(involvement.error).toBeNull();
		const links = await db.rpc('guest_booking_links', { bookings: [old.booking, recent.booking] });
		expect((links.data as unknown[]).length).toBe(2);

		// Members and staff cannot run the job; the service can, and running it again changes nothing.
		for (const client of [as(ACCOUNTS.memberA), as(ACCOUNTS.admin)]) {
			const { error: refused } = await client.rpc('apply_retention', {});
			expect(refused).not.toBeNull();
		}
		const { data: done, error } = await db.rpc('apply_retention', {});
		expect(error).toBeNull();
		expect((done as { guest_bookings_anonymised: number }).guest_bookings_anonymised).toBeGreaterThanOrEqual(
			1
		);
		const again = await db.rpc('apply_retention', {});
		expect(again.error).toBeNull();

		const { data: bookings } = await db
			.from('bookings')
			.select('id, guest_name, guest_email, answers, arranged, status, attended, guest_anonymised_at')
			.in('id', [old.booking, recent.booking])
			.order('id');
		const [gone, kept] = bookings as Record<string, unknown>[];
		expect(gone).toMatchObject({
			guest_name: null,
			guest_email: null,
			answers: [],
			arranged: null,
			status: 'booked',
			attended: true
		});
		expect(gone!.guest_anonymised_at).not.toBeNull();
		expect(kept).toMatchObject({
			guest_name: 'Rhiannon Retention',
			guest_email: recentEmail,
			answers: ['No dairy, please'],
			arranged: 'Oat milk ordered',
			guest_anonymised_at: null
		});
		// Staff still see that a guest booked and came, without who.
		const list = await staffBookings(as(ACCOUNTS.staff), old.opportunity);
		expect(list.map((b) => [b.name, b.email, b.guest, b.attended])).toEqual([
			['A guest (details removed)', '', true, true]
		]);
		const marked = await as(ACCOUNTS.staff).rpc('mark_attendance', { booking: old.booking, attended: false });
		expect(marked.error?.message).toBe('wrong_status');
		// The old booking's link no longer opens anything.
		const after = await db.rpc('guest_booking_links', { bookings: [old.booking, recent.booking] });
		expect((after.data as { booking_id: number }[]).map((l) => l.booking_id)).toEqual([recent.booking]);
		// The guest's record is anonymised in place, still counted in the figures.
		const { data: record } = await db
			.from('guests')
			.select('full_name, email, anonymised_at')
			.eq('id', guestId)
			.single();
		expect(record).toMatchObject({ full_name: null, email: null });
		expect((record as { anonymised_at: string | null }).anonymised_at).not.toBeNull();
		const { count } = await db
			.from('involvements')
			.select('id', { count: 'exact', head: true })
			.eq('guest_id', guestId);
		expect(count).toBe(1);
	});
});
