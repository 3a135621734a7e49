// Opportunities: what members can read and what staff write. Every query runs as the visitor
// (locals.db), so Row Level Security decides: the public sees published and closed ones; staff all.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	CLOSING_SOON_DAYS,
	LIST_PAGE_SIZE,
	type ListedOpportunity,
	TOPICS,
	type LocationType,
	type Opportunity,
	type OpportunityStatus,
	type OpportunityType
} from '$lib/opportunities';
import type { ApplicationStatus } from '$lib/applications';
import type { OpportunityInput } from '$lib/validation/opportunity';
import { fail } from './db/fail';
import { searchText } from '$lib/validation/form';

const LIST_COLUMNS =
	'id, type, title, summary, location_type, location, closes_at, status, topics, places, payment, time_commitment, starts_on, updated_at, published_at, created_at, easy_read, description, ends_on, schedule, title_cy, summary_cy, easy_read_cy';

/** The columns a list of open opportunities shows (see ListedOpportunity): no full text, no easy read. */
export const OPEN_LIST_COLUMNS =
	'id, type, title, summary, title_cy, summary_cy, location_type, closes_at, status, published_at';

export interface Filters {
	q: string;
	type: OpportunityType | '';
	topic: string;
	where: LocationType | '';
	closingSoon: boolean;
}

export function readFilters(
	params: URLSearchParams,
	types: readonly string[],
	wheres: readonly string[]
): Filters {
	const type = params.get('type') ?? '';
	const where = params.get('where') ?? '';
	const topic = params.get('topic') ?? '';
	return {
		q: searchText(params),
		type: (types.includes(type) ? type : '') as Filters['type'],
		topic: (TOPICS as readonly string[]).includes(topic) ? topic : '',
		where: (wheres.includes(where) ? where : '') as Filters['where'],
		closingSoon: params.get('closing') === 'soon'
	};
}

/** A value for a PostgREST `or` filter: quoted, so commas, brackets and quotes are its own. */
export function quoteForOr(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Open opportunities (published and not past their closing date) that match: soonest closing first,
 * or newest published first.
 */
function openQuery(
	db: SupabaseClient,
	filters: Partial<Filters>,
	now: Date,
	language: 'en' | 'cy',
	options?: { count: 'exact'; head?: boolean },
	order: 'closing' | 'newest' = 'closing'
) {
	let query = db
		.from('opportunities')
		.select(OPEN_LIST_COLUMNS, options)
		.eq('status', 'published')
		.or(`closes_at.is.null,closes_at.gte."${now.toISOString()}"`);
	if (filters.type) query = query.eq('type', filters.type);
	if (filters.topic) query = query.contains('topics', [filters.topic]);
	if (filters.where === 'online') query = query.in('location_type', ['online', 'hybrid']);
	if (filters.where === 'in_person') query = query.in('location_type', ['in_person', 'hybrid']);
	if (filters.where === 'hybrid') query = query.eq('location_type', 'hybrid');
	if (filters.closingSoon)
		query = query.lte('closes_at', new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000).toISOString());
	if (filters.q && language === 'cy') {
		// In Welsh: the Welsh versions' words, and the English (not every opportunity has Welsh).
		const q = quoteForOr(filters.q);
		query = query.or(`search_cy.wfts(simple).${q},search.wfts(english).${q}`);
	} else if (filters.q)
		query = query.textSearch('search', filters.q, { type: 'websearch', config: 'english' });
	return order === 'newest'
		? query.order('published_at', { ascending: false, nullsFirst: false }).order('id', { ascending: false })
		: query.order('closes_at', { ascending: true, nullsFirst: false }).order('id');
}

/** The open opportunities closing soonest of those closing soon (the list's "closing soon" filter). */
export async function closingSoonest(
	db: SupabaseClient,
	limit: number,
	now = new Date()
): Promise<ListedOpportunity[]> {
	const { data, error } = await openQuery(db, { closingSoon: true }, now, 'en').limit(limit);
	if (error) fail('Opportunities closing soon', error);
	return data as ListedOpportunity[];
}

/** How many opportunities are open now, every one counted. */
export async function countOpen(db: SupabaseClient, now = new Date()): Promise<number> {
	const { count, error } = await openQuery(db, {}, now, 'en', { count: 'exact', head: true });
	if (error) fail('Opportunities', error);
	return count ?? 0;
}

/** How many of each the home page shows. */
export const HOME_CLOSING_SOON = 4;
export const HOME_NEWEST = 4;

/** What the home page shows of the open opportunities, with counts that match the lists it links to. */
export interface OpenSummary {
	/** The soonest to close of those closing soon (as the list's "closing soon" filter), a few at most. */
	closingSoon: ListedOpportunity[];
	/** How many are closing soon in all. */
	closingSoonCount: number;
	/** The newest published, none of them one shown as closing soon. */
	newest: ListedOpportunity[];
	/** How many are open in all. */
	openCount: number;
}

export async function openSummary(db: SupabaseClient, now = new Date()): Promise<OpenSummary> {
	const [closing, newest, openCount] = await Promise.all([
		openQuery(db, { closingSoon: true }, now, 'en', { count: 'exact' }).limit(HOME_CLOSING_SOON),
		openQuery(db, {}, now, 'en', undefined, 'newest').limit(HOME_NEWEST + HOME_CLOSING_SOON),
		countOpen(db, now)
	]);
	if (closing.error) fail('Opportunities closing soon', closing.error);
	if (newest.error) fail('The newest opportunities', newest.error);
	const closingSoon = closing.data as ListedOpportunity[];
	const shown = new Set(closingSoon.map((o) => o.id));
	return {
		closingSoon,
		closingSoonCount: closing.count ?? closingSoon.length,
		newest: (newest.data as ListedOpportunity[]).filter((o) => !shown.has(o.id)).slice(0, HOME_NEWEST),
		openCount
	};
}

/** One page of the opportunities list, and how many match in all. */
export interface OpenPage {
	rows: ListedOpportunity[];
	/** How many open opportunities match, on every page. */
	total: number;
	/** The page asked for (from 1); past the last page when `rows` is empty. */
	page: number;
	/** How many pages there are (at least 1, even with nothing to show). */
	pages: number;
}

/** The page number in the address (`?page=`): a whole number from 1, or 1. */
export function readPage(params: URLSearchParams): number {
	const page = Number(params.get('page') ?? '1');
	return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

const pagesOf = (total: number) => Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));

/** Page `page` (from 1) of the open opportunities that match, LIST_PAGE_SIZE to a page. */
export async function openPage(
	db: SupabaseClient,
	filters: Partial<Filters> = {},
	page = 1,
	now = new Date(),
	language: 'en' | 'cy' = 'en'
): Promise<OpenPage> {
	const from = (page - 1) * LIST_PAGE_SIZE;
	const { data, error, count } = await openQuery(db, filters, now, language, { count: 'exact' }).range(
		from,
		from + LIST_PAGE_SIZE - 1
	);
	if (error?.code === 'PGRST103') {
		// Past the last page: PostgREST refuses the range, so count on its own.
		const counted = await openQuery(db, filters, now, language, { count: 'exact', head: true });
		if (counted.error) fail('Opportunities', counted.error);
		const total = counted.count ?? 0;
		return { rows: [], total, page, pages: pagesOf(total) };
	}
	if (error) fail('Opportunities', error);
	const rows = data as ListedOpportunity[];
	const total = count ?? from + rows.length;
	return { rows, total, page, pages: pagesOf(total) };
}

/** How long a visitor's list (or opportunity) is kept in this process (see keptForVisitors). */
export const VISITOR_LIST_MS = 5_000;
const VISITOR_COPIES_KEPT = 200;
const visitorCopies = new Map<string, { at: number; rows: Promise<unknown> }>();

/**
 * What anyone not signed in sees of the open opportunities (the public API key, so Row Level
 * Security decides as for every visitor), kept in this process for a few seconds: visitors all get
 * the same rows for the same filters or the same opportunity, and these are the pages most often
 * asked for. Fresh enough because saving an opportunity through the portal, and anything staff send
 * (hooks.server.ts), forgets every kept copy at once (forgetVisitorCopies), each copy is kept at most
 * VISITOR_LIST_MS, and what has closed or ended since is left out when read. Signed-in people never
 * get these copies: their pages ask the database as themselves.
 */
export async function keptForVisitors<T>(key: string, now: Date, read: () => Promise<T>): Promise<T> {
	const t = now.getTime();
	let kept = visitorCopies.get(key);
	if (!kept || t - kept.at >= VISITOR_LIST_MS || t < kept.at) {
		const entry = { at: t, rows: read() };
		// Requests that come while the copy is on its way wait for the same answer; a failure is not kept.
		entry.rows.catch(() => {
			if (visitorCopies.get(key) === entry) visitorCopies.delete(key);
		});
		visitorCopies.delete(key);
		if (visitorCopies.size >= VISITOR_COPIES_KEPT) visitorCopies.delete(visitorCopies.keys().next().value!);
		visitorCopies.set(key, entry);
		kept = entry;
	}
	return kept.rows as Promise<T>;
}

const visitorKey = (filters: Partial<Filters>, language: 'en' | 'cy', page: number | null) =>
	JSON.stringify([
		filters.q ?? '',
		filters.type ?? '',
		filters.topic ?? '',
		filters.where ?? '',
		!!filters.closingSoon,
		language,
		page
	]);

const stillOpen = (rows: ListedOpportunity[], t: number) =>
	rows.every((o) => !o.closes_at || Date.parse(o.closes_at) >= t)
		? rows
		: rows.filter((o) => !o.closes_at || Date.parse(o.closes_at) >= t);

/** openSummary as a visitor sees it, kept for a few seconds (see keptForVisitors). */
export async function openSummaryForVisitors(db: SupabaseClient, now = new Date()): Promise<OpenSummary> {
	const kept = await keptForVisitors('home', now, () => openSummary(db, now));
	const t = now.getTime();
	const closingSoon = stillOpen(kept.closingSoon, t);
	const newest = stillOpen(kept.newest, t);
	if (closingSoon === kept.closingSoon && newest === kept.newest) return kept;
	// One closed in the seconds it was kept: left out, and out of the counts.
	const gone = kept.closingSoon.length - closingSoon.length;
	return {
		closingSoon,
		closingSoonCount: kept.closingSoonCount - gone,
		newest,
		openCount: kept.openCount - gone - (kept.newest.length - newest.length)
	};
}

/** openPage as a visitor sees it, kept for a few seconds (see keptForVisitors). */
export async function openPageForVisitors(
	db: SupabaseClient,
	filters: Partial<Filters> = {},
	page = 1,
	now = new Date(),
	language: 'en' | 'cy' = 'en'
): Promise<OpenPage> {
	const kept = await keptForVisitors(`list ${visitorKey(filters, language, page)}`, now, () =>
		openPage(db, filters, page, now, language)
	);
	const rows = stillOpen(kept.rows, now.getTime());
	if (rows === kept.rows) return kept;
	const total = kept.total - (kept.rows.length - rows.length);
	return { rows, total, page, pages: pagesOf(total) };
}

/** After staff change anything: visitors' lists and opportunities are read afresh from the next request on. */
export function forgetVisitorCopies(): void {
	visitorCopies.clear();
}

export async function getOpportunity(db: SupabaseClient, id: number): Promise<Opportunity | null> {
	const { data, error } = await db.from('opportunities').select('*').eq('id', id).maybeSingle();
	if (error) fail('Opportunity', error);
	return data as Opportunity | null;
}

/** What an opportunity's page shows a signed-in person about themselves. */
export interface MyOpportunityState {
	saved: boolean;
	application: { id: number; status: ApplicationStatus } | null;
	takingPart: boolean;
}

/**
 * Whether the signed-in person saved the opportunity, their application to it and whether they take
 * part, in one request (public.my_opportunity_state, which runs as them under Row Level Security).
 */
export async function myOpportunityState(db: SupabaseClient, id: number): Promise<MyOpportunityState> {
	const { data, error } = await db.rpc('my_opportunity_state', { opportunity: id }).single();
	if (error) fail('Your part in this opportunity', error);
	const row = data as {
		saved: boolean;
		application_id: number | null;
		application_status: ApplicationStatus | null;
		taking_part: boolean;
	};
	return {
		saved: row.saved,
		application:
			row.application_id === null ? null : { id: row.application_id, status: row.application_status! },
		takingPart: row.taking_part
	};
}

/** Every opportunity staff can see, newest change first. */
export async function listForStaff(
	db: SupabaseClient,
	status: OpportunityStatus | '' = ''
): Promise<Opportunity[]> {
	let query = db.from('opportunities').select(LIST_COLUMNS);
	if (status) query = query.eq('status', status);
	const { data, error } = await query.order('updated_at', { ascending: false }).limit(500);
	if (error) fail('Opportunities', error);
	return data as Opportunity[];
}

export async function countByStatus(db: SupabaseClient): Promise<Record<OpportunityStatus, number>> {
	const counts: Record<OpportunityStatus, number> = { draft: 0, published: 0, closed: 0, archived: 0 };
	const { data, error } = await db.from('opportunities').select('status');
	if (error) fail('Opportunities', error);
	for (const row of data as { status: OpportunityStatus }[]) counts[row.status]++;
	return counts;
}

/** The closing date is the end of that day in the UK. */
export function closingInstant(day: string | null): string | null {
	if (!day) return null;
	const probe = new Date(`${day}T23:59:59Z`);
	const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
		.formatToParts(probe)
		.find((p) => p.type === 'timeZoneName')?.value;
	const hours = offset && offset !== 'GMT' ? Number(offset.replace('GMT', '')) : 0;
	return new Date(probe.getTime() - hours * 3_600_000).toISOString();
}

/** The UK calendar day of an instant, as YYYY-MM-DD (for date inputs). */
export function ukDay(instant: string | null): string {
	if (!instant) return '';
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));
}

function toRow(input: OpportunityInput) {
	const { closes_on, ...rest } = input;
	return { ...rest, closes_at: closingInstant(closes_on) };
}

export async function createOpportunity(
	db: SupabaseClient,
	input: OpportunityInput,
	status: 'draft' | 'published',
	createdBy: string
): Promise<number> {
	const { data, error } = await db
		.from('opportunities')
		.insert({ ...toRow(input), status, created_by: createdBy })
		.select('id')
		.single();
	if (error) fail('Saving the opportunity', error);
	forgetVisitorCopies();
	return (data as { id: number }).id;
}

export async function updateOpportunity(
	db: SupabaseClient,
	id: number,
	input: OpportunityInput,
	status?: OpportunityStatus
): Promise<boolean> {
	const { data, error } = await db
		.from('opportunities')
		.update({ ...toRow(input), ...(status ? { status } : {}) })
		.eq('id', id)
		.select('id');
	if (error) fail('Saving the opportunity', error);
	forgetVisitorCopies();
	return (data as unknown[]).length === 1;
}

export async function setStatus(db: SupabaseClient, id: number, status: OpportunityStatus): Promise<boolean> {
	const { data, error } = await db.from('opportunities').update({ status }).eq('id', id).select('id');
	if (error) fail('Changing the status', error);
	forgetVisitorCopies();
	return (data as unknown[]).length === 1;
}

export interface AuditEntry {
	at: string;
	action: string;
	actor_id: string | null;
	details: Record<string, unknown>;
}

/** The change history of one opportunity (admins only; RLS returns nothing to others). */
export async function history(db: SupabaseClient, id: number): Promise<AuditEntry[]> {
	const { data, error } = await db
		.from('audit_log')
		.select('at, action, actor_id, details')
		.eq('entity', 'opportunity')
		.eq('entity_id', String(id))
		.order('at', { ascending: false })
		.limit(50);
	if (error) fail('History', error);
	return data as AuditEntry[];
}
