/** A database error the person cannot fix: stop the request (the error page says so in plain words). */
export function fail(context: string, error: { message: string }): never {
	throw new Error(`${context}: ${error.message}`);
}
