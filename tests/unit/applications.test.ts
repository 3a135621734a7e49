import { describe, expect, it } from 'vitest';
import {
	APPLICATION_ERRORS,
	APPLICATION_STATUSES,
	answerText,
	canWithdraw,
	eventText,
	formatTime,
	isApplicationErrorKey,
	type Answer
} from '$lib/applications';
import { firstUnanswered, isOpen, missingAnswers, whatHappensNext } from '$lib/server/applications';
import type { Question } from '$lib/applications';

const q = (id: number, required = true): Question => ({
	id,
	opportunity_id: 1,
	position: id,
	kind: 'text',
	prompt: `Question ${id}`,
	hint: null,
	options: [],
	required
});
const a = (question_id: number, over: Partial<Answer> = {}): Answer => ({
	question_id,
	mode: 'written',
	answer: 'yes',
	upload_id: null,
	updated_at: '2026-11-26T10:00:00Z',
	...over
});

describe('status words', () => {
	it('has a plain label for every status', () => {
		expect(Object.values(APPLICATION_STATUSES)).toEqual([
			'Draft',
			'Sent',
			'Shortlisted',
			'Invited to interview',
			'Offered a place',
			'Accepted',
			'Not this time',
			'Withdrawn'
		]);
	});

	it('lets members withdraw only applications still open', () => {
		expect(canWithdraw('submitted')).toBe(true);
		expect(canWithdraw('offered')).toBe(true);
		expect(canWithdraw('draft')).toBe(false);
		expect(canWithdraw('accepted')).toBe(false);
		expect(canWithdraw('withdrawn')).toBe(false);
	});

	it('tells a declined offer from a withdrawal', () => {
		expect(eventText('withdrawn', 'offered')).toBe('You said no to the place');
		expect(eventText('withdrawn', 'submitted')).toBe('You withdrew your application');
		expect(eventText('submitted')).toBe('You sent your application');
	});

	it('turns every database error key into words, and knows which keys are its own', () => {
		expect(APPLICATION_ERRORS.opportunity_closed).toBe(
			'This opportunity has closed, so it is not taking applications now.'
		);
		expect(isApplicationErrorKey('answers_missing')).toBe(true);
		expect(isApplicationErrorKey('toString')).toBe(false);
		expect(isApplicationErrorKey('permission denied for table uploads')).toBe(false);
	});
});

describe('answers', () => {
	it('says each answer in words', () => {
		expect(answerText({ kind: 'yes_no' }, a(1, { answer: 'no' }))).toBe('No');
		expect(answerText({ kind: 'text' }, a(1, { mode: 'phone_call', answer: null }))).toBe(
			'You asked us to phone you about this question.'
		);
		expect(answerText({ kind: 'text' }, undefined)).toBe('');
	});

	it('carries on at the first unanswered question, passing over optional ones skipped', () => {
		const questions = [q(1), q(2, false), q(3), q(4, false)];
		expect(firstUnanswered(questions, [])?.id).toBe(1);
		expect(firstUnanswered(questions, [a(1)])?.id).toBe(2);
		expect(firstUnanswered(questions, [a(1), a(3)])?.id).toBe(4);
		expect(firstUnanswered(questions, [a(1), a(3), a(4)])).toBeNull();
		expect(firstUnanswered([q(1), q(2)], [a(2)])?.id).toBe(1);
	});

	it('lists the required questions still missing', () => {
		expect(missingAnswers([q(1), q(2, false), q(3)], [a(3)]).map((x) => x.id)).toEqual([1]);
	});
});

describe('dates', () => {
	const now = Date.parse('2026-11-26T12:00:00Z');

	it('is open while published and before the closing date', () => {
		expect(isOpen({ status: 'published', closes_at: '2026-11-27T17:00:00Z' }, now)).toBe(true);
		expect(isOpen({ status: 'published', closes_at: null }, now)).toBe(true);
		expect(isOpen({ status: 'published', closes_at: '2026-11-26T11:59:00Z' }, now)).toBe(false);
		expect(isOpen({ status: 'closed', closes_at: '2026-12-27T17:00:00Z' }, now)).toBe(false);
	});

	it('says when staff read applications, as a plain date', () => {
		expect(whatHappensNext({ closes_at: '2027-01-14T17:00:00Z' })).toBe(
			'The co-production team will read every application after the closing date, Thursday, 14 January 2027. We will then email you to tell you what happens next.'
		);
		expect(whatHappensNext({ closes_at: null })).toMatch(/as they arrive/);
	});

	it('writes times as GOV.UK does', () => {
		expect(formatTime('2026-12-02T11:00:00Z')).toBe('11am');
		expect(formatTime('2026-07-02T13:30:00Z')).toBe('2:30pm');
	});
});
