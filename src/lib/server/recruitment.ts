// The steering group recruitment round: its person specification (criteria), its panel, the panel's
// scores and who sits on the steering group now. Every query runs as the visitor (locals.db), so Row
// Level Security decides: a panel member reads only their own scores until the whole panel has
// scored an applicant; scoring_progress() tells how far scoring has got without showing any score.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { OpportunityStatus } from '$lib/opportunities';
import {
	canScore,
	combine,
	type ApplicationStage,
	type CombinedResult,
	type Criterion,
	type PanelMember,
	type Score
} from '$lib/recruitment';
import { MAX_CRITERIA, type CriterionInput, type ScoreInput } from '$lib/validation/recruitment';
import { fail } from './db/fail';

const ROUND_TYPE = 'steering_group_role';

// Person specification -------------------------------------------------------------------------

/** A round's criteria in order. Readable wherever the opportunity is (the public too, when published). */
export async function listCriteria(db: SupabaseClient, opportunityId: number): Promise<Criterion[]> {
	const { data, error } = await db
		.from('recruitment_criteria')
		.select('id, position, title, description')
		.eq('opportunity_id', opportunityId)
		.order('position');
	if (error) fail('Person specification', error);
	return data as Criterion[];
}

export async function getCriterion(
	db: SupabaseClient,
	roundId: number,
	criterionId: number
): Promise<Criterion | null> {
	const { data, error } = await db
		.from('recruitment_criteria')
		.select('id, position, title, description')
		.eq('opportunity_id', roundId)
		.eq('id', criterionId)
		.maybeSingle();
	if (error) fail('Criterion', error);
	return data as Criterion | null;
}

export type CriterionResult = { ok: true } | { ok: false; reason: 'too_many' | 'not_allowed' | 'not_found' };

export async function addCriterion(
	db: SupabaseClient,
	roundId: number,
	input: CriterionInput
): Promise<CriterionResult> {
	const existing = await listCriteria(db, roundId);
	if (existing.length >= MAX_CRITERIA) return { ok: false, reason: 'too_many' };
	const position = Math.max(0, ...existing.map((c) => c.position)) + 1;
	const { error } = await db
		.from('recruitment_criteria')
		.insert({ opportunity_id: roundId, position, title: input.title, description: input.description });
	if (error?.code === '42501') return { ok: false, reason: 'not_allowed' };
	if (error) fail('Adding a criterion', error);
	return { ok: true };
}

export async function updateCriterion(
	db: SupabaseClient,
	roundId: number,
	criterionId: number,
	input: CriterionInput
): Promise<CriterionResult> {
	const { data, error } = await db
		.from('recruitment_criteria')
		.update({ title: input.title, description: input.description })
		.eq('opportunity_id', roundId)
		.eq('id', criterionId)
		.select('id');
	if (error?.code === '42501') return { ok: false, reason: 'not_allowed' };
	if (error) fail('Changing a criterion', error);
	return (data as unknown[]).length === 1 ? { ok: true } : { ok: false, reason: 'not_found' };
}

function functionError(error: { message: string; code?: string }): 'not_allowed' | 'not_found' | null {
	if (error.message === 'not_allowed' || error.code === '42501') return 'not_allowed';
	if (error.message === 'not_found') return 'not_found';
	return null;
}

/** Swaps a criterion with the one above (or below) it. First stays first; last stays last. */
export async function moveCriterion(
	db: SupabaseClient,
	criterionId: number,
	up: boolean
): Promise<CriterionResult> {
	const { error } = await db.rpc('move_criterion', { criterion: criterionId, up });
	if (error) {
		const reason = functionError(error);
		if (reason) return { ok: false, reason };
		fail('Moving a criterion', error);
	}
	return { ok: true };
}

/** Removes a criterion (and any scores given against it); the ones after it move up a place. */
export async function removeCriterion(db: SupabaseClient, criterionId: number): Promise<CriterionResult> {
	const { error } = await db.rpc('remove_criterion', { criterion: criterionId });
	if (error) {
		const reason = functionError(error);
		if (reason) return { ok: false, reason };
		fail('Removing a criterion', error);
	}
	return { ok: true };
}

// Rounds ---------------------------------------------------------------------------------------------

export interface Round {
	id: number;
	title: string;
	/** The Welsh title, where the round's opportunity has one (on the steering group page). */
	title_cy?: string | null;
	status: OpportunityStatus;
	closes_at: string | null;
	places: number | null;
}

export async function getRound(db: SupabaseClient, id: number): Promise<Round | null> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, status, closes_at, places')
		.eq('id', id)
		.eq('type', ROUND_TYPE)
		.maybeSingle();
	if (error) fail('Recruitment round', error);
	return data as Round | null;
}

interface ApplicationRow {
	id: number;
	opportunity_id: number;
	status: ApplicationStage;
	member: { full_name: string } | null;
}

interface ProgressRow {
	application_id: number;
	scorers_done: number;
	panel_size: number;
	complete: boolean;
}

async function progressOf(db: SupabaseClient, roundId: number): Promise<ProgressRow[]> {
	const { data, error } = await db.rpc('scoring_progress', { round: roundId });
	if (error) fail('Scoring progress', error);
	return data as ProgressRow[];
}

async function applicationsOf(db: SupabaseClient, roundIds: number[]): Promise<ApplicationRow[]> {
	if (roundIds.length === 0) return [];
	const { data, error } = await db
		.from('applications')
		.select('id, opportunity_id, status, member:profiles!applications_member_id_fkey (full_name)')
		.in('opportunity_id', roundIds)
		.neq('status', 'draft');
	if (error) fail('Applications', error);
	return data as unknown as ApplicationRow[];
}

/**
 * The shortlist: applicants shortlisted or invited to interview now, or who were and have since been
 * offered a place, accepted, or not selected. (Someone turned down straight from "sent" was never on it.)
 */
async function shortlistOf(db: SupabaseClient, applications: ApplicationRow[]): Promise<ApplicationRow[]> {
	const decided = applications.filter((a) => ['offered', 'accepted', 'not_selected'].includes(a.status));
	const wasShortlisted = new Set<number>();
	if (decided.length > 0) {
		const { data, error } = await db
			.from('application_events')
			.select('application_id')
			.in(
				'application_id',
				decided.map((a) => a.id)
			)
			.in('status', ['shortlisted', 'interview']);
		if (error) fail('Application timelines', error);
		for (const row of data as { application_id: number }[]) wasShortlisted.add(row.application_id);
	}
	return applications.filter((a) => canScore(a.status) || wasShortlisted.has(a.id));
}

export interface RoundSummary extends Round {
	applicants: number;
	shortlisted: number;
	panelSize: number;
	criteria: number;
	/** Shortlisted applicants the whole panel has scored. */
	scored: number;
}

/** Steering group rounds that are not archived, the ones still taking applications first. */
export async function listRounds(db: SupabaseClient): Promise<RoundSummary[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, status, closes_at, places')
		.eq('type', ROUND_TYPE)
		.neq('status', 'archived')
		.order('closes_at', { ascending: true, nullsFirst: false })
		.order('id');
	if (error) fail('Recruitment rounds', error);
	const rounds = data as Round[];
	const ids = rounds.map((r) => r.id);
	if (ids.length === 0) return [];

	const [applications, panel, criteria, progress] = await Promise.all([
		applicationsOf(db, ids),
		db.from('panel_members').select('opportunity_id').in('opportunity_id', ids),
		db.from('recruitment_criteria').select('opportunity_id').in('opportunity_id', ids),
		Promise.all(ids.map((id) => progressOf(db, id)))
	]);
	if (panel.error) fail('Panels', panel.error);
	if (criteria.error) fail('Person specifications', criteria.error);
	const shortlist = new Set((await shortlistOf(db, applications)).map((a) => a.id));
	const count = (rows: { opportunity_id: number }[], id: number) =>
		rows.filter((r) => r.opportunity_id === id).length;

	return rounds.map((round, i) => {
		const mine = applications.filter((a) => a.opportunity_id === round.id);
		return {
			...round,
			applicants: mine.length,
			shortlisted: mine.filter((a) => shortlist.has(a.id)).length,
			panelSize: count(panel.data as { opportunity_id: number }[], round.id),
			criteria: count(criteria.data as { opportunity_id: number }[], round.id),
			scored: progress[i]!.filter((p) => p.complete && shortlist.has(p.application_id)).length
		};
	});
}

// The panel -------------------------------------------------------------------------------------------

export interface Person {
	id: string;
	name: string;
	email: string;
}

export async function listPanel(db: SupabaseClient, roundId: number): Promise<Person[]> {
	const { data, error } = await db
		.from('panel_members')
		.select('staff_id, added_at, staff:profiles!panel_members_staff_id_fkey (full_name, email)')
		.eq('opportunity_id', roundId)
		.order('added_at');
	if (error) fail('Panel', error);
	return (data as unknown as { staff_id: string; staff: { full_name: string; email: string } | null }[]).map(
		(row) => ({ id: row.staff_id, name: row.staff?.full_name ?? 'Someone', email: row.staff?.email ?? '' })
	);
}

/** Staff and admins who can sit on a panel: everyone on the team who has not left or paused. */
export async function listStaff(db: SupabaseClient): Promise<Person[]> {
	const { data, error } = await db
		.from('profiles')
		.select('id, full_name, email')
		.in('role', ['staff', 'admin'])
		.eq('status', 'active')
		.order('full_name');
	if (error) fail('Staff', error);
	return (data as { id: string; full_name: string; email: string }[]).map((p) => ({
		id: p.id,
		name: p.full_name,
		email: p.email
	}));
}

/** Adding someone already on the panel is the same as adding them once. */
export async function addPanelMember(
	db: SupabaseClient,
	roundId: number,
	staffId: string
): Promise<{ ok: true } | { ok: false; reason: 'not_allowed' }> {
	const { error } = await db
		.from('panel_members')
		.upsert({ opportunity_id: roundId, staff_id: staffId }, { ignoreDuplicates: true });
	if (error?.code === '42501' || error?.code === '23503') return { ok: false, reason: 'not_allowed' };
	if (error) fail('Adding to the panel', error);
	return { ok: true };
}

export async function removePanelMember(db: SupabaseClient, roundId: number, staffId: string): Promise<void> {
	const { error } = await db
		.from('panel_members')
		.delete()
		.eq('opportunity_id', roundId)
		.eq('staff_id', staffId);
	if (error) fail('Removing from the panel', error);
}

// Scoring -----------------------------------------------------------------------------------------------

export interface Applicant {
	applicationId: number;
	name: string;
	stage: ApplicationStage;
	/** Has the signed-in person scored every criterion? */
	scoredByMe: boolean;
	scorersDone: number;
	panelSize: number;
	complete: boolean;
}

export interface RoundScoring {
	applicants: Applicant[];
	/** For each applicant the whole panel has scored: everyone's scores together. */
	results: CombinedResult[];
}

/**
 * The shortlist with each applicant's scoring: the signed-in person's own state, the panel's progress,
 * and — only for applicants the whole panel has scored — the combined scores.
 */
export async function roundScoring(
	db: SupabaseClient,
	roundId: number,
	me: string,
	criteria: Criterion[],
	panel: PanelMember[]
): Promise<RoundScoring> {
	const [applications, progress] = await Promise.all([
		applicationsOf(db, [roundId]),
		progressOf(db, roundId)
	]);
	const shortlist = (await shortlistOf(db, applications)).sort((a, b) =>
		(a.member?.full_name ?? '').localeCompare(b.member?.full_name ?? '', 'en-GB')
	);
	const ids = shortlist.map((a) => a.id);
	const progressBy = new Map(progress.map((p) => [p.application_id, p]));
	const completeIds = ids.filter((id) => progressBy.get(id)?.complete);

	const criterionIds = new Set(criteria.map((c) => c.id));
	const mine = new Map<number, number>();
	let together: (Score & { application_id: number })[] = [];
	if (ids.length > 0) {
		const { data, error } = await db
			.from('panel_scores')
			.select('application_id, criterion_id')
			.eq('scorer_id', me)
			.in('application_id', ids);
		if (error) fail('Your scores', error);
		for (const row of data as { application_id: number; criterion_id: number }[]) {
			if (criterionIds.has(row.criterion_id))
				mine.set(row.application_id, (mine.get(row.application_id) ?? 0) + 1);
		}
	}
	if (completeIds.length > 0) {
		// Row Level Security shows these only because the whole panel has scored each of them.
		const { data, error } = await db
			.from('panel_scores')
			.select('application_id, criterion_id, scorer_id, score, comment')
			.in('application_id', completeIds);
		if (error) fail('Panel scores', error);
		together = data as (Score & { application_id: number })[];
	}

	const nameOf = (a: ApplicationRow) => a.member?.full_name ?? 'Applicant';
	return {
		applicants: shortlist.map((a) => {
			const p = progressBy.get(a.id);
			return {
				applicationId: a.id,
				name: nameOf(a),
				stage: a.status,
				scoredByMe: criteria.length > 0 && (mine.get(a.id) ?? 0) === criteria.length,
				scorersDone: p?.scorers_done ?? 0,
				panelSize: p?.panel_size ?? panel.length,
				complete: p?.complete ?? false
			};
		}),
		results: shortlist
			.filter((a) => completeIds.includes(a.id))
			.map((a) =>
				combine(
					{ applicationId: a.id, name: nameOf(a) },
					criteria,
					panel,
					together.filter((s) => s.application_id === a.id)
				)
			)
	};
}

export interface Answer {
	questionId: number;
	prompt: string;
	kind: 'text' | 'choice' | 'yes_no';
	mode: 'written' | 'audio' | 'phone_call' | null;
	answer: string | null;
	uploadId: string | null;
}

export interface ScoringSheet {
	applicationId: number;
	name: string;
	stage: ApplicationStage;
	submittedAt: string | null;
	answers: Answer[];
	/** The signed-in person's own scores, by criterion. */
	myScores: Record<number, { score: number; comment: string | null }>;
}

/** One applicant of a round, for a panel member to score: their answers and the panel member's own scores. */
export async function getScoringSheet(
	db: SupabaseClient,
	roundId: number,
	applicationId: number,
	me: string
): Promise<ScoringSheet | null> {
	const { data: app, error } = await db
		.from('applications')
		.select(
			'id, opportunity_id, status, submitted_at, member:profiles!applications_member_id_fkey (full_name)'
		)
		.eq('id', applicationId)
		.eq('opportunity_id', roundId)
		.neq('status', 'draft')
		.maybeSingle();
	if (error) fail('Application', error);
	if (!app) return null;
	const application = app as unknown as ApplicationRow & { submitted_at: string | null };

	const [questions, answers, scores] = await Promise.all([
		db
			.from('application_questions')
			.select('id, position, prompt, kind')
			.eq('opportunity_id', roundId)
			.order('position'),
		db
			.from('application_answers')
			.select('question_id, mode, answer, upload_id')
			.eq('application_id', applicationId),
		db
			.from('panel_scores')
			.select('criterion_id, score, comment')
			.eq('application_id', applicationId)
			.eq('scorer_id', me)
	]);
	if (questions.error) fail('Questions', questions.error);
	if (answers.error) fail('Answers', answers.error);
	if (scores.error) fail('Your scores', scores.error);

	const answerBy = new Map(
		(
			answers.data as {
				question_id: number;
				mode: Answer['mode'];
				answer: string | null;
				upload_id: string | null;
			}[]
		).map((a) => [a.question_id, a])
	);
	return {
		applicationId: application.id,
		name: application.member?.full_name ?? 'Applicant',
		stage: application.status,
		submittedAt: application.submitted_at,
		answers: (questions.data as { id: number; prompt: string; kind: Answer['kind'] }[]).map((q) => {
			const a = answerBy.get(q.id);
			return {
				questionId: q.id,
				prompt: q.prompt,
				kind: q.kind,
				mode: a?.mode ?? null,
				answer: a?.answer ?? null,
				uploadId: a?.upload_id ?? null
			};
		}),
		myScores: Object.fromEntries(
			(scores.data as { criterion_id: number; score: number; comment: string | null }[]).map((s) => [
				s.criterion_id,
				{ score: s.score, comment: s.comment }
			])
		)
	};
}

export async function isOnPanel(db: SupabaseClient, roundId: number, staffId: string): Promise<boolean> {
	const { data, error } = await db
		.from('panel_members')
		.select('staff_id')
		.eq('opportunity_id', roundId)
		.eq('staff_id', staffId)
		.maybeSingle();
	if (error) fail('Panel', error);
	return data !== null;
}

/**
 * Saves the signed-in panel member's scores of one applicant (all criteria at once). The database
 * refuses anyone not on the round's panel, and applicants not shortlisted or invited to interview.
 */
export async function saveScores(
	db: SupabaseClient,
	applicationId: number,
	me: string,
	scores: ScoreInput[]
): Promise<{ ok: true } | { ok: false; reason: 'not_allowed' }> {
	const { error } = await db.from('panel_scores').upsert(
		scores.map((s) => ({
			application_id: applicationId,
			criterion_id: s.criterion_id,
			scorer_id: me,
			score: s.score,
			comment: s.comment
		})),
		{ onConflict: 'application_id,criterion_id,scorer_id' }
	);
	if (error?.code === '42501') return { ok: false, reason: 'not_allowed' };
	if (error) fail('Saving scores', error);
	return { ok: true };
}

// The steering group ---------------------------------------------------------------------------------

export interface Seat {
	name: string;
	role: string;
	starts_on: string | null;
	ends_on: string | null;
}

/** Who sits on the steering group now. Only for signed-in people: the public get an empty list. */
export async function steeringGroup(db: SupabaseClient, signedIn: boolean): Promise<Seat[]> {
	if (!signedIn) return [];
	const { data, error } = await db.rpc('steering_group');
	if (error) fail('Steering group', error);
	return data as Seat[];
}

/** Steering group rounds taking applications now, closing soonest first. */
export async function openRounds(db: SupabaseClient, now = new Date()): Promise<Round[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, title_cy, status, closes_at, places')
		.eq('type', ROUND_TYPE)
		.eq('status', 'published')
		.or(`closes_at.is.null,closes_at.gt."${now.toISOString()}"`)
		.order('closes_at', { ascending: true, nullsFirst: false })
		.order('id');
	if (error) fail('Open rounds', error);
	return data as Round[];
}
