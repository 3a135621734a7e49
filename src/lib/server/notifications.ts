// Telling members about new opportunities, and the server's background jobs.
//   sendDueAlerts   email each member the new opportunities due to them (see alerts/deliver.ts)
//   runJobs         close opportunities past their closing date, send due alerts, remind staff of
//                   steering group terms ending soon, apply the retention periods, and send
//                   booking emails and event reminders
//   startJobs       run the jobs every JOBS_INTERVAL_MINUTES (started from hooks.server.ts `init`)
//   sendDueAlertsSoon   after staff publish: send at once, without making them wait
// Messages about a member's own applications, claims and adjustments are sent by those parts
// directly, whatever the member chose here.
import { config } from './config';
import { serviceClient } from './db/service';
import { sendMail } from './mail';
import { deliverDueAlerts, type DeliverResult } from './alerts/deliver';
import { sendTermReminders } from './term-reminders';
import { applyRetention } from './data-rights';
import { runBookingJob } from './bookings';

export type { DeliverResult } from './alerts/deliver';

export async function sendDueAlerts(now = new Date()): Promise<DeliverResult> {
	return deliverDueAlerts({
		db: serviceClient(),
		send: sendMail,
		origin: config.origin,
		secret: config.jwtSecret,
		now
	});
}

export interface JobsResult extends DeliverResult {
	/** Opportunities closed because their closing date had passed. */
	closed: number;
	/** Steering group terms ending soon that staff were reminded of. */
	reminded?: number;
	/** Payment records anonymised because their retention period ended. */
	anonymised?: number;
}

export async function runJobs(now = new Date()): Promise<JobsResult> {
	const { data, error } = await serviceClient().rpc('close_past_opportunities');
	// Closing is tidying only (applying already checks the date), so alerts still go out if it fails.
	if (error) console.error('Closing past opportunities failed:', error.message);
	const sent = await sendDueAlerts(now);
	// Each part goes ahead if another fails; a failed part is tried again next run.
	let reminded = 0;
	let anonymised = 0;
	try {
		reminded = await sendTermReminders({ db: serviceClient(), send: sendMail, origin: config.origin });
	} catch (e) {
		console.error('Steering group term reminders failed:', e);
	}
	try {
		anonymised = (await applyRetention()).payment_records_anonymised;
	} catch (e) {
		console.error('Applying retention periods failed:', e);
	}
	// Booking emails and reminders (events).
	await runBookingJob(now).catch((e) => console.error('Booking emails and reminders failed:', e));
	return { closed: error ? 0 : (data as number), ...sent, reminded, anonymised };
}

let alerting: Promise<void> | null = null;
let again = false;

/**
 * Sends due alerts now, in the background: the caller does not wait, and errors are logged. Calls
 * while a run is going ask for one more run after it, so a just-published opportunity is never missed.
 */
export function sendDueAlertsSoon(): void {
	if (alerting) {
		again = true;
		return;
	}
	alerting = (async () => {
		do {
			again = false;
			try {
				await sendDueAlerts();
			} catch (error) {
				console.error('Sending new-opportunity alerts failed:', error);
			}
		} while (again);
	})().finally(() => {
		alerting = null;
	});
}

const RUNNING = Symbol.for('together.jobs');
type WithJobs = typeof globalThis & { [RUNNING]?: () => void };

/**
 * Runs the jobs every `minutes` (0: never), the first run soon after the server starts. Each run is
 * scheduled only when the last has finished, so runs never overlap; errors are logged and the next
 * run goes ahead. Returns a function that stops it. Starting again replaces the old timer (the dev
 * server reloads hooks without restarting).
 */
export function startJobs(
	minutes = config.jobsIntervalMinutes,
	{ firstDelayMs = 10_000, jobs = runJobs }: { firstDelayMs?: number; jobs?: () => Promise<JobsResult> } = {}
): () => void {
	const global = globalThis as WithJobs;
	global[RUNNING]?.();
	if (minutes <= 0) return () => {};
	let stopped = false;
	let timer: ReturnType<typeof setTimeout>;
	const schedule = (ms: number) => {
		timer = setTimeout(tick, ms);
		timer.unref?.();
	};
	async function tick() {
		try {
			const r = await jobs();
			if (r.closed || r.emails || r.failed || r.reminded || r.anonymised)
				console.log(
					`Jobs: ${r.closed} opportunities closed, ${r.emails} alert emails sent (${r.alerts} alerts), ${r.failed} failed, ` +
						`${r.reminded ?? 0} term reminders, ${r.anonymised ?? 0} payment records anonymised`
				);
		} catch (error) {
			console.error('Background jobs failed; trying again next time:', error);
		}
		if (!stopped) schedule(minutes * 60_000);
	}
	schedule(firstDelayMs);
	const stop = () => {
		stopped = true;
		clearTimeout(timer);
	};
	global[RUNNING] = stop;
	return stop;
}
