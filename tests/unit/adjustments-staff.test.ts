import { describe, expect, it } from 'vitest';
import {
	formatPounds,
	parseAnswer,
	parseArrange,
	parseCost,
	penceFrom,
	poundsValue
} from '../../src/lib/validation/adjustment-staff';
import {
	countQueue,
	inFilter,
	queueStatus,
	readFilter,
	type QueueRow
} from '../../src/lib/adjustments-staff';

const KEY = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('staff answer an item', () => {
	it('agreed needs nothing more, and keeps no reason', () => {
		const r = parseAnswer({ item: '7', decision: 'agreed', reason: 'left over', request_key: KEY });
		expect(r).toEqual({
			ok: true,
			data: { item: 7, decision: 'agreed', note: null, reason: null, alternative: null, requestKey: KEY }
		});
	});

	it('partly agreed needs what cannot be done', () => {
		const r = parseAnswer({ item: '7', decision: 'partly_agreed', reason: ' ', request_key: KEY });
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.errors).toEqual({
				'reason-7': 'Say in plain words what you cannot do, so the member understands why'
			});
	});

	it('not possible needs the reason and the alternative offered', () => {
		const r = parseAnswer({ item: '7', decision: 'not_possible', request_key: KEY });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(Object.keys(r.errors)).toEqual(['reason-7', 'alternative-7']);
		const good = parseAnswer({
			item: '7',
			decision: 'not_possible',
			reason: 'The venue has no room for an overnight stay.',
			alternative: 'A hotel 5 minutes away, booked and paid by us.',
			request_key: KEY
		});
		expect(good.ok && good.data.alternative).toBe('A hotel 5 minutes away, booked and paid by us.');
	});

	it('asks for a choice, and refuses a stale form', () => {
		const r = parseAnswer({ item: '3', decision: 'arranged', request_key: 'nope' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors['decision-3']).toBe('Choose whether you agree, partly agree, or it is not possible');
			expect(r.errors.form).toMatch(/out of date/);
		}
	});

	it('limits the words', () => {
		const r = parseAnswer({
			item: '3',
			decision: 'partly_agreed',
			reason: 'x'.repeat(1001),
			request_key: KEY
		});
		expect(!r.ok && r.errors['reason-3']).toBe('Use 1000 characters or fewer');
	});
});

describe('staff say what is arranged', () => {
	it('needs what; when is optional', () => {
		const r = parseArrange({ item: '4', what: '', when: '', request_key: KEY });
		expect(!r.ok && r.errors['what-4']).toBe('Say what you have arranged, like “Taxi booked from home”');
		const ok = parseArrange({ item: '4', what: ' Taxi booked ', when: 'pick-up 09:15', request_key: KEY });
		expect(ok).toEqual({
			ok: true,
			data: { item: 4, what: 'Taxi booked', when: 'pick-up 09:15', requestKey: KEY }
		});
	});
});

describe('costs in pounds and pence', () => {
	it('reads what people type into whole pence', () => {
		expect(penceFrom('12.50')).toBe(1250);
		expect(penceFrom('£12.5')).toBe(1250);
		expect(penceFrom('£ 7')).toBe(700);
		expect(penceFrom('1,250.99')).toBe(125099);
		expect(penceFrom('0')).toBe(0);
		expect(penceFrom('')).toBeNull();
		expect(penceFrom('  ')).toBeNull();
	});

	it('refuses what is not money, negative or too much', () => {
		for (const bad of ['12.505', '-5', 'ten', '12,50', '100000.01', '1e3'])
			expect(penceFrom(bad)).toBeUndefined();
		expect(penceFrom('100000')).toBe(10_000_000);
	});

	it('shows pence as pounds', () => {
		expect(formatPounds(125099)).toBe('£1,250.99');
		expect(formatPounds(5)).toBe('£0.05');
		expect(formatPounds(null)).toBe('Not known');
		expect(poundsValue(1250)).toBe('12.50');
		expect(poundsValue(null)).toBe('');
	});

	it('says which cost could not be read', () => {
		const r = parseCost({ item: '9', estimated: 'about 20', actual: '' });
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.errors).toEqual({
				'estimated-9': 'Enter the estimated cost in pounds and pence, like 12.50, up to £100,000'
			});
		expect(parseCost({ item: '9', estimated: '45', actual: '38.40' })).toEqual({
			ok: true,
			data: { item: 9, estimated: 4500, actual: 3840 }
		});
	});
});

const row = (extra: Partial<QueueRow>): QueueRow => ({
	id: 1,
	member_id: 'm',
	member_name: 'Vikram',
	opportunity_id: 1,
	opportunity_title: 'Committee',
	meeting_id: null,
	meeting_title: null,
	meeting_starts_at: null,
	next_meeting_at: null,
	submitted_at: '2026-11-20T10:00:00Z',
	changed_after_agreement_at: null,
	requested: 0,
	agreed: 0,
	partly_agreed: 0,
	not_possible: 0,
	arranged: 0,
	papers_due_on: null,
	papers_overdue: false,
	...extra
});

describe('the queue', () => {
	const TODAY = '2026-11-26';
	const rows = [
		row({ id: 1, requested: 2 }),
		row({ id: 2, agreed: 1, partly_agreed: 1, papers_due_on: '2026-12-01' }),
		row({ id: 3, arranged: 3, papers_due_on: '2026-11-20', papers_overdue: true }),
		row({ id: 4, arranged: 1, changed_after_agreement_at: '2026-11-25T10:00:00Z' }),
		row({ id: 5, not_possible: 1 })
	];

	it('filters by what staff need to do', () => {
		const ids = (f: Parameters<typeof inFilter>[1]) =>
			rows.filter((r) => inFilter(r, f, TODAY)).map((r) => r.id);
		expect(ids('answer')).toEqual([1, 4]);
		expect(ids('arrange')).toEqual([2]);
		expect(ids('papers')).toEqual([2, 3]);
		expect(ids('overdue')).toEqual([3]);
		expect(ids('all')).toEqual([1, 2, 3, 4, 5]);
		expect(countQueue(rows, TODAY)).toEqual({ answer: 2, arrange: 1, papers: 2, overdue: 1, all: 5 });
	});

	it('says the most pressing thing about each request', () => {
		expect(rows.map((r) => queueStatus(r).text)).toEqual([
			'2 items need an answer',
			'2 items to arrange',
			'Arranged',
			'Changed by the member after agreement',
			'Not possible'
		]);
	});

	it('starts on what needs an answer, and ignores unknown filters', () => {
		expect(readFilter(null)).toBe('answer');
		expect(readFilter('overdue')).toBe('overdue');
		expect(readFilter('toString')).toBe('answer');
	});
});

describe('what an item asks for', () => {
	it('lists the options in words, then the numbers', async () => {
		const { askedFor } = await import('../../src/lib/adjustments-staff');
		expect(
			askedFor({
				category: 'papers',
				options: ['easy_read', 'large_print'],
				large_print_size: 18,
				papers_days_before: 14,
				break_every_minutes: null,
				break_minutes: null
			})
		).toEqual([
			'Easy read',
			'Large print',
			'Large print size: 18 point',
			'Papers 14 days before the meeting'
		]);
		expect(
			askedFor({
				category: 'meeting',
				options: ['breaks'],
				large_print_size: null,
				papers_days_before: null,
				break_every_minutes: 45,
				break_minutes: 10
			})
		).toEqual(['More breaks, or longer breaks', 'Breaks every 45 minutes, 10 minutes long']);
	});
});
