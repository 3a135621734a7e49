import { describe, expect, it } from 'vitest';
import { isUnreachable } from '$lib/server/unreachable';

describe('an unreachable data service', () => {
	it('is told from the errors supabase-js and PostgREST give when it is down or restarting', () => {
		for (const message of [
			'Opportunities: TypeError: fetch failed',
			'Sign-in: The database API is not answering',
			'Claims: Database client error. Retrying the connection.',
			'Opportunities: Database connection error. Retrying the connection.',
			'Claims: Could not query the database for the schema cache. Retrying.',
			'connect ECONNREFUSED 127.0.0.1:54321',
			'terminating connection due to administrator command',
			'the database system is starting up'
		])
			expect(isUnreachable(new Error(message)), message).toBe(true);
		expect(isUnreachable(new Error('x', { cause: new Error('socket hang up') }))).toBe(true);
	});

	it('is not any other fault', () => {
		for (const message of [
			'Claims: permission denied for table claims',
			'Cannot read properties of undefined'
		])
			expect(isUnreachable(new Error(message)), message).toBe(false);
		expect(isUnreachable(null)).toBe(false);
	});
});
