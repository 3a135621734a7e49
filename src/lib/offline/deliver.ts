// Sends what waits in the outbox, oldest first, one sender at a time (pages and the worker share a
// lock). Each form carries its own request key, so sending one twice still makes one of it.
import { outcomeOf, retryDelay, type Outcome } from './outcome';
import { listItems, removeItem, updateItem, type OutboxItem } from './outbox';

export interface Delivered {
	item: OutboxItem;
	outcome: Outcome;
}

async function send(item: OutboxItem): Promise<Outcome> {
	const body = new FormData();
	for (const [name, value] of item.fields) body.append(name, value);
	let response: Response;
	try {
		response = await fetch(item.url, {
			method: 'POST',
			body,
			credentials: 'same-origin',
			// Answer as a form action answers an enhanced form: JSON, not a page.
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
			cache: 'no-store'
		});
	} catch {
		return outcomeOf(null, null);
	}
	const json: unknown = await response.json().catch(() => null);
	return outcomeOf(response.status, json);
}

async function sendAll(member: string, force: boolean): Promise<Delivered[]> {
	const done: Delivered[] = [];
	for (const item of await listItems(member)) {
		if (item.state === 'refused' && !force) continue;
		const wait = retryDelay(item.attempts);
		if (!force && item.lastTriedAt && Date.now() - Date.parse(item.lastTriedAt) < wait) continue;
		const outcome = await send(item);
		done.push({ item, outcome });
		if (outcome.kind === 'delivered') {
			await removeItem(item.id);
			continue;
		}
		await updateItem({
			...item,
			attempts: item.attempts + 1,
			lastTriedAt: new Date().toISOString(),
			state: outcome.kind === 'refused' ? 'refused' : outcome.kind === 'sign-in' ? 'sign-in' : 'waiting',
			message: outcome.kind === 'refused' ? outcome.message : null
		});
		// No signal after all: the rest would fail the same way.
		if (outcome.kind === 'retry') break;
	}
	return done;
}

/**
 * Sends the member's waiting items. `force` tries again now, refused items included (the member
 * pressed "Try again"). Throws when something is still waiting, so Background Sync tries later.
 */
export async function deliverAll(member: string, { force = false } = {}): Promise<Delivered[]> {
	const run = () => sendAll(member, force);
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request('together-outbox', run) : run();
}
