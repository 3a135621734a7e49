// The outbox on the phone: forms sent with no signal, kept in IndexedDB (files included) until
// Together has them. Used by pages and by the service worker alike.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type Field = [name: string, value: string | File];

export interface OutboxItem {
	id: string;
	/** Who sent it; only that member's items are sent or shown, and others' are removed. */
	member: string;
	/** The form action's address, e.g. /opportunities/4/apply/check or /my/claims/9?/cost */
	url: string;
	/** What it is, in the member's words: "Your application for Young carers panel". */
	label: string;
	/** The page it came from, to open it again. */
	page: string;
	fields: Field[];
	createdAt: string;
	state: 'waiting' | 'refused' | 'sign-in';
	attempts: number;
	lastTriedAt: string | null;
	message: string | null;
}

interface Schema extends DBSchema {
	outbox: { key: string; value: OutboxItem; indexes: { member: string } };
	meta: { key: string; value: string | null };
}

let opened: Promise<IDBPDatabase<Schema>> | null = null;
function db() {
	opened ??= openDB<Schema>('together-offline', 1, {
		upgrade(d) {
			d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('member', 'member');
			d.createObjectStore('meta');
		}
	});
	return opened;
}

/** Tells every open page (and the worker) that the outbox changed. */
export function announce() {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel('together-outbox');
	channel.postMessage('changed');
	channel.close();
}

export async function addItem(item: Omit<OutboxItem, 'state' | 'attempts' | 'lastTriedAt' | 'message'>) {
	const full: OutboxItem = { ...item, state: 'waiting', attempts: 0, lastTriedAt: null, message: null };
	await (await db()).put('outbox', full);
	announce();
	return full;
}

export async function listItems(member: string): Promise<OutboxItem[]> {
	const items = await (await db()).getAllFromIndex('outbox', 'member', member);
	return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function updateItem(item: OutboxItem) {
	await (await db()).put('outbox', item);
	announce();
}

export async function removeItem(id: string) {
	await (await db()).delete('outbox', id);
	announce();
}

/** Removes everything of anyone but `member` (everything, when nobody is signed in). */
export async function removeOthers(member: string | null) {
	const d = await db();
	const tx = d.transaction('outbox', 'readwrite');
	for (const item of await tx.store.getAll()) if (item.member !== member) await tx.store.delete(item.id);
	await tx.done;
	announce();
}

/** The member the phone last saw signed in, as the worker remembers it between starts. */
export async function getCurrentMember(): Promise<string | null> {
	return (await (await db()).get('meta', 'member')) ?? null;
}

export async function setCurrentMember(member: string | null) {
	await (await db()).put('meta', member, 'member');
}
