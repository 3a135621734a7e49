/**
 * What an opportunity's page reads about the opportunity itself: the row, its meetings to come, a
 * steering group role's person specification, and its booking settings if it takes bookings. For
 * visitors it is the same for everyone, so it is kept for a few seconds as their lists are
 * (keptForVisitors); what changes with each booking (places left) is read on every request.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Opportunity } from '$lib/opportunities';
import type { Criterion } from '$lib/recruitment';
import { EVENT_SETTINGS_COLUMNS, type EventSettings } from './bookings';
import { fail } from './db/fail';
import { MEETING_COLUMNS, withLinks, type Meeting } from './meetings';
import { keptForVisitors } from './opportunities';

export interface OpportunityPage {
	opportunity: Opportunity;
	/** Meetings to come, with their joining links for those signed in (null for visitors). */
	meetings: Meeting[];
	criteria: Criterion[];
	/** null when it takes no bookings. */
	settings: EventSettings | null;
}

/**
 * One request: the row with its meetings to come (earliest first), its booking settings and its
 * person specification; then, for someone signed in, the joining links of meetings held online (the
 * database gives them only to staff and people taking part). null when it is not there for them.
 */
export async function readOpportunityPage(
	db: SupabaseClient,
	id: number,
	signedIn: boolean,
	now = new Date()
): Promise<OpportunityPage | null> {
	const { data, error } = await db
		.from('opportunities')
		.select(
			`*, upcoming_meetings:meetings (${MEETING_COLUMNS}), event_settings (${EVENT_SETTINGS_COLUMNS}), ` +
				'recruitment_criteria (id, position, title, description)'
		)
		.eq('id', id)
		.gt('upcoming_meetings.ends_at', now.toISOString())
		.order('starts_at', { referencedTable: 'upcoming_meetings' })
		.order('id', { referencedTable: 'upcoming_meetings' })
		.limit(20, { referencedTable: 'upcoming_meetings' })
		.order('position', { referencedTable: 'recruitment_criteria' })
		.maybeSingle();
	if (error) fail('Opportunity', error);
	if (!data) return null;
	const { upcoming_meetings, event_settings, recruitment_criteria, ...opportunity } =
		data as unknown as Opportunity & {
			upcoming_meetings: Omit<Meeting, 'joining_link'>[];
			event_settings: EventSettings | null;
			recruitment_criteria: Criterion[];
		};
	return {
		opportunity,
		meetings: await withLinks(db, upcoming_meetings, signedIn),
		// Only a steering group role shows the person specification the panel scores against.
		criteria: opportunity.type === 'steering_group_role' ? recruitment_criteria : [],
		settings: event_settings
	};
}

/** readOpportunityPage as a visitor sees it, kept for a few seconds; meetings that end meanwhile are left out. */
export async function opportunityPageForVisitors(
	db: SupabaseClient,
	id: number,
	now = new Date()
): Promise<OpportunityPage | null> {
	const kept = await keptForVisitors(`opportunity ${id}`, now, () => readOpportunityPage(db, id, false, now));
	if (!kept) return null;
	const t = now.getTime();
	const meetings = kept.meetings.filter((meeting) => Date.parse(meeting.ends_at) > t);
	return meetings.length === kept.meetings.length ? kept : { ...kept, meetings };
}
