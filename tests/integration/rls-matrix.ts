// WHO CAN DO WHAT: the one declaration of Row Level Security for every table and view in public.
// tests/integration/rls-matrix.test.ts tries every cell through PostgREST with each role's own JWT
// (member A and member B both checked against the `member` column) and fails on any table or view
// that has no entry here, printing the entry it would expect.
//
// Each role has four cells, in order: select insert update delete
//   a  any row                 o  its own rows only (the `owner` column is its id)
//   s  some rows, by a rule other than ownership (select only; e.g. published opportunities, or
//      what a member shared: the rule itself is tested with the feature)
//   -  none: refused, or no rows
// Writes are tried on a real row (a copy of one, for insert) and rolled back, so nothing changes.
// Writes members make through security definer functions are not in this table: they are tested
// with the features.

export type Cell = 'a' | 'o' | 's' | '-';
type Cells = `${Cell} ${Cell} ${Cell} ${Cell}`;
export interface Entry {
	/** The column holding the member a row belongs to, or null. */
	owner: string | null;
	roles: { anon: Cells; member: Cells; staff: Cells; finance: Cells; admin: Cells };
	/** Writes are tried only on rows with these values (a policy that allows a write on some rows only). */
	writesOn?: Record<string, unknown>;
}
const entry = (owner: string | null, roles: Entry['roles'], writesOn?: Entry['writesOn']): Entry => ({
	owner,
	roles,
	writesOn
});

/** Functions anyone may call without signing in (the rest need a signed-in member or the server). */
export const ANON_FUNCTIONS = ['event_places', 'event_times', 'report_accessibility_problem'];

// prettier-ignore
export const MATRIX: Record<string, Entry> = {
	//                                                  select insert update delete, for each role
	access_need_consents:     entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	access_need_items:        entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// staff see access needs only through consented RPCs
	access_needs:             entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// reports come in through report_accessibility_problem; whoever was signed in reads their own
	accessibility_reports:    entry('reporter_id', { anon: '- - - -', member: 'o - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	// anonymous feedback has no member; members write only through give_feedback
	activity_feedback:        entry('member_id', { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	adjustment_events:        entry(null,        { anon: '- - - -', member: 's - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	adjustment_items:         entry(null,        { anon: '- - - -', member: 's - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	adjustment_papers_ready:  entry(null,        { anon: '- - - -', member: 's - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	adjustment_requests:      entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// staff: every sent application, never a draft (applications.test.ts); answers follow their
	// application, so members read the answers in their own (none for A and B in the demo data)
	application_answers:      entry(null,        { anon: '- - - -', member: 's - - -', staff: 's - - -', finance: 's - - -', admin: 's - - -' }),
	application_events:       entry(null,        { anon: '- - - -', member: 's - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	application_notes:        entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	application_questions:    entry(null,        { anon: 'a - - -', member: 'a - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	applications:             entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 's - - -', finance: 's - - -', admin: 's - - -' }),
	audit_log:                entry(null,        { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: 'a - - -' }),
	bank_change_requests:     entry('member_id', { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// finance and admin read; members see masked details through an RPC
	bank_details:             entry('member_id', { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: 'a - - -', admin: 'a - - -' }),
	booking_access_items:     entry(null,        { anon: '- - - -', member: 's - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// members read their own feedback (none in the demo data)
	booking_feedback:         entry(null,        { anon: '- - - -', member: 's - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	booking_notices:          entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	// members: their own (A and B have none in the demo data)
	bookings:                 entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	claim_events:             entry(null,        { anon: '- - - -', member: 's - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	// members: lines of their own draft claims (a trigger refuses others first)
	claim_lines:              entry(null,        { anon: '- - - -', member: 's o o o', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	claim_question_emails:    entry(null,        { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	claim_settings:           entry(null,        { anon: '- - - -', member: 'a - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - a -' }),
	// members remove their own drafts (the only claims writes are tried on); the rest is done by functions
	claims:                   entry('member_id', { anon: '- - - -', member: 'o - - o', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }, { status: 'draft' }),
	data_settings:            entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - a -' }),
	deletion_requests:        entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	easy_read_jargon:         entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	evaluation_principles:    entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	event_settings:           entry(null,        { anon: 'a - - -', member: 'a - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	fee_rates:                entry(null,        { anon: '- - - -', member: 'a - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	// each member reads the marks of their own feedback (A and B have none in the demo data)
	feedback_given:           entry(null,        { anon: '- - - -', member: 's - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	figures_settings:         entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - a -' }),
	guests:                   entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a a -', finance: 'a a a -', admin: 'a a a -' }),
	// staff open calls as themselves: a copy of another's call is refused
	idea_calls:               entry(null,        { anon: '- - - -', member: 'a - - -', staff: 'a a a -', finance: 'a - a -', admin: 'a - a -' }),
	// members send ideas through submit_idea; published ones reach others through published_ideas()
	ideas:                    entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 'a - a -', finance: 'a - a -', admin: 'a - a -' }),
	involvements:             entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	lived_experience:         entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	match_invitations:        entry('member_id', { anon: '- - - -', member: 'o - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	// staff see what members share for matching only through staff_suggested_members()
	matching_profiles:        entry('member_id', { anon: '- - - -', member: 'o - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	meetings:                 entry(null,        { anon: 's - - -', member: 's - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	mileage_rates:            entry(null,        { anon: '- - - -', member: 'a - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	// anyone reads published and closed ones; staff create and change, never delete
	opportunities:            entry(null,        { anon: 's - - -', member: 's - - -', staff: 'a a a -', finance: 'a a a -', admin: 'a a a -' }),
	opportunity_alerts:       entry('member_id', { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	panel_members:            entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a - a', finance: 'a a - a', admin: 'a a - a' }),
	// staff on a round's panel score (their own rows only) and read their own scores, and every score
	// once the whole panel has scored (recruitment.test.ts). The staff account sits on a panel; the
	// finance and admin accounts sit on none, so their writes are refused.
	panel_scores:             entry('scorer_id', { anon: '- - - -', member: '- - - -', staff: 's o o -', finance: 's - - -', admin: 's - - -' }),
	// finance reads kept payee names (none in the demo data)
	payment_payees:           entry('member_id', { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: 'a - - -', admin: '- - - -' }),
	payment_runs:             entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a - - -' }),
	plan_entries:             entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	// members edit their own profile (not role or email: column grants)
	profiles:                 entry('id',        { anon: '- - - -', member: 'o - o -', staff: 'a - a -', finance: 'a - a -', admin: 'a - a -' }),
	programmes:               entry(null,        { anon: 'a - - -', member: 'a - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	projects:                 entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a a -', finance: 'a a a -', admin: 'a a a a' }),
	rate_limit_hits:          entry(null,        { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	receipt_rules:            entry(null,        { anon: '- - - -', member: 'a - - -', staff: 'a - - -', finance: 'a - - -', admin: 'a a a a' }),
	// read with their opportunity: the public and members read those of published and closed roles
	recruitment_criteria:     entry(null,        { anon: 's - - -', member: 's - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	reflection_entries:       entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	reflections:              entry(null,        { anon: '- - - -', member: '- - - -', staff: 'a a a a', finance: 'a a a a', admin: 'a a a a' }),
	// members save and remove their own (none in the demo data)
	saved_opportunities:      entry('member_id', { anon: '- - - -', member: 'o o - o', staff: '- o - -', finance: '- o - -', admin: '- o - -' }),
	sessions:                 entry('user_id',   { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	sign_in_codes:            entry(null,        { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	term_reminders:           entry(null,        { anon: '- - - -', member: '- - - -', staff: '- - - -', finance: '- - - -', admin: '- - - -' }),
	// members and staff upload their own files; staff read every upload
	uploads:                  entry('owner_id',  { anon: '- - - -', member: 'o o - o', staff: 'a o - o', finance: 'a o - o', admin: 'a o - o' }),
};
