// Whether an error means the data service (PostgREST or Postgres behind it) could not be reached,
// rather than a fault in Together: then the error page says so plainly, and that the member's work is safe.
const SIGNS = [
	/fetch failed/i,
	/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|other side closed/i,
	/not answering/i, // the local gateway, when PostgREST is down
	/PGRST00[0-3]/, // PostgREST: cannot connect to or lost the database
	/could not connect|connection (refused|terminated|reset)|terminating connection|database system is (starting up|shutting down)/i,
	/Database (client|connection) error|Retrying the connection|schema cache/i
];

export function isUnreachable(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
		if (SIGNS.some((s) => s.test(text))) return true;
		e = e instanceof Error ? e.cause : undefined;
	}
	return false;
}
