// Words and sums for the steering group recruitment round, shared by pages and the server.
// Nothing here talks to the database, so components in the browser can use it too.
import { APPLICATION_STATUSES, type ApplicationStatus } from './applications';

/** One line of a round's person specification. */
export interface Criterion {
	id: number;
	position: number;
	title: string;
	description: string | null;
}

/** What each score means, in the words the panel sees beside the radio buttons. */
export const SCORES = {
	'0': 'No evidence',
	'1': 'Some evidence',
	'2': 'Good evidence',
	'3': 'Strong evidence'
} as const;
export type ScoreKey = keyof typeof SCORES;

/** The highest score one panel member can give one criterion. */
export const MAX_SCORE = 3;

/** The stages at which the panel may give or change scores. */
export const SCORING_STAGES = ['shortlisted', 'interview'] as const;

export type ApplicationStage = ApplicationStatus;

/** Where an application has got to: the same words everywhere. */
export const STAGES = APPLICATION_STATUSES;

export function canScore(stage: ApplicationStage): boolean {
	return (SCORING_STAGES as readonly string[]).includes(stage);
}

/** One panel member's score of one applicant against one criterion. */
export interface Score {
	criterion_id: number;
	scorer_id: string;
	score: number;
	comment: string | null;
}

export interface PanelMember {
	id: string;
	name: string;
}

/** An applicant whose whole panel has scored them, with the scores brought together. */
export interface CombinedResult {
	applicationId: number;
	name: string;
	/** Per criterion, in order: each panel member's score (null if they gave none), and the average. */
	rows: { criterion: Criterion; scores: (number | null)[]; comments: (string | null)[]; average: number }[];
	/** Each panel member's total across the criteria, in panel order. */
	totalsByScorer: number[];
	total: number;
	/** The average score out of 3, over every score given. */
	average: number;
	/** Most that could be scored: criteria × panel members × 3. */
	outOf: number;
}

export function combine(
	applicant: { applicationId: number; name: string },
	criteria: Criterion[],
	panel: PanelMember[],
	scores: Score[]
): CombinedResult {
	const find = (c: Criterion, p: PanelMember) =>
		scores.find((s) => s.criterion_id === c.id && s.scorer_id === p.id) ?? null;
	const rows = criteria.map((criterion) => {
		const given = panel.map((p) => find(criterion, p));
		const numbers = given.filter((s): s is Score => s !== null).map((s) => s.score);
		return {
			criterion,
			scores: given.map((s) => s?.score ?? null),
			comments: given.map((s) => s?.comment ?? null),
			average: mean(numbers)
		};
	});
	const all = rows.flatMap((r) => r.scores.filter((s): s is number => s !== null));
	return {
		applicationId: applicant.applicationId,
		name: applicant.name,
		rows,
		totalsByScorer: panel.map((_, i) => rows.reduce((sum, r) => sum + (r.scores[i] ?? 0), 0)),
		total: all.reduce((a, b) => a + b, 0),
		average: mean(all),
		outOf: criteria.length * panel.length * MAX_SCORE
	};
}

function mean(xs: number[]): number {
	return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface Ranked<T> {
	/** 1 for the highest total; applicants with the same total share a place. */
	place: number;
	joint: boolean;
	result: T;
}

/** Highest total first. Equal totals share a place ("Joint 2nd") and the next place is skipped. */
export function rank<T extends { total: number; name: string }>(results: T[]): Ranked<T>[] {
	const sorted = [...results].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'en-GB'));
	return sorted.map((result) => {
		const place = sorted.findIndex((r) => r.total === result.total) + 1;
		const joint = sorted.filter((r) => r.total === result.total).length > 1;
		return { place, joint, result };
	});
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st … */
export function ordinal(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

export function placeText(r: Pick<Ranked<unknown>, 'place' | 'joint'>): string {
	return r.joint ? `Joint ${ordinal(r.place)}` : ordinal(r.place);
}

/** An average to one decimal place, the way people write it: 2.5, 2, 1.3. */
export function formatAverage(n: number): string {
	return (Math.round(n * 10) / 10).toString();
}

/** "1 of 2 have scored", "2 of 2 have scored", "No panel yet". */
export function progressText(done: number, panelSize: number): string {
	if (panelSize === 0) return 'No panel yet';
	return `${done} of ${panelSize} ${panelSize === 1 ? 'has' : 'have'} scored`;
}
