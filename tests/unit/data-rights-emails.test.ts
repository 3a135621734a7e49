import { describe, expect, it } from 'vitest';
import { deletionEmail } from '$lib/server/data-rights';
import { termReminderEmail } from '$lib/server/term-reminders';

describe('the deletion confirmation email', () => {
	const outcome = {
		email: 'kofi.boateng@example.org',
		name: 'Kofi',
		removed: { applications: 1 },
		kept: { involvements: 2, adjustment_requests: 1, claims: 3 },
		payment_records_kept_until: '2032-04-05'
	};

	it('says in plain words what was removed, what is kept and until when', () => {
		const mail = deletionEmail(outcome);
		expect(mail.to).toBe('kofi.boateng@example.org');
		expect(mail.subject).toBe('We have deleted your information from Together');
		expect(mail.text).toContain('Hello Kofi,');
		expect(mail.text).toContain('What we removed:');
		expect(mail.text).toContain('Your bank details.');
		expect(mail.text).toContain('What we keep:');
		expect(mail.text).toContain('5 April 2032');
		expect(mail.text).toContain('with no name');
	});

	it('says nothing is kept when nothing is', () => {
		const mail = deletionEmail({
			...outcome,
			kept: { involvements: 0, adjustment_requests: 0, claims: 0 },
			payment_records_kept_until: null
		});
		expect(mail.text).not.toContain('What we keep:');
		expect(mail.text).toContain('We keep nothing that could tell anyone who you are.');
	});
});

describe('the steering group term reminder', () => {
	it('lists each term ending and links to the roster', () => {
		const mail = termReminderEmail(
			'staff@example.org',
			[
				{
					involvement_id: 1,
					member_name: 'Liam Walsh',
					role: 'Steering group member',
					starts_on: null,
					ends_on: '2026-12-16'
				}
			],
			'https://together.example'
		);
		expect(mail.subject).toBe('A steering group term ends soon');
		expect(mail.text).toContain('- Liam Walsh (Steering group member): the term ends on 16 December 2026.');
		expect(mail.text).toContain('https://together.example/admin/steering-group');
	});
});
