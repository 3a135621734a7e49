// The staff queue of adjustment requests: what each row's state is in plain words, and the filters.
import { CATEGORY_INFO, OPTIONS, type AccessOption, type Category } from './adjustments';

export interface QueueRow {
	id: number;
	member_id: string;
	member_name: string;
	opportunity_id: number;
	opportunity_title: string;
	meeting_id: number | null;
	meeting_title: string | null;
	meeting_starts_at: string | null;
	next_meeting_at: string | null;
	submitted_at: string;
	changed_after_agreement_at: string | null;
	requested: number;
	agreed: number;
	partly_agreed: number;
	not_possible: number;
	arranged: number;
	papers_due_on: string | null;
	papers_overdue: boolean;
}

export const QUEUE_FILTERS = {
	answer: 'Needs an answer',
	arrange: 'Agreed, not yet arranged',
	papers: 'Papers due',
	overdue: 'Overdue',
	all: 'All'
} as const;
export type QueueFilter = keyof typeof QUEUE_FILTERS;

export function readFilter(raw: string | null): QueueFilter {
	return raw && Object.hasOwn(QUEUE_FILTERS, raw) ? (raw as QueueFilter) : 'answer';
}

const toAnswer = (r: QueueRow) => r.requested > 0 || r.changed_after_agreement_at !== null;
const toArrange = (r: QueueRow) => r.agreed + r.partly_agreed > 0;

export function inFilter(r: QueueRow, filter: QueueFilter, today: string): boolean {
	switch (filter) {
		case 'answer':
			return toAnswer(r);
		case 'arrange':
			return toArrange(r);
		case 'papers':
			return r.papers_due_on !== null;
		case 'overdue':
			return r.papers_overdue || (r.papers_due_on !== null && r.papers_due_on < today);
		case 'all':
			return true;
	}
}

export type QueueTone = 'changed' | 'answer' | 'arrange' | 'done' | 'declined';

/** The one thing to say about a request in the queue, the most pressing first. */
export function queueStatus(r: QueueRow): { text: string; tone: QueueTone } {
	if (r.changed_after_agreement_at) return { text: 'Changed by the member after agreement', tone: 'changed' };
	if (r.requested > 0)
		return {
			text: r.requested === 1 ? '1 item needs an answer' : `${r.requested} items need an answer`,
			tone: 'answer'
		};
	const waiting = r.agreed + r.partly_agreed;
	if (waiting > 0)
		return { text: waiting === 1 ? '1 item to arrange' : `${waiting} items to arrange`, tone: 'arrange' };
	if (r.arranged > 0) return { text: 'Arranged', tone: 'done' };
	return { text: 'Not possible', tone: 'declined' };
}

export function countQueue(rows: QueueRow[], today: string): Record<QueueFilter, number> {
	const counts = { answer: 0, arrange: 0, papers: 0, overdue: 0, all: 0 } as Record<QueueFilter, number>;
	for (const r of rows)
		for (const f of Object.keys(QUEUE_FILTERS) as QueueFilter[]) if (inFilter(r, f, today)) counts[f]++;
	return counts;
}

// Labels come from $lib/adjustments (the members' own words, as they chose them).
export function categoryLabel(category: string): string {
	return Object.hasOwn(CATEGORY_INFO, category) ? CATEGORY_INFO[category as Category].label : category;
}

export const ITEM_STATUSES: Record<string, { text: string; tone: QueueTone }> = {
	requested: { text: 'Needs an answer', tone: 'answer' },
	agreed: { text: 'Agreed, not yet arranged', tone: 'arrange' },
	partly_agreed: { text: 'Partly agreed, not yet arranged', tone: 'arrange' },
	not_possible: { text: 'Not possible', tone: 'declined' },
	arranged: { text: 'Arranged', tone: 'done' },
	cancelled: { text: 'Cancelled by the member', tone: 'declined' }
};

/** What one item asks for, as short lines: the options, then the numbers that go with them. */
export function askedFor(item: {
	category: string;
	options: string[];
	large_print_size: number | null;
	papers_days_before: number | null;
	break_every_minutes: number | null;
	break_minutes: number | null;
}): string[] {
	const lines = item.options.map((o) => (Object.hasOwn(OPTIONS, o) ? OPTIONS[o as AccessOption] : o));
	if (item.large_print_size) lines.push(`Large print size: ${item.large_print_size} point`);
	if (item.papers_days_before)
		lines.push(
			`Papers ${item.papers_days_before} ${item.papers_days_before === 1 ? 'day' : 'days'} before the meeting`
		);
	if (item.break_every_minutes || item.break_minutes)
		lines.push(
			`Breaks${item.break_every_minutes ? ` every ${item.break_every_minutes} minutes` : ''}${item.break_minutes ? `, ${item.break_minutes} minutes long` : ''}`
		);
	return lines;
}
