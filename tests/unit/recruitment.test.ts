import { describe, expect, it } from 'vitest';
import {
	canScore,
	combine,
	formatAverage,
	ordinal,
	placeText,
	progressText,
	rank,
	type Criterion
} from '$lib/recruitment';
import { criterionSchema, parseScores, panelMemberSchema } from '$lib/validation/recruitment';
import { parse } from '$lib/validation/form';

const criteria: Criterion[] = [
	{ id: 10, position: 1, title: 'Lived experience', description: null },
	{ id: 11, position: 2, title: 'Listens well', description: 'Gives others room.' }
];
const panel = [
	{ id: 'a', name: 'Jo Williams' },
	{ id: 'b', name: 'Chris Evans' }
];

describe('combining the panel’s scores', () => {
	it('gives each criterion’s scores per panel member, the totals and the averages', () => {
		const result = combine({ applicationId: 1, name: 'Grace' }, criteria, panel, [
			{ criterion_id: 10, scorer_id: 'a', score: 3, comment: 'Strong' },
			{ criterion_id: 10, scorer_id: 'b', score: 2, comment: null },
			{ criterion_id: 11, scorer_id: 'b', score: 1, comment: null },
			{ criterion_id: 11, scorer_id: 'a', score: 2, comment: null },
			// A score from someone no longer on the panel is left out.
			{ criterion_id: 11, scorer_id: 'gone', score: 0, comment: null }
		]);
		expect(result.rows.map((r) => r.scores)).toEqual([
			[3, 2],
			[2, 1]
		]);
		expect(result.rows.map((r) => r.average)).toEqual([2.5, 1.5]);
		expect(result.rows[0]!.comments).toEqual(['Strong', null]);
		expect(result.totalsByScorer).toEqual([5, 3]);
		expect(result.total).toBe(8);
		expect(result.average).toBe(2);
		expect(result.outOf).toBe(12);
	});
});

describe('ranking', () => {
	it('puts the highest total first and shows ties as joint places', () => {
		const ranked = rank([
			{ name: 'Ravi', total: 12 },
			{ name: 'Grace', total: 17 },
			{ name: 'Oliver', total: 12 },
			{ name: 'Amara', total: 9 }
		]);
		expect(ranked.map((r) => [placeText(r), r.result.name])).toEqual([
			['1st', 'Grace'],
			['Joint 2nd', 'Oliver'],
			['Joint 2nd', 'Ravi'],
			['4th', 'Amara']
		]);
	});

	it('writes places the way people say them', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'22nd',
			'101st',
			'111th'
		]);
	});
});

describe('words', () => {
	it('tells scoring progress without scores', () => {
		expect(progressText(1, 2)).toBe('1 of 2 have scored');
		expect(progressText(2, 2)).toBe('2 of 2 have scored');
		expect(progressText(0, 1)).toBe('0 of 1 has scored');
		expect(progressText(0, 0)).toBe('No panel yet');
	});

	it('rounds averages to one place', () => {
		expect(formatAverage(2.8333)).toBe('2.8');
		expect(formatAverage(2)).toBe('2');
		expect(formatAverage(0)).toBe('0');
	});

	it('allows scoring only while shortlisted or invited to interview', () => {
		expect(canScore('shortlisted')).toBe(true);
		expect(canScore('interview')).toBe(true);
		for (const stage of ['submitted', 'offered', 'accepted', 'not_selected', 'withdrawn', 'draft'] as const)
			expect(canScore(stage)).toBe(false);
	});
});

describe('the scoring form', () => {
	it('needs a score from 0 to 3 for every criterion, in the order of the form', () => {
		const parsed = parseScores({ score_10: '3', comment_10: '  ', score_11: '' }, criteria);
		expect(parsed).toEqual({ ok: false, errors: { score_11: 'Choose a score for ‘Listens well’' } });
		for (const bad of ['4', '-1', '1.5', 'toString', 'two']) {
			expect(parseScores({ score_10: bad, score_11: '1' }, criteria).ok, bad).toBe(false);
		}
	});

	it('keeps comments, trimmed, and empty ones as none', () => {
		const form = new FormData();
		form.set('score_10', '0');
		form.set('comment_10', '  No example given. ');
		form.set('score_11', '2');
		expect(parseScores(form, criteria)).toEqual({
			ok: true,
			data: [
				{ criterion_id: 10, score: 0, comment: 'No example given.' },
				{ criterion_id: 11, score: 2, comment: null }
			]
		});
	});

	it('limits comments to 2000 characters', () => {
		const parsed = parseScores({ score_10: '1', score_11: '1', comment_11: 'x'.repeat(2001) }, criteria);
		expect(parsed).toEqual({
			ok: false,
			errors: { comment_11: 'Your comment on ‘Listens well’ must be 2000 characters or fewer' }
		});
	});
});

describe('the person specification and panel forms', () => {
	it('needs a criterion of 3 to 200 characters; the explanation is optional', () => {
		const values = { title: '  ', description: '' };
		expect(parse(criterionSchema, values, values)).toMatchObject({
			ok: false,
			errors: { title: 'Enter the criterion' }
		});
		const ok = { title: ' Works well in partnership ', description: '' };
		expect(parse(criterionSchema, ok, ok)).toEqual({
			ok: true,
			data: { title: 'Works well in partnership', description: null }
		});
	});

	it('needs someone chosen to add to the panel', () => {
		const none = { staff_id: '' };
		expect(parse(panelMemberSchema, none, none)).toMatchObject({
			ok: false,
			errors: { staff_id: 'Choose who to add to the panel' }
		});
		const jo = { staff_id: '00000000-0000-4000-8000-000000000004' };
		expect(parse(panelMemberSchema, jo, jo).ok).toBe(true);
	});
});
