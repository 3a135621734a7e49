// A member's download holds everything about them. Generated from the schema: every column that
// points at a person (a foreign key to profiles) is declared here, either with the part of the
// download that holds those rows or with why they are not the member's. A new table that points at
// a person without an entry here fails the suite. Then, for each part, a member who has such a row
// downloads their data through the server's own code, with their own JWT, and finds it there.
import { describe, expect, it } from 'vitest';
import { myData } from '$lib/server/data-rights';
import { as, service } from './helpers';
import { catalog } from './rls-probe';

/** table.column → the download's part that holds it, or { not: why it is not the member's }. */
const ABOUT_A_PERSON: Record<string, string | { not: string }> = {
	'profiles.id': 'profile',
	'profiles.invited_by': { not: 'the staff member who sent the invitation' },
	'sessions.user_id': 'sessions',
	'saved_opportunities.member_id': 'saved_opportunities',
	'opportunity_alerts.member_id': 'opportunity_alerts',
	'applications.member_id': 'applications',
	'application_events.actor_id': { not: 'who acted; the events are in applications' },
	'application_notes.author_id': { not: 'staff notes written while reviewing' },
	'panel_members.staff_id': { not: 'staff on a recruitment panel' },
	'panel_scores.scorer_id': { not: 'a panel member’s own scores' },
	'involvements.member_id': 'involvements',
	'lived_experience.member_id': 'lived_experience',
	'access_needs.member_id': 'access_needs',
	'access_need_consents.member_id': 'access_need_consents',
	'adjustment_requests.member_id': 'adjustment_requests',
	'adjustment_items.decided_by': {
		not: 'the staff member who decided; the items are in adjustment_requests'
	},
	'adjustment_items.arranged_by': { not: 'the staff member who arranged it' },
	'adjustment_papers_ready.ready_by': { not: 'the staff member who sent the papers' },
	'adjustment_events.actor_id': { not: 'who acted; the events are in adjustment_requests' },
	'claims.member_id': 'claims',
	'claims.decided_by': { not: 'the staff member who decided' },
	'claim_events.actor_id': { not: 'who acted; the events are in claims' },
	'claim_question_emails.claimed_by': { not: 'the staff member answering an email about a claim' },
	'bank_details.member_id': 'bank_details',
	'bank_change_requests.member_id': {
		not: 'a change waiting for its emailed code: details cleared once used, the code only as a hash'
	},
	'payment_runs.created_by': { not: 'finance staff' },
	'payment_runs.exported_by': { not: 'finance staff' },
	'payment_runs.paid_by': { not: 'finance staff' },
	'payment_payees.member_id': {
		not: 'exists only once a member is deleted: the name kept on their payment records'
	},
	'uploads.owner_id': 'uploads',
	'accessibility_reports.reporter_id': 'accessibility_reports',
	'deletion_requests.member_id': 'deletion_requests',
	'deletion_requests.carried_out_by': { not: 'the admin who carried it out' },
	'data_settings.updated_by': { not: 'a setting' },
	'easy_read_jargon.created_by': { not: 'staff’s word list' },
	'guests.created_by': { not: 'staff' },
	'opportunities.created_by': { not: 'staff' },
	'bookings.member_id': 'bookings',
	'bookings.created_by': { not: 'who made the booking; the booking is in bookings' },
	'bookings.attendance_marked_by': { not: 'the staff member who marked attendance' },
	'projects.created_by': { not: 'staff' },
	'projects.manager_id': { not: 'the project’s manager, a staff member' },
	'plan_entries.updated_by': { not: 'staff' },
	'reflections.created_by': { not: 'staff' },
	'activity_feedback.member_id': 'feedback',
	'matching_profiles.member_id': 'matching_profile',
	'match_invitations.member_id': 'match_invitations',
	'match_invitations.invited_by': { not: 'the staff member who invited' },
	'idea_calls.created_by': { not: 'staff' },
	'ideas.member_id': 'ideas'
};

const pointers = catalog()
	.relations.filter((r) => r.kind === 'table')
	.flatMap((r) => r.columns.filter((c) => c.references === 'profiles').map((c) => `${r.name}.${c.name}`));
const parts = Object.entries(ABOUT_A_PERSON).filter((e): e is [string, string] => typeof e[1] === 'string');

describe('a member’s download', () => {
	it('every column that points at a person is declared here', () => {
		// profiles.id is the person; it has no foreign key to itself.
		const undeclared = pointers.filter((p) => !(p in ABOUT_A_PERSON));
		expect(undeclared, 'columns pointing at a person with no entry in ABOUT_A_PERSON').toEqual([]);
		const gone = Object.keys(ABOUT_A_PERSON).filter((p) => p !== 'profiles.id' && !pointers.includes(p));
		expect(gone, 'entries for columns that no longer exist').toEqual([]);
	});

	it.each(parts)('%s is in the download as “%s”', async (pointer, part) => {
		const [table, column] = pointer.split('.') as [string, string];
		// A member (not deleted) who has such a row.
		const { data, error } =
			table === 'profiles'
				? await service().from('profiles').select('id').eq('role', 'member').is('deleted_at', null).limit(1)
				: await service()
						.from(table)
						.select(`${column}, who:profiles!${table}_${column}_fkey!inner(id, role, deleted_at)`)
						.not(column, 'is', null)
						.eq('who.role', 'member')
						.is('who.deleted_at', null)
						.limit(1);
		expect(error).toBeNull();
		const row = (data as Record<string, string>[])[0];
		expect(row, `no member has a row in ${table}: the demo data should have one`).toBeDefined();
		const mine = await myData(as({ id: row![column]!, role: 'member' }));
		const held = mine[part];
		expect(held, `the download has no "${part}"`).toBeDefined();
		expect(Array.isArray(held) ? held.length : held === null ? 0 : 1).toBeGreaterThan(0);
		// Nothing of anyone else's: the download names no other member.
		expect(JSON.stringify(mine)).not.toMatch(/"member_id":\s*"(?!${row![column]})[0-9a-f-]{36}"/);
	});
});
