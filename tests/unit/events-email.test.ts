import { describe, expect, it } from 'vitest';
import { composeBookingEmail, type NoticeBooking } from '$lib/server/events/email';

const origin = 'https://together.example.org';
const booking: NoticeBooking = {
	id: 12,
	status: 'booked',
	guest: false,
	email: 'alex@example.org',
	name: 'Alex',
	opportunity_id: 4,
	title: 'Co-production week festival',
	offer_expires_at: '2027-03-29T16:00:00Z',
	arranged: 'A wheelchair accessible taxi both ways.',
	shared: [
		{
			category: 'travel',
			options: ['taxi'],
			note: null,
			large_print_size: null,
			papers_days_before: null,
			break_every_minutes: null,
			break_minutes: null
		}
	],
	questions: ['Which workshops?'],
	answers: ['Story telling'],
	meetings: [
		{
			id: 3,
			title: 'Online day',
			starts_at: '2027-03-30T09:00:00Z',
			ends_at: '2027-03-30T15:00:00Z',
			location_type: 'online',
			place: null,
			joining_link: 'https://meet.example.org/festival'
		}
	]
};

describe('booking emails', () => {
	it('confirm with the calendar file, the joining link, what was shared and answered', () => {
		const m = composeBookingEmail('confirmed', booking, origin);
		expect(m.subject).toBe('You have a place: Co-production week festival');
		expect(m.text).toContain('Online day: Tuesday 30 March 2027, 10am to 4pm');
		expect(m.text).toContain('Joining link: https://meet.example.org/festival');
		expect(m.text).toContain('- Travel: A taxi');
		expect(m.text).toContain('- Which workshops? Story telling');
		expect(m.text).toContain(`${origin}/my/bookings/12`);
		expect(m.attachments?.[0]?.filename).toBe('event.ics');
		expect(m.html).toContain('<a href="https://meet.example.org/festival">');
	});

	it('never give the joining link before a place is theirs', () => {
		for (const kind of ['waiting', 'offer'] as const) {
			const m = composeBookingEmail(kind, booking, origin);
			expect(m.text).not.toContain('meet.example.org');
		}
		expect(composeBookingEmail('offer', booking, origin).text).toContain('by 5pm on Monday 29 March');
	});

	it('remind with what was arranged, and ask for feedback in easy read', () => {
		const r = composeBookingEmail('reminder', booking, origin, { days: 7 });
		expect(r.subject).toBe('Reminder: Co-production week festival is in a week');
		expect(r.text).toContain(
			'What we arranged for your access needs:\nA wheelchair accessible taxi both ways.'
		);
		const f = composeBookingEmail('feedback', booking, origin);
		expect(f.text).toContain('It takes 2 minutes.');
		expect(f.text).toContain(`${origin}/my/bookings/12/feedback`);
		// Easy read: short sentences.
		for (const line of f.text.split('\n').filter(Boolean))
			expect(line.split(' ').length).toBeLessThanOrEqual(15);
	});

	it('tell guests to reply, not to sign in', () => {
		const m = composeBookingEmail(
			'confirmed',
			{ ...booking, guest: true, shared: [], arranged: null },
			origin
		);
		expect(m.text).toContain('please reply to this email');
		expect(m.text).not.toContain('/my/bookings');
	});
});

describe('booking emails in Welsh', () => {
	const welsh: NoticeBooking = { ...booking, locale: 'cy', title_cy: 'Gŵyl wythnos cydgynhyrchu' };

	it('confirm in Welsh, with the Welsh title, dates and access needs, and a Welsh calendar', () => {
		const c = composeBookingEmail('confirmed', welsh, origin);
		expect(c.subject).toBe('Mae gennych chi le: Gŵyl wythnos cydgynhyrchu');
		expect(c.text).toContain('Helo Alex,');
		expect(c.text).toContain('Online day: Dydd Mawrth, 30 Mawrth 2027');
		expect(c.text).toContain('Dolen ymuno: https://meet.example.org/festival');
		expect(c.text).toContain(`Gweld neu ganslo eich archeb: ${origin}/my/bookings/12`);
		expect(c.text).not.toContain('You have a place');
		expect(c.headers?.['Content-Language']).toBe('cy');
		expect(c.html).toContain('<html lang="cy">');
		expect(c.html).toContain(`<a href="${origin}/my/bookings/12">`);
		const ics = c.attachments![0]!.content;
		expect(ics).toContain('SUMMARY:Gŵyl wythnos cydgynhyrchu');
		expect(ics).toContain('LOCATION:Ar-lein');
		// Long lines are folded (RFC 5545): unfold before reading.
		expect(ics.replace(/\r\n /g, '')).toContain('Wedi’i drefnu i chi: A wheelchair accessible taxi');
	});

	it('remind and ask for feedback in Welsh', () => {
		expect(composeBookingEmail('reminder', welsh, origin, { days: 1 }).subject).toBe(
			'Nodyn atgoffa: mae Gŵyl wythnos cydgynhyrchu yfory'
		);
		const f = composeBookingEmail('feedback', welsh, origin);
		expect(f.text).toContain('Mae’n cymryd 2 funud.');
		for (const line of f.text.split('\n').filter(Boolean))
			expect(line.split(' ').length).toBeLessThanOrEqual(15);
	});
});
