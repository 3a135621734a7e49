// What Together's answer to a sent form means for an item waiting on the phone. Pure.
import { parse } from 'devalue';

export type Outcome =
	| { kind: 'delivered'; location: string | null }
	| { kind: 'refused'; message: string }
	| { kind: 'sign-in' }
	| { kind: 'retry' };

const REFUSED = 'Together could not take this. Nothing you typed is lost: open it to check and try again.';

/** The first plain-words message in a form action's failure data. */
function messageOf(data: unknown): string | null {
	if (!data || typeof data !== 'object') return null;
	const d = data as Record<string, unknown>;
	if (typeof d.problem === 'string') return d.problem;
	if (Array.isArray(d.missing) && d.missing.length > 0) return 'Some questions are not answered yet.';
	if (d.errors && typeof d.errors === 'object') {
		const first = Object.values(d.errors as Record<string, unknown>).find((v) => typeof v === 'string');
		if (typeof first === 'string') return first;
	}
	return null;
}

/**
 * Reads SvelteKit's answer to a form action sent with `accept: application/json`:
 * { type: 'redirect' | 'success' | 'failure' | 'error', ... }. `null` means no answer arrived.
 */
export function outcomeOf(status: number | null, body: unknown): Outcome {
	if (status === null) return { kind: 'retry' };
	if (status === 401) return { kind: 'sign-in' };
	const result = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
	if (!result || typeof result.type !== 'string') {
		// Not a form action's answer: a proxy's error page, or Together restarting.
		return status >= 500 || status === 429 || status === 408
			? { kind: 'retry' }
			: { kind: 'refused', message: REFUSED };
	}
	if (result.type === 'redirect') {
		const location = typeof result.location === 'string' ? result.location : null;
		if (location?.startsWith('/sign-in')) return { kind: 'sign-in' };
		return { kind: 'delivered', location };
	}
	if (result.type === 'success') return { kind: 'delivered', location: null };
	if (result.type === 'failure') {
		let data: unknown;
		try {
			data = typeof result.data === 'string' ? parse(result.data) : result.data;
		} catch {
			data = null;
		}
		return { kind: 'refused', message: messageOf(data) ?? REFUSED };
	}
	// type 'error': a 404 means the thing is gone; anything else is worth another try.
	if (status === 404) {
		const error = result.error as { message?: unknown } | undefined;
		return { kind: 'refused', message: typeof error?.message === 'string' ? error.message : REFUSED };
	}
	return status >= 500 ? { kind: 'retry' } : { kind: 'refused', message: REFUSED };
}

/** Waits between tries after failures: 0, 2 s, 4 s, 8 s … at most 5 minutes. */
export function retryDelay(attempts: number): number {
	if (attempts <= 0) return 0;
	return Math.min(2000 * 2 ** (attempts - 1), 5 * 60 * 1000);
}
