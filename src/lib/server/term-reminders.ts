// The reminder before steering group terms end: one email to the co-production team for each term
// ending within the reminder period (a setting, 30 days unless changed), sent once per term end.
// Run by the server's scheduled job (notifications.ts runJobs).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Message } from './mail';

export interface DueTerm {
	involvement_id: number;
	member_name: string;
	role: string;
	starts_on: string | null;
	ends_on: string;
}

const longDate = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T12:00:00Z`));

export function termReminderEmail(to: string, terms: DueTerm[], origin: string): Message {
	const lines = terms.map((t) => `- ${t.member_name} (${t.role}): the term ends on ${longDate(t.ends_on)}.`);
	return {
		to,
		subject:
			terms.length === 1
				? 'A steering group term ends soon'
				: `${terms.length} steering group terms end soon`,
		text:
			'Hello,\n\n' +
			(terms.length === 1
				? 'This steering group term ends soon:\n'
				: 'These steering group terms end soon:\n') +
			lines.join('\n') +
			'\n\nYou may want to talk to them about what happens next, or start a recruitment round.\n' +
			`See the steering group: ${origin}/admin/steering-group\n`
	};
}

/**
 * Emails each active member of staff about terms ending soon, then records them as reminded.
 * Returns how many terms were reminded.
 */
export async function sendTermReminders({
	db,
	send,
	origin,
	today
}: {
	db: SupabaseClient;
	send: (m: Message) => Promise<void>;
	origin: string;
	today?: string;
}): Promise<number> {
	const { data, error } = await db.rpc('due_term_reminders', today ? { today } : {});
	if (error) throw new Error(`Term reminders: ${error.message}`);
	const due = data as DueTerm[];
	if (due.length === 0) return 0;
	const { data: staff, error: staffError } = await db
		.from('profiles')
		.select('email')
		.in('role', ['staff', 'admin'])
		.eq('status', 'active')
		.is('deleted_at', null);
	if (staffError) throw new Error(`Term reminders: ${staffError.message}`);
	for (const { email } of staff as { email: string }[]) await send(termReminderEmail(email, due, origin));
	const { error: markError } = await db.rpc('mark_term_reminders_sent', {
		involvement_ids: due.map((d) => d.involvement_id)
	});
	if (markError) throw new Error(`Term reminders: ${markError.message}`);
	return due.length;
}
