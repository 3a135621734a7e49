import { describe, expect, it } from 'vitest';
import {
	DECISIONS,
	DECISION_ERRORS,
	commonDecisions,
	decisionLabel,
	decisionsFor,
	fillPlaceholders,
	formatDay,
	formatTerm,
	formatTime,
	formatWhen,
	placeholdersFor,
	templateFor,
	unknownPlaceholders
} from '$lib/decisions';
import { APPLICATION_STATUSES, type ApplicationStatus } from '$lib/applications';

describe('decisionsFor', () => {
	it('allows the same moves as decide_applications', () => {
		expect(decisionsFor('submitted')).toEqual(['shortlisted', 'interview', 'offered', 'not_selected']);
		expect(decisionsFor('shortlisted')).toEqual(['interview', 'offered', 'not_selected']);
		expect(decisionsFor('interview')).toEqual(['interview', 'offered', 'not_selected']);
		expect(decisionsFor('offered')).toEqual(['accepted', 'not_selected']);
	});

	it('allows nothing once an application is finished, withdrawn or not yet sent', () => {
		for (const s of ['draft', 'accepted', 'not_selected', 'withdrawn'] as ApplicationStatus[])
			expect(decisionsFor(s)).toEqual([]);
	});
});

describe('commonDecisions', () => {
	it('keeps only decisions that fit every application chosen', () => {
		expect(commonDecisions(['submitted', 'shortlisted'])).toEqual(['interview', 'offered', 'not_selected']);
		expect(commonDecisions(['submitted', 'offered'])).toEqual(['not_selected']);
		expect(commonDecisions(['submitted', 'accepted'])).toEqual([]);
		expect(commonDecisions([])).toEqual([]);
	});
});

describe('decisionLabel', () => {
	it('says each decision in plain words', () => {
		expect(DECISIONS.map((d) => decisionLabel(d))).toEqual([
			'Shortlist',
			'Invite to interview',
			'Offer a place',
			'Record that they accepted',
			'Not this time'
		]);
	});

	it('says "again" when inviting someone already invited to interview', () => {
		expect(decisionLabel('interview', 'interview')).toBe('Invite to interview again');
		expect(decisionLabel('interview', ['interview', 'interview'])).toBe('Invite to interview again');
		expect(decisionLabel('interview', ['interview', 'shortlisted'])).toBe('Invite to interview');
	});

	it('gives the member-facing words for every status', () => {
		expect(APPLICATION_STATUSES.interview).toBe('Invited to interview');
		expect(APPLICATION_STATUSES.not_selected).toBe('Not this time');
	});
});

describe('templates', () => {
	it('use only the placeholders each decision can fill in', () => {
		for (const decision of DECISIONS) {
			for (const withTerm of [false, true]) {
				const t = templateFor(decision, { withTerm });
				const allowed = placeholdersFor(decision, { withTerm });
				expect(unknownPlaceholders(t.subject, allowed), `${decision} subject`).toEqual([]);
				expect(unknownPlaceholders(t.body, allowed), `${decision} body`).toEqual([]);
				expect(t.body.startsWith('Dear {name},')).toBe(true);
				expect(t.subject).toContain('{opportunity}');
			}
		}
	});

	it('the invitation says when and where; a steering group offer says the term', () => {
		expect(templateFor('interview').body).toContain('When: {when}\nWhere: {where}');
		expect(templateFor('offered', { withTerm: true }).body).toContain('{term}');
		expect(templateFor('offered').body).not.toContain('{term}');
	});

	it('stay short enough to store once a long name and title are filled in', () => {
		for (const decision of DECISIONS) {
			const t = templateFor(decision, { withTerm: true });
			const filled = fillPlaceholders(t.subject, { opportunity: 'x'.repeat(120), name: 'y'.repeat(60) });
			expect(filled.length).toBeLessThanOrEqual(200);
		}
	});
});

describe('placeholders', () => {
	it('fills in known words and leaves the rest as typed', () => {
		expect(
			fillPlaceholders('Dear {name}, about {opportunity} {when}', { name: 'Bethan', opportunity: 'X' })
		).toBe('Dear Bethan, about X {when}');
	});

	it('finds typos and words that cannot be filled in for this decision', () => {
		expect(unknownPlaceholders('Dear {nmae}, {name} {when}', ['name', 'opportunity'])).toEqual([
			'{nmae}',
			'{when}'
		]);
		expect(unknownPlaceholders('{} and {name}', ['name'])).toEqual(['{}']);
		expect(unknownPlaceholders('No brackets at all', ['name'])).toEqual([]);
	});

	it('names {when} and {where} only for interviews, {term} only for offers with a term', () => {
		expect(placeholdersFor('interview')).toEqual(['name', 'opportunity', 'when', 'where']);
		expect(placeholdersFor('offered', { withTerm: true })).toEqual(['name', 'opportunity', 'term']);
		expect(placeholdersFor('offered')).toEqual(['name', 'opportunity']);
		expect(placeholdersFor('not_selected')).toEqual(['name', 'opportunity']);
	});
});

describe('dates and times in words, in UK time', () => {
	it('says the time as people do', () => {
		expect(formatTime('2026-12-03T14:30:00Z')).toBe('2:30pm');
		expect(formatTime('2026-12-03T10:00:00Z')).toBe('10am');
		expect(formatTime('2026-12-03T12:00:00Z')).toBe('12 noon');
		// British Summer Time: 09:15 UTC is 10:15 in London.
		expect(formatTime('2027-07-01T09:15:00Z')).toBe('10:15am');
	});

	it('gives the day and time without a comma after the day name', () => {
		expect(formatWhen('2026-12-03T14:30:00Z')).toBe('Thursday 3 December 2026 at 2:30pm');
		// 23:30 UTC on 30 June is 00:30 on 1 July in London.
		expect(formatWhen('2027-06-30T23:30:00Z')).toBe('Thursday 1 July 2027 at 12:30am');
		expect(formatDay('2027-01-04')).toBe('Monday 4 January 2027');
		expect(formatTerm('2027-01-04', '2029-12-31')).toBe(
			'from Monday 4 January 2027 to Monday 31 December 2029'
		);
	});
});

it('has plain words for every error the decision function gives', () => {
	for (const key of ['not_allowed', 'wrong_status', 'message_missing', 'interview_missing', 'not_found'])
		expect(DECISION_ERRORS[key]).toMatch(/^[A-Z].+\.$/);
});
