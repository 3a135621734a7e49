/**
 * What an opportunity's page reads about the opportunity itself: the row, its meetings to come, a
 * steering group role's person specification, and its booking settings if it takes bookings. For
 * visitors it is the same for everyone, so it is kept for a few seconds as their lists are
 * (keptForVisitors); what changes with each booking (places left) is read on every request.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Opportunity } from '$lib/opportunities';
import type { Criterion } from '$lib/recruitment';
import { getEventSettings, type EventSettings } from './bookings';
import { getOpportunityAndUpcoming, withLinks, type Meeting } from './meetings';
import { keptForVisitors } from './opportunities';
import { listCriteria } from './recruitment';

export interface OpportunityPage {
	opportunity: Opportunity;
	/** Meetings to come, with their joining links for those signed in (null for visitors). */
	meetings: Meeting[];
	criteria: Criterion[];
	/** null when it takes no bookings. */
	settings: EventSettings | null;
}

/**
 * Two round trips: the row with its meetings to come, then what depends on its type (and, for
 * someone signed in, the meetings' joining links) at the same time. null when it is not there for them.
 */
export async function readOpportunityPage(
	db: SupabaseClient,
	id: number,
	signedIn: boolean,
	now = new Date()
): Promise<OpportunityPage | null> {
	const found = await getOpportunityAndUpcoming(db, id, now);
	if (!found) return null;
	const { opportunity } = found;
	const [meetings, criteria, settings] = await Promise.all([
		withLinks(db, found.upcoming, signedIn),
		opportunity.type === 'steering_group_role' ? listCriteria(db, id) : [],
		getEventSettings(db, id)
	]);
	return { opportunity, meetings, criteria, settings };
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
