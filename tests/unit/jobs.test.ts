import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs, type JobsResult } from '$lib/server/notifications';

const nothing: JobsResult = { closed: 0, emails: 0, alerts: 0, failed: 0 };
let stop = () => {};

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	stop();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('the background jobs', () => {
	it('run soon after the start, then every so many minutes', async () => {
		const jobs = vi.fn(async () => nothing);
		stop = startJobs(5, { firstDelayMs: 1000, jobs });
		expect(jobs).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1000);
		expect(jobs).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(jobs).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(jobs).toHaveBeenCalledTimes(4);
	});

	it('never overlap: a slow run delays the next', async () => {
		let running = 0;
		let most = 0;
		const jobs = vi.fn(async () => {
			running++;
			most = Math.max(most, running);
			await new Promise((r) => setTimeout(r, 12 * 60_000)); // longer than the interval
			running--;
			return nothing;
		});
		stop = startJobs(5, { firstDelayMs: 0, jobs });
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(most).toBe(1);
		// Each run takes 12 minutes and the next starts 5 minutes after it ends.
		expect(jobs).toHaveBeenCalledTimes(4);
	});

	it('log a failed run and carry on', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const jobs = vi.fn(async () => {
			throw new Error('database unreachable');
		});
		stop = startJobs(1, { firstDelayMs: 0, jobs });
		await vi.advanceTimersByTimeAsync(2 * 60_000 + 10);
		expect(jobs).toHaveBeenCalledTimes(3);
		expect(error).toHaveBeenCalledWith('Background jobs failed; trying again next time:', expect.any(Error));
	});

	it('are off with 0 minutes, and stop when told', async () => {
		const jobs = vi.fn(async () => nothing);
		stop = startJobs(0, { firstDelayMs: 0, jobs });
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(jobs).not.toHaveBeenCalled();

		stop = startJobs(1, { firstDelayMs: 0, jobs });
		await vi.advanceTimersByTimeAsync(10);
		stop();
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(jobs).toHaveBeenCalledTimes(1);
	});

	it('replace an earlier start rather than running twice (the dev server reloads hooks)', async () => {
		const first = vi.fn(async () => nothing);
		const second = vi.fn(async () => nothing);
		startJobs(1, { firstDelayMs: 0, jobs: first });
		stop = startJobs(1, { firstDelayMs: 0, jobs: second });
		await vi.advanceTimersByTimeAsync(3 * 60_000);
		expect(first).not.toHaveBeenCalled();
		expect(second.mock.calls.length).toBeGreaterThanOrEqual(3);
	});
});
