import { error as httpError } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';

/**
 * A database error the person cannot fix: stop the request (the error page says so in plain words).
 * 'still_working' (the same form is still being saved by an earlier request, see
 * supabase/migrations/20261129110000_still_working.sql) is no fault: a 409 page asks them to wait.
 */
export function fail(context: string, error: { message: string; code?: string }): never {
	if (error.code === 'still_working' || error.message === 'still_working')
		httpError(409, { message: m.fault_still_working_text(), stillWorking: true });
	// An error with no words at all is a reply cut short on its way (the API or database restarting).
	throw new Error(`${context}: ${error.message || 'The database API is not answering (an empty reply)'}`);
}
