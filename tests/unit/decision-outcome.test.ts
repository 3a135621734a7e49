// What staff are told after a decision, including when a member's email did not go.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DecisionOutcome from '../../src/routes/admin/applications/DecisionOutcome.svelte';
import type { DecisionEvent } from '$lib/server/review';

const event = (id: number, name: string, emailed: boolean): DecisionEvent => ({
	id,
	application_id: id,
	status: 'not_selected',
	message_subject: 'About your application',
	message_body: 'Dear …',
	emailed_at: emailed ? '2026-11-26T10:00:00Z' : null,
	member: { id: `m${id}`, full_name: name, preferred_name: null, email: `${id}@example.org` }
});

const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

describe('after a decision', () => {
	it('says what was decided and that each member was emailed', () => {
		const { body } = render(DecisionOutcome, {
			props: {
				key: 'k',
				action: '?/resend',
				events: [event(1, 'Amara Osei', true), event(2, 'Jordan Taylor', true)]
			}
		});
		expect(text(body)).toContain(
			'Decision saved 2 applications: Amara Osei and Jordan Taylor are told “not this time”. We emailed each member the message.'
		);
		expect(body).not.toContain('Try sending the email again');
	});

	it('says plainly whose email did not go, that the decision stands, and offers to send it again', () => {
		const { body } = render(DecisionOutcome, {
			props: {
				key: 'k-1',
				action: '?/resend',
				events: [event(1, 'Amara Osei', true), event(2, 'Jordan Taylor', false)]
			}
		});
		expect(text(body)).toContain('The email to Jordan Taylor did not go. The decision still stands');
		expect(body).toContain('name="request_key" value="k-1"');
		expect(body).toMatch(/<button[^>]*>Try sending the email again<\/button>/);
	});
});
