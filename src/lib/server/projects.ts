// Projects and the co-production evaluation tool, for staff: everything through supabase-js with
// the staff member's own JWT (Row Level Security lets staff only). Members' feedback goes through
// the database functions give_feedback and my_feedback_activities with the member's own JWT.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	feedbackLine,
	planDone,
	summariseFeedback,
	type Feedback,
	type FeedbackInput,
	type FeedbackSummary,
	type PlanEntry,
	type Principle,
	type PrincipleInput,
	type ProjectInput,
	type Reflection,
	type ReflectionInput
} from '$lib/projects';
import { fail } from './db/fail';

export interface Project {
	id: number;
	name: string;
	aim: string;
	manager_id: string | null;
	manager_name: string | null;
	programme_id: number | null;
	programme_name: string | null;
	starts_on: string | null;
	ends_on: string | null;
}

const PROJECT =
	'id, name, aim, manager_id, programme_id, starts_on, ends_on, manager:profiles!projects_manager_id_fkey(full_name), programme:programmes(name)';

type ProjectRow = Omit<Project, 'manager_name' | 'programme_name'> & {
	manager: { full_name: string } | null;
	programme: { name: string } | null;
};

const toProject = (r: ProjectRow): Project => ({
	id: r.id,
	name: r.name,
	aim: r.aim,
	manager_id: r.manager_id,
	manager_name: r.manager?.full_name ?? null,
	programme_id: r.programme_id,
	programme_name: r.programme?.name ?? null,
	starts_on: r.starts_on,
	ends_on: r.ends_on
});

export async function listProjects(db: SupabaseClient): Promise<Project[]> {
	const { data, error } = await db.from('projects').select(PROJECT).order('name');
	if (error) fail('The projects', error);
	return (data as unknown as ProjectRow[]).map(toProject);
}

export async function getProject(db: SupabaseClient, id: number): Promise<Project | null> {
	const { data, error } = await db.from('projects').select(PROJECT).eq('id', id).maybeSingle();
	if (error) fail('The project', error);
	return data ? toProject(data as unknown as ProjectRow) : null;
}

/** Who can manage a project (staff and admins still working here), and the programmes. */
export async function projectChoices(db: SupabaseClient) {
	const [staff, programmes] = await Promise.all([
		db
			.from('profiles')
			.select('id, full_name')
			.in('role', ['staff', 'admin'])
			.neq('status', 'left')
			.order('full_name'),
		db.from('programmes').select('id, name').order('sort_order')
	]);
	if (staff.error) fail('The staff', staff.error);
	if (programmes.error) fail('The programmes', programmes.error);
	return {
		managers: staff.data as { id: string; full_name: string }[],
		programmes: programmes.data as { id: number; name: string }[]
	};
}

/** Adds (id null) or changes a project; returns its id, or null when not allowed. */
export async function saveProject(
	db: SupabaseClient,
	id: number | null,
	input: ProjectInput,
	userId: string
): Promise<number | null> {
	const query =
		id === null
			? db
					.from('projects')
					.insert({ ...input, created_by: userId })
					.select('id')
			: db.from('projects').update(input).eq('id', id).select('id');
	const { data, error } = await query;
	if (error) fail('Saving the project', error);
	const rows = data as { id: number }[];
	return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}

// Opportunities, people and spending ------------------------------------------------------------------

export interface ProjectOpportunity {
	id: number;
	title: string;
	type: string;
	status: string;
	starts_on: string | null;
}

export async function projectOpportunities(
	db: SupabaseClient,
	projectId: number
): Promise<ProjectOpportunity[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title, type, status, starts_on')
		.eq('project_id', projectId)
		.order('starts_on', { ascending: true, nullsFirst: false });
	if (error) fail('The project’s opportunities', error);
	return data as ProjectOpportunity[];
}

/** Opportunities in no project yet (not archived), to add to one. */
export async function unlinkedOpportunities(db: SupabaseClient): Promise<{ id: number; title: string }[]> {
	const { data, error } = await db
		.from('opportunities')
		.select('id, title')
		.is('project_id', null)
		.neq('status', 'archived')
		.order('title');
	if (error) fail('Opportunities', error);
	return data as { id: number; title: string }[];
}

export async function setOpportunityProject(
	db: SupabaseClient,
	opportunityId: number,
	projectId: number | null
): Promise<boolean> {
	const { data, error } = await db
		.from('opportunities')
		.update({ project_id: projectId })
		.eq('id', opportunityId)
		.select('id');
	// A project taken away since the page was drawn: nothing to link to.
	if (error?.code === '23503') return false;
	if (error) fail('Linking the opportunity', error);
	return (data as unknown[]).length === 1;
}

export interface Involved {
	id: number;
	name: string;
	kind: 'member' | 'not a member' | 'former member';
	opportunity: string;
	role: string;
	starts_on: string | null;
	ends_on: string | null;
}

/** Everyone who took a place in the project's opportunities. */
export async function projectPeople(db: SupabaseClient, projectId: number): Promise<Involved[]> {
	const { data, error } = await db
		.from('involvements')
		.select(
			'id, role, starts_on, ends_on, member_id, guest_id, member:profiles!involvements_member_id_fkey(full_name), guest:guests(full_name), opportunity:opportunities!inner(title, project_id)'
		)
		.eq('opportunity.project_id', projectId)
		.order('starts_on', { ascending: true, nullsFirst: false });
	if (error) fail('Who took part', error);
	type Row = {
		id: number;
		role: string;
		starts_on: string | null;
		ends_on: string | null;
		member_id: string | null;
		guest_id: number | null;
		member: { full_name: string } | null;
		guest: { full_name: string | null } | null;
		opportunity: { title: string };
	};
	return (data as unknown as Row[]).map((r) => ({
		id: r.id,
		name: r.member?.full_name ?? r.guest?.full_name ?? 'Name removed',
		kind: r.member_id ? 'member' : r.guest_id ? 'not a member' : 'former member',
		opportunity: r.opportunity.title,
		role: r.role,
		starts_on: r.starts_on,
		ends_on: r.ends_on
	}));
}

export interface Spend {
	claims_paid: number;
	fees_pence: number;
	expenses_pence: number;
	adjustments_arranged: number;
	adjustments_pence: number;
}

export async function projectSpend(db: SupabaseClient, projectId: number): Promise<Spend> {
	const { data, error } = await db.rpc('project_spend', { project: projectId }).single();
	if (error) fail('What the project spent', error);
	const r = data as Record<keyof Spend, number | string>;
	return {
		claims_paid: Number(r.claims_paid),
		fees_pence: Number(r.fees_pence),
		expenses_pence: Number(r.expenses_pence),
		adjustments_arranged: Number(r.adjustments_arranged),
		adjustments_pence: Number(r.adjustments_pence)
	};
}

// The framework ----------------------------------------------------------------------------------------

export async function listPrinciples(db: SupabaseClient, withRetired = false): Promise<Principle[]> {
	let query = db.from('evaluation_principles').select('id, name, question, levels, sort_order, retired');
	if (!withRetired) query = query.eq('retired', false);
	const { data, error } = await query.order('sort_order').order('name');
	if (error) fail('The principles', error);
	return data as Principle[];
}

/** Admins only (Row Level Security refuses others: nothing changes, so this says false). */
export async function savePrinciple(
	db: SupabaseClient,
	id: number | null,
	input: PrincipleInput
): Promise<boolean> {
	const query =
		id === null
			? db.from('evaluation_principles').insert(input).select('id')
			: db.from('evaluation_principles').update(input).eq('id', id).select('id');
	const { data, error } = await query;
	if (error?.code === '23505') return false;
	if (error?.code === '42501') return false;
	if (error) fail('Saving the principle', error);
	return (data as unknown[]).length === 1;
}

// Plans and reflections -------------------------------------------------------------------------------

export async function getPlan(
	db: SupabaseClient,
	projectId: number
): Promise<{ entries: PlanEntry[]; on: string | null }> {
	const { data, error } = await db
		.from('plan_entries')
		.select('principle_id, intention, how_involved, level, updated_at')
		.eq('project_id', projectId);
	if (error) fail('The plan', error);
	const rows = data as (PlanEntry & { updated_at: string })[];
	const on = rows.length
		? rows
				.map((r) => r.updated_at)
				.sort()
				.at(-1)!
				.slice(0, 10)
		: null;
	return { entries: rows.map(({ updated_at: _, ...e }) => e), on };
}

export async function savePlan(db: SupabaseClient, projectId: number, entries: PlanEntry[], userId: string) {
	const { error } = await db
		.from('plan_entries')
		.upsert(entries.map((e) => ({ ...e, project_id: projectId, updated_by: userId })));
	if (error) fail('Saving the plan', error);
}

const REFLECTION =
	'id, project_id, kind, title, reflected_on, entries:reflection_entries(principle_id, what_happened, evidence, what_to_change, level)';

export async function listReflections(db: SupabaseClient, projectIds: number[]): Promise<Reflection[]> {
	if (projectIds.length === 0) return [];
	const { data, error } = await db
		.from('reflections')
		.select(REFLECTION)
		.in('project_id', projectIds)
		.order('reflected_on')
		.order('id');
	if (error) fail('The reflections', error);
	return data as Reflection[];
}

export async function getReflection(
	db: SupabaseClient,
	projectId: number,
	id: number
): Promise<Reflection | null> {
	const { data, error } = await db
		.from('reflections')
		.select(REFLECTION)
		.eq('project_id', projectId)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('The reflection', error);
	return data as Reflection | null;
}

/** Adds (id null) or changes a reflection and its entries; returns its id. */
export async function saveReflection(
	db: SupabaseClient,
	projectId: number,
	id: number | null,
	input: ReflectionInput,
	userId: string
): Promise<number> {
	const head = { kind: input.kind, title: input.title, reflected_on: input.reflected_on };
	const query =
		id === null
			? db
					.from('reflections')
					.insert({ ...head, project_id: projectId, created_by: userId })
					.select('id')
			: db.from('reflections').update(head).eq('id', id).eq('project_id', projectId).select('id');
	const { data, error } = await query;
	if (error) fail('Saving the reflection', error);
	const saved = (data as { id: number }[])[0]?.id;
	if (!saved) fail('Saving the reflection', { message: 'not found' });
	const entries = await db
		.from('reflection_entries')
		.upsert(input.entries.map((e) => ({ ...e, reflection_id: saved })));
	if (entries.error) fail('Saving the reflection', entries.error);
	return saved;
}

// Members' feedback --------------------------------------------------------------------------------------

/** Feedback on the projects' activities; a name only where the member gave it. */
export async function listFeedback(
	db: SupabaseClient,
	projectIds: number[]
): Promise<(Feedback & { project_id: number })[]> {
	if (projectIds.length === 0) return [];
	const { data, error } = await db
		.from('activity_feedback')
		.select(
			'id, opportunity_id, went, adjustments, listened, comment, easy_read, given_on, member:profiles(full_name), opportunity:opportunities!inner(title, project_id)'
		)
		.in('opportunity.project_id', projectIds)
		.order('given_on', { ascending: false });
	if (error) fail('Members’ feedback', error);
	type Row = Omit<Feedback, 'member_name' | 'opportunity_title'> & {
		member: { full_name: string } | null;
		opportunity: { title: string; project_id: number };
	};
	return (data as unknown as Row[]).map(({ member, opportunity, ...r }) => ({
		...r,
		member_name: member?.full_name ?? null,
		opportunity_title: opportunity.title,
		project_id: opportunity.project_id
	}));
}

export interface FeedbackActivity {
	involvement_id: number;
	opportunity_title: string;
	role: string;
	starts_on: string | null;
	ends_on: string | null;
	given: boolean;
}

/** The signed-in member's activities in projects that have begun, and whether they gave feedback. */
export async function myFeedbackActivities(db: SupabaseClient): Promise<FeedbackActivity[]> {
	const { data, error } = await db.rpc('my_feedback_activities');
	if (error) fail('Your activities', error);
	return data as FeedbackActivity[];
}

/** 'given', or 'already_given' when feedback on this place was given before (with another form). */
export async function giveFeedback(
	db: SupabaseClient,
	involvementId: number,
	input: FeedbackInput
): Promise<'given' | 'already_given' | 'not_allowed'> {
	const { error } = await db.rpc('give_feedback', { involvement: involvementId, ...input });
	if (!error) return 'given';
	if (error.message.includes('already_given')) return 'already_given';
	if (error.message.includes('not_allowed')) return 'not_allowed';
	fail('Sending your feedback', error);
}

// The overview ---------------------------------------------------------------------------------------------

export interface OverviewRow {
	project: Project;
	planDone: boolean;
	planStarted: boolean;
	latest: Reflection | null;
	reflections: Reflection[];
	plan: PlanEntry[];
	members: number;
	feedback: FeedbackSummary;
	feedbackLine: string;
}

export async function overview(db: SupabaseClient) {
	const [projects, principles] = await Promise.all([listProjects(db), listPrinciples(db)]);
	const ids = projects.map((p) => p.id);
	const [plans, reflections, feedback, people] = await Promise.all([
		ids.length
			? db
					.from('plan_entries')
					.select('project_id, principle_id, intention, how_involved, level')
					.in('project_id', ids)
			: Promise.resolve({ data: [], error: null }),
		listReflections(db, ids),
		listFeedback(db, ids),
		ids.length
			? db
					.from('involvements')
					.select('member_id, opportunity:opportunities!inner(project_id)')
					.in('opportunity.project_id', ids)
					.not('member_id', 'is', null)
			: Promise.resolve({ data: [], error: null })
	]);
	if (plans.error) fail('The plans', plans.error);
	if (people.error) fail('Who took part', people.error);
	const planRows = plans.data as (PlanEntry & { project_id: number })[];
	const peopleRows = people.data as unknown as { member_id: string; opportunity: { project_id: number } }[];
	const rows: OverviewRow[] = projects.map((project) => {
		const plan = planRows.filter((e) => e.project_id === project.id);
		const mine = reflections.filter((r) => r.project_id === project.id);
		const fb = summariseFeedback(feedback.filter((f) => f.project_id === project.id));
		return {
			project,
			plan,
			planDone: planDone(principles, plan),
			planStarted: plan.length > 0,
			reflections: mine,
			latest: mine.at(-1) ?? null,
			members: new Set(
				peopleRows.filter((p) => p.opportunity.project_id === project.id).map((p) => p.member_id)
			).size,
			feedback: fb,
			feedbackLine: feedbackLine(fb)
		};
	});
	return { principles, rows };
}

/** The project an opportunity belongs to, and every project to choose from (the opportunity editor). */
export async function opportunityProjectChoice(db: SupabaseClient, opportunityId: number) {
	const [current, projects] = await Promise.all([
		db.from('opportunities').select('project_id').eq('id', opportunityId).maybeSingle(),
		db.from('projects').select('id, name').order('name')
	]);
	if (current.error) fail('The opportunity’s project', current.error);
	if (projects.error) fail('The projects', projects.error);
	return {
		projectId: (current.data as { project_id: number | null } | null)?.project_id ?? null,
		projects: projects.data as { id: number; name: string }[]
	};
}
