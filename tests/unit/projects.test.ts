import { describe, expect, it } from 'vitest';
import {
	feedbackLine,
	levelName,
	levelsOverTime,
	parseFeedback,
	parsePlan,
	parsePrinciple,
	parseProject,
	parseReflection,
	planDone,
	summariseFeedback,
	type Principle
} from '$lib/projects';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};

const P: Principle[] = [
	{ id: 1, name: 'Equality', question: '', levels: ['Low', 'Mid', 'High'], sort_order: 1, retired: false },
	{
		id: 2,
		name: 'Power',
		question: '',
		levels: ['Informing', 'Co-producing'],
		sort_order: 2,
		retired: false
	},
	{ id: 3, name: 'Old', question: '', levels: ['A', 'B'], sort_order: 3, retired: true }
];

describe('plans', () => {
	it('is done only when every principle in use has an intention, how members take part and a level', () => {
		const full = (id: number) => ({ principle_id: id, intention: 'x', how_involved: 'y', level: 1 });
		expect(planDone(P, [full(1), full(2)])).toBe(true);
		expect(planDone(P, [full(1)])).toBe(false);
		expect(planDone(P, [full(1), { ...full(2), level: null }])).toBe(false);
		expect(planDone(P, [full(1), { ...full(2), how_involved: '  ' }])).toBe(false);
		expect(planDone([], [])).toBe(false);
	});

	it('reads a plan form and refuses a level the principle does not have', () => {
		const ok = parsePlan(
			form({ intention_1: ' Fair ', how_involved_1: 'Paid', level_1: '3', level_2: '' }),
			P
		);
		expect(ok).toEqual({
			ok: true,
			data: [
				{ principle_id: 1, intention: 'Fair', how_involved: 'Paid', level: 3 },
				{ principle_id: 2, intention: '', how_involved: '', level: null },
				{ principle_id: 3, intention: '', how_involved: '', level: null }
			]
		});
		const bad = parsePlan(form({ level_2: '3' }), P);
		expect(bad).toEqual({ ok: false, errors: { level_2: 'Choose a level for Power' } });
	});

	it('names levels, and "Not given" for none', () => {
		expect(levelName(P[1]!, 2)).toBe('Co-producing');
		expect(levelName(P[1]!, null)).toBe('Not given');
		expect(levelName(P[1]!, 9)).toBe('Not given');
	});

	it('puts the plan first, then reflections oldest first', () => {
		const points = levelsOverTime(
			{ entries: [{ principle_id: 1, intention: '', how_involved: '', level: 2 }], on: null },
			[
				{ title: 'End', reflected_on: '2027-03-01', entries: [] },
				{
					title: 'Middle',
					reflected_on: '2026-12-01',
					entries: [{ principle_id: 1, what_happened: '', evidence: '', what_to_change: '', level: 3 }]
				}
			]
		);
		expect(points.map((p) => p.label)).toEqual(['Plan (aim)', 'Middle', 'End']);
		expect(points[1]!.levels[1]).toBe(3);
	});
});

describe('reflections and principles', () => {
	it('needs a name, a kind and a real date', () => {
		const bad = parseReflection(form({ kind: 'later', reflected_on: '2027-02-30' }), P);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['title', 'kind', 'reflected_on']);
		const ok = parseReflection(
			form({ title: 'End', kind: 'end', reflected_on: '2027-02-28', level_1: '1' }),
			P
		);
		expect(ok.ok && ok.data.entries[0]!.level).toBe(1);
	});

	it('reads levels one per line, 2 to 7 of them', () => {
		const ok = parsePrinciple(form({ name: 'Trust', levels: 'Low\n\n High \r\nTop', sort_order: '5' }));
		expect(ok).toEqual({
			ok: true,
			data: { name: 'Trust', question: '', levels: ['Low', 'High', 'Top'], sort_order: 5, retired: false }
		});
		expect(parsePrinciple(form({ name: 'Trust', levels: 'Only one' })).ok).toBe(false);
	});

	it('checks a project: name, a manager and programme from the lists, dates in order', () => {
		const bad = parseProject(
			form({
				name: 'A',
				manager_id: 'someone',
				programme_id: '9',
				starts_on: '2027-05-01',
				ends_on: '2027-04-01'
			}),
			['m1'],
			[1]
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['name', 'manager_id', 'programme_id', 'ends_on']);
		const ok = parseProject(form({ name: 'Guide', manager_id: 'm1', programme_id: '1' }), ['m1'], [1]);
		expect(ok).toEqual({
			ok: true,
			data: { name: 'Guide', aim: '', manager_id: 'm1', programme_id: 1, starts_on: null, ends_on: null }
		});
	});
});

describe('member feedback', () => {
	it('needs an answer to each question and whether to give a name', () => {
		const bad = parseFeedback(form({ went: 'great' }));
		expect(bad).toEqual({
			ok: false,
			errors: { went: 'went', adjustments: 'adjustments', listened: 'listened', named: 'named' }
		});
		const key = '8c7d5b4e-1f2a-4b3c-9d8e-7f6a5b4c3d2e';
		const ok = parseFeedback(
			form({
				went: 'well',
				adjustments: 'none_needed',
				listened: 'yes',
				named: 'no',
				form: 'easy',
				request_key: key
			})
		);
		expect(ok).toEqual({
			ok: true,
			data: {
				went: 'well',
				adjustments: 'none_needed',
				listened: 'yes',
				comment: '',
				named: false,
				easy_read: true,
				request_key: key
			}
		});
	});

	it('sums feedback into one line', () => {
		expect(feedbackLine(summariseFeedback([]))).toBe('No feedback yet');
		const s = summariseFeedback([
			{ went: 'well', adjustments: 'right', listened: 'yes', member_name: 'Grace' },
			{ went: 'okay', adjustments: 'partly', listened: 'partly', member_name: null },
			{ went: 'badly', adjustments: 'none_needed', listened: 'no', member_name: null }
		]);
		expect(s.named).toBe(1);
		expect(feedbackLine(s)).toBe(
			'1 of 3 went well; 1 went badly; 1 said adjustments were not quite right; 2 did not feel fully listened to'
		);
	});
});
