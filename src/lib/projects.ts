// Projects and the co-production evaluation tool: the shapes, the checks on what staff and members
// send, and the summaries the overview shows. Pure, so the unit tests cover it.

export interface Principle {
	id: number;
	name: string;
	question: string;
	levels: string[];
	sort_order: number;
	retired: boolean;
}

export interface PlanEntry {
	principle_id: number;
	intention: string;
	how_involved: string;
	level: number | null;
}

export interface ReflectionEntry {
	principle_id: number;
	what_happened: string;
	evidence: string;
	what_to_change: string;
	level: number | null;
}

export interface Reflection {
	id: number;
	project_id: number;
	kind: 'milestone' | 'end';
	title: string;
	reflected_on: string;
	entries: ReflectionEntry[];
}

export const REFLECTION_KINDS = { milestone: 'At a milestone', end: 'At the end' } as const;

export type Went = 'well' | 'okay' | 'badly';
export type AdjustmentsAnswer = 'right' | 'partly' | 'not_right' | 'none_needed';
export type Listened = 'yes' | 'partly' | 'no';

export const WENT: Went[] = ['well', 'okay', 'badly'];
export const ADJUSTMENTS: AdjustmentsAnswer[] = ['right', 'partly', 'not_right', 'none_needed'];
export const LISTENED: Listened[] = ['yes', 'partly', 'no'];

/** Staff words for members' answers (member pages take theirs from the message catalogue). */
export const STAFF_WORDS = {
	went: { well: 'Went well', okay: 'Okay', badly: 'Went badly' },
	adjustments: {
		right: 'Adjustments right',
		partly: 'Adjustments partly right',
		not_right: 'Adjustments not right',
		none_needed: 'No adjustments needed'
	},
	listened: { yes: 'Listened to', partly: 'Partly listened to', no: 'Not listened to' }
} as const;

export interface Feedback {
	id: string;
	opportunity_id: number;
	opportunity_title: string;
	member_name: string | null;
	went: Went;
	adjustments: AdjustmentsAnswer;
	listened: Listened;
	comment: string;
	easy_read: boolean;
	given_on: string;
}

export interface FeedbackSummary {
	count: number;
	named: number;
	went: Record<Went, number>;
	adjustments: Record<AdjustmentsAnswer, number>;
	listened: Record<Listened, number>;
}

export function summariseFeedback(
	rows: Pick<Feedback, 'went' | 'adjustments' | 'listened' | 'member_name'>[]
) {
	const s: FeedbackSummary = {
		count: rows.length,
		named: 0,
		went: { well: 0, okay: 0, badly: 0 },
		adjustments: { right: 0, partly: 0, not_right: 0, none_needed: 0 },
		listened: { yes: 0, partly: 0, no: 0 }
	};
	for (const r of rows) {
		if (r.member_name) s.named += 1;
		s.went[r.went] += 1;
		s.adjustments[r.adjustments] += 1;
		s.listened[r.listened] += 1;
	}
	return s;
}

/** "3 of 4 went well; 1 said adjustments were not right" – one line for the overview. */
export function feedbackLine(s: FeedbackSummary): string {
	if (s.count === 0) return 'No feedback yet';
	const parts = [`${s.went.well} of ${s.count} went well`];
	if (s.went.badly > 0) parts.push(`${s.went.badly} went badly`);
	const notRight = s.adjustments.not_right + s.adjustments.partly;
	if (notRight > 0) parts.push(`${notRight} said adjustments were not quite right`);
	const notHeard = s.listened.no + s.listened.partly;
	if (notHeard > 0) parts.push(`${notHeard} did not feel fully listened to`);
	return parts.join('; ');
}

/** A plan is done when every principle in use has an intention, how members take part and a level. */
export function planDone(principles: Pick<Principle, 'id' | 'retired'>[], entries: PlanEntry[]): boolean {
	const active = principles.filter((p) => !p.retired);
	if (active.length === 0) return false;
	return active.every((p) => {
		const e = entries.find((x) => x.principle_id === p.id);
		return !!e && e.intention.trim() !== '' && e.how_involved.trim() !== '' && e.level !== null;
	});
}

export function levelName(principle: Pick<Principle, 'levels'>, level: number | null | undefined): string {
	if (!level) return 'Not given';
	return principle.levels[level - 1] ?? 'Not given';
}

export interface LevelPoint {
	label: string;
	on: string | null;
	levels: Record<number, number | null>;
}

/** The plan's levels, then each reflection's, oldest first: a row per point in time. */
export function levelsOverTime(
	plan: { entries: PlanEntry[]; on: string | null } | null,
	reflections: Pick<Reflection, 'title' | 'reflected_on' | 'entries'>[]
): LevelPoint[] {
	const points: LevelPoint[] = [];
	if (plan && plan.entries.length > 0)
		points.push({
			label: 'Plan (aim)',
			on: plan.on,
			levels: Object.fromEntries(plan.entries.map((e) => [e.principle_id, e.level]))
		});
	for (const r of [...reflections].sort((a, b) => a.reflected_on.localeCompare(b.reflected_on)))
		points.push({
			label: r.title,
			on: r.reflected_on,
			levels: Object.fromEntries(r.entries.map((e) => [e.principle_id, e.level]))
		});
	return points;
}

// Checking what is sent ----------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
	if (!DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface ProjectInput {
	name: string;
	aim: string;
	manager_id: string | null;
	programme_id: number | null;
	starts_on: string | null;
	ends_on: string | null;
}

type Result<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

const str = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

export function parseProject(form: FormData, managers: string[], programmes: number[]): Result<ProjectInput> {
	const errors: Record<string, string> = {};
	const name = str(form, 'name');
	if (name.length < 2) errors.name = 'Enter the project’s name';
	else if (name.length > 120) errors.name = 'The name must be 120 characters or fewer';
	const aim = str(form, 'aim');
	if (aim.length > 2000) errors.aim = 'The aim must be 2,000 characters or fewer';
	const manager = str(form, 'manager_id');
	if (manager && !managers.includes(manager)) errors.manager_id = 'Choose a project manager from the list';
	const programme = str(form, 'programme_id');
	if (programme && !programmes.includes(Number(programme)))
		errors.programme_id = 'Choose a programme from the list';
	const starts = str(form, 'starts_on');
	const ends = str(form, 'ends_on');
	if (starts && !isRealDate(starts))
		errors.starts_on = 'Enter the start date as a real date, like 2027-03-27';
	if (ends && !isRealDate(ends)) errors.ends_on = 'Enter the end date as a real date, like 2027-03-27';
	if (!errors.starts_on && !errors.ends_on && starts && ends && ends < starts)
		errors.ends_on = 'The end date must be on or after the start date';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		data: {
			name,
			aim,
			manager_id: manager || null,
			programme_id: programme ? Number(programme) : null,
			starts_on: starts || null,
			ends_on: ends || null
		}
	};
}

function level(form: FormData, key: string, principle: Principle, errors: Record<string, string>) {
	const raw = str(form, key);
	if (raw === '') return null;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > principle.levels.length) {
		errors[key] = `Choose a level for ${principle.name}`;
		return null;
	}
	return n;
}

function long(form: FormData, key: string, label: string, errors: Record<string, string>) {
	const s = str(form, key);
	if (s.length > 2000) errors[key] = `${label} must be 2,000 characters or fewer`;
	return s;
}

/** Plan fields are named intention_<principle>, how_involved_<principle>, level_<principle>. */
export function parsePlan(form: FormData, principles: Principle[]): Result<PlanEntry[]> {
	const errors: Record<string, string> = {};
	const entries = principles.map((p) => ({
		principle_id: p.id,
		intention: long(form, `intention_${p.id}`, `What the project intends for ${p.name}`, errors),
		how_involved: long(form, `how_involved_${p.id}`, `How members will be involved for ${p.name}`, errors),
		level: level(form, `level_${p.id}`, p, errors)
	}));
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: entries };
}

export interface ReflectionInput {
	kind: 'milestone' | 'end';
	title: string;
	reflected_on: string;
	entries: ReflectionEntry[];
}

export function parseReflection(form: FormData, principles: Principle[]): Result<ReflectionInput> {
	const errors: Record<string, string> = {};
	const title = str(form, 'title');
	if (title.length < 2) errors.title = 'Enter what this reflection is for, like “After the first meeting”';
	else if (title.length > 120) errors.title = 'The name must be 120 characters or fewer';
	const kind = str(form, 'kind');
	if (kind !== 'milestone' && kind !== 'end')
		errors.kind = 'Choose whether this is at a milestone or the end';
	const on = str(form, 'reflected_on');
	if (!isRealDate(on)) errors.reflected_on = 'Enter the date as a real date, like 2027-03-27';
	const entries = principles.map((p) => ({
		principle_id: p.id,
		what_happened: long(form, `what_happened_${p.id}`, `What happened for ${p.name}`, errors),
		evidence: long(form, `evidence_${p.id}`, `The evidence for ${p.name}`, errors),
		what_to_change: long(form, `what_to_change_${p.id}`, `What to change for ${p.name}`, errors),
		level: level(form, `level_${p.id}`, p, errors)
	}));
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, data: { kind: kind as 'milestone' | 'end', title, reflected_on: on, entries } };
}

export interface PrincipleInput {
	name: string;
	question: string;
	levels: string[];
	sort_order: number;
	retired: boolean;
}

export function parsePrinciple(form: FormData): Result<PrincipleInput> {
	const errors: Record<string, string> = {};
	const name = str(form, 'name');
	if (name.length < 2) errors.name = 'Enter the principle’s name';
	else if (name.length > 80) errors.name = 'The name must be 80 characters or fewer';
	const question = str(form, 'question');
	if (question.length > 500) errors.question = 'The description must be 500 characters or fewer';
	const levels = str(form, 'levels')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	if (levels.length < 2 || levels.length > 7) errors.levels = 'Enter from 2 to 7 levels, one on each line';
	const order = Number(str(form, 'sort_order') || '100');
	if (!Number.isInteger(order) || order < 0 || order > 10000)
		errors.sort_order = 'Enter the order as a whole number from 0 to 10,000';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		data: { name, question, levels, sort_order: order, retired: form.get('retired') === 'yes' }
	};
}

export interface FeedbackInput {
	went: Went;
	adjustments: AdjustmentsAnswer;
	listened: Listened;
	comment: string;
	named: boolean;
	easy_read: boolean;
	request_key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Error values are message keys' ends: the page shows feedback_error_<value>. */
export function parseFeedback(form: FormData): Result<FeedbackInput> {
	const errors: Record<string, string> = {};
	const went = str(form, 'went') as Went;
	if (!WENT.includes(went)) errors.went = 'went';
	const adjustments = str(form, 'adjustments') as AdjustmentsAnswer;
	if (!ADJUSTMENTS.includes(adjustments)) errors.adjustments = 'adjustments';
	const listened = str(form, 'listened') as Listened;
	if (!LISTENED.includes(listened)) errors.listened = 'listened';
	const comment = str(form, 'comment');
	if (comment.length > 2000) errors.comment = 'comment';
	const named = str(form, 'named');
	if (named !== 'yes' && named !== 'no') errors.named = 'named';
	const key = str(form, 'request_key');
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		data: {
			went,
			adjustments,
			listened,
			comment,
			named: named === 'yes',
			easy_read: form.get('form') === 'easy',
			request_key: UUID.test(key) ? key : crypto.randomUUID()
		}
	};
}
