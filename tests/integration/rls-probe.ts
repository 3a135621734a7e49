// Tries each operation on a table as one role, through PostgREST with that role's own JWT, and says
// what it was allowed to do. Every write asks PostgREST to roll its transaction back (the test stack
// allows `Prefer: tx=rollback`), so the probes change nothing.
import { ACCOUNTS, tokenFor, url } from './helpers';

export interface Column {
	name: string;
	generated: boolean;
	select: boolean;
	anon_select: boolean;
	insert: boolean;
	update: boolean;
	/** The table a foreign key on this column points at, if any. */
	references: string | null;
}
export interface Relation {
	name: string;
	kind: 'table' | 'view' | 'materialized view';
	options: string[];
	rls: boolean;
	primary_key: string[];
	columns: Column[];
}
export interface DbFunction {
	name: string;
	args: string;
	security_definer: boolean;
	config: string[];
	anon: boolean;
	authenticated: boolean;
}
export interface Catalog {
	relations: Relation[];
	functions: DbFunction[];
}

export function catalog(): Catalog {
	const raw = process.env.TEST_SCHEMA_CATALOG;
	if (!raw)
		throw new Error(
			'TEST_SCHEMA_CATALOG is not set: run the integration tests with "npm run test:integration" ' +
				'(scripts/test.mjs starts the stack with forTests, which reads the schema).'
		);
	return JSON.parse(raw) as Catalog;
}

export const ROLES = ['anon', 'memberA', 'memberB', 'staff', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];
type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];
const accountOf = (role: Role): Account | null => (role === 'anon' ? null : ACCOUNTS[role]);

type Row = Record<string, unknown>;
interface Answer {
	status: number;
	rows: Row[];
	code?: string;
	message?: string;
}

async function call(
	role: Role | 'service',
	method: string,
	path: string,
	body?: unknown,
	rollback = false
): Promise<Answer> {
	const key = role === 'service' ? process.env.SUPABASE_SERVICE_ROLE_KEY! : process.env.SUPABASE_ANON_KEY!;
	const headers: Record<string, string> = { apikey: key, 'content-type': 'application/json' };
	const account = role === 'service' ? null : accountOf(role);
	if (account) headers.authorization = `Bearer ${await tokenFor(account)}`;
	if (method !== 'GET') headers.prefer = `return=representation${rollback ? ', tx=rollback' : ''}`;
	const res = await fetch(`${url()}/rest/v1/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (rollback && res.ok && !res.headers.get('preference-applied')?.includes('tx=rollback'))
		throw new Error(`PostgREST did not roll back a probe on ${path}: is the test stack running?`);
	const text = await res.text();
	const json = text ? (JSON.parse(text) as unknown) : [];
	if (!res.ok) {
		const err = json as { code?: string; message?: string };
		return { status: res.status, rows: [], code: err.code, message: err.message };
	}
	return { status: res.status, rows: Array.isArray(json) ? (json as Row[]) : [json as Row] };
}

function filterFor(rel: Relation, row: Row): string {
	return rel.primary_key
		.map((k) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(row[k]))}`)
		.join('&');
}

/** Every row the service role sees (first 1000), in primary key order. */
export async function allRows(rel: Relation): Promise<Row[]> {
	const order = rel.primary_key.length ? `&order=${rel.primary_key.join(',')}` : '';
	const res = await call('service', 'GET', `${rel.name}?select=*${order}`);
	if (res.code) throw new Error(`The service role cannot read ${rel.name}: ${res.message}`);
	return res.rows;
}

/** What one write probe showed: allowed, refused, or not tried (and why). */
export type Outcome = { allowed: boolean; detail: string } | { skipped: string };

const refused = (a: Answer) => a.code === '42501' || a.status === 401 || a.status === 403;
/** A trigger that runs before the policies said no first (P0001): the probe shows nothing about RLS. */
const stoppedFirst = (a: Answer): Outcome | null =>
	a.code === 'P0001' ? { skipped: `a trigger stopped it before the policies: ${a.message}` } : null;

export interface Observation {
	select: { visible: number; total: number; ownVisible: number; ownTotal: number; othersVisible: number };
	insert: { own: Outcome; other: Outcome };
	update: { own: Outcome; other: Outcome };
	delete: { own: Outcome; other: Outcome };
}

export async function observe(
	rel: Relation,
	owner: string | null,
	role: Role,
	rows: Row[],
	/** Writes are tried only on rows with these values. */
	writesOn: Record<string, unknown> = {}
): Promise<Observation> {
	const account = accountOf(role);
	const me = account?.id ?? null;
	const someoneElse = me === ACCOUNTS.memberA.id ? ACCOUNTS.memberB.id : ACCOUNTS.memberA.id;
	const isOwn = (r: Row) => owner !== null && me !== null && r[owner] === me;
	const writable = rows.filter((r) => Object.entries(writesOn).every(([k, v]) => r[k] === v));
	const ownRow = owner ? writable.find(isOwn) : undefined;
	const otherRow = writable.find((r) => !isOwn(r));

	// select
	// Only the columns the role may read: some tables keep a column back (a meeting's joining link).
	const readable = rel.columns.filter((c) => (role === 'anon' ? c.anon_select : c.select)).map((c) => c.name);
	if (owner && !readable.includes(owner)) readable.push(owner);
	const seen = readable.length
		? await call(role, 'GET', `${rel.name}?select=${readable.join(',')}`)
		: { status: 401, rows: [] };
	const visible = seen.rows;
	const select = {
		visible: visible.length,
		total: rows.length,
		ownVisible: visible.filter(isOwn).length,
		ownTotal: rows.filter(isOwn).length,
		othersVisible: visible.filter((r) => !isOwn(r)).length
	};

	// insert: a copy of a real row, only the columns the API roles may write, for me and for another
	const insertOne = async (base: Row | undefined, ownerValue: string | null): Promise<Outcome> => {
		const body: Row = {};
		const src = base ?? {};
		for (const c of rel.columns) if (c.insert && !c.generated && c.name in src) body[c.name] = src[c.name];
		if (owner && ownerValue) body[owner] = ownerValue;
		if (!base) return { skipped: 'no row to copy' };
		const res = await call(role, 'POST', rel.name, body, true);
		const first = stoppedFirst(res);
		if (first) return first;
		return refused(res)
			? { allowed: false, detail: res.message ?? String(res.status) }
			: { allowed: true, detail: res.code ? `passed the policies, then ${res.code}` : 'inserted' };
	};
	const base = ownRow ?? otherRow;
	const insert = owner
		? {
				own: me ? await insertOne(base, me) : { skipped: 'no account' },
				other: await insertOne(base, someoneElse)
			}
		: { own: { skipped: 'no owner column' } as Outcome, other: await insertOne(base, null) };

	// update: set one writable column to the value it already has; and, as the portal does when staff
	// save settings, `updated_by` to whoever saves (a policy may ask for that)
	const savedBy =
		rel.columns.some((c) => c.name === 'updated_by' && c.update) && me ? { updated_by: me } : {};
	const updateOne = async (row: Row | undefined): Promise<Outcome> => {
		if (!row) return { skipped: 'no such row' };
		if (!rel.primary_key.length) return { skipped: 'no primary key' };
		const col =
			rel.columns.find((c) => c.update && !c.generated && !rel.primary_key.includes(c.name)) ??
			rel.columns.find((c) => !c.generated && !rel.primary_key.includes(c.name));
		if (!col) return { skipped: 'no column' };
		const res = await call(
			role,
			'PATCH',
			`${rel.name}?${filterFor(rel, row)}`,
			{ [col.name]: row[col.name], ...savedBy },
			true
		);
		const first = stoppedFirst(res);
		if (first) return first;
		if (refused(res)) return { allowed: false, detail: res.message ?? String(res.status) };
		if (res.code) return { allowed: true, detail: `passed the policies, then ${res.code}` };
		return { allowed: res.rows.length > 0, detail: `${res.rows.length} row(s)` };
	};
	const deleteOne = async (row: Row | undefined): Promise<Outcome> => {
		if (!row) return { skipped: 'no such row' };
		if (!rel.primary_key.length) return { skipped: 'no primary key' };
		const res = await call(role, 'DELETE', `${rel.name}?${filterFor(rel, row)}`, undefined, true);
		const first = stoppedFirst(res);
		if (first) return first;
		if (refused(res)) return { allowed: false, detail: res.message ?? String(res.status) };
		if (res.code) return { allowed: true, detail: `passed the policies, then ${res.code}` };
		return { allowed: res.rows.length > 0, detail: `${res.rows.length} row(s)` };
	};

	return {
		select,
		insert,
		update: { own: await updateOne(ownRow), other: await updateOne(otherRow) },
		delete: { own: await deleteOne(ownRow), other: await deleteOne(otherRow) }
	};
}
