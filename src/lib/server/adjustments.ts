// Access needs and adjustments. Members' reads go through locals.db (RLS: their own rows only);
// every change is a database function (one transaction, checked there). Staff never read these
// tables directly: the staff_* functions write the audit row as they return the data.
//
// Emails say nothing about anyone's needs: only that something has been arranged or changed, and
// where to look in the portal. They are sent after the database function has succeeded.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import {
	CATEGORIES,
	isAdjustmentErrorKey,
	type AdjustmentErrorKey,
	type AdjustmentEvent,
	type AdjustmentItem,
	type AdjustmentRequest,
	type Category,
	type NeedItem
} from '$lib/adjustments';
import { adjustmentErrorWords } from '$lib/i18n/error-words';
import { config } from './config';
import { fail } from './db/fail';
import { serviceClient } from './db/service';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { sendMail, type Message } from './mail';
import { emailLanguage, inLanguage, letter } from './mail/language';

/** A refusal the person can understand and act on; `message` is in plain words. */
export class AdjustmentError extends Error {
	constructor(readonly key: AdjustmentErrorKey) {
		super(adjustmentErrorWords(key));
		this.name = 'AdjustmentError';
	}
}

/** A database error with one of the schema's keys becomes an AdjustmentError; others stop. */
export function refuse(context: string, error: PostgrestError): never {
	if (isAdjustmentErrorKey(error.message)) throw new AdjustmentError(error.message);
	fail(context, error);
}

async function memberAddress(db: SupabaseClient, memberId: string) {
	const { data, error } = await db
		.from('profiles')
		.select('email, full_name, preferred_name, display_settings')
		.eq('id', memberId)
		.single();
	if (error) fail('The member', error);
	const p = data as {
		email: string;
		full_name: string;
		preferred_name: string | null;
		display_settings: unknown;
	};
	return { email: p.email, name: p.preferred_name ?? p.full_name, locale: emailLanguage(p.display_settings) };
}

/** An email to a member about their adjustments, in their language: what changed and where to look. */
function adjustmentEmail(
	to: { email: string; name: string; locale: Locale },
	requestId: number,
	write: () => { subject: string; text: string }
): Message {
	return inLanguage(to.locale, () => {
		const { subject, text } = write();
		return letter(to.locale, {
			to: to.email,
			subject,
			text: [
				m.mail_dear({ name: to.name }),
				`${text}\n${config.origin}/my/adjustments/${requestId}`,
				m.mail_team_question(),
				m.mail_sign_team()
			].join('\n\n')
		});
	});
}

// Emails -------------------------------------------------------------------------------------------

/**
 * After staff arrange the last item of a request (arrange_adjustment returned all_arranged): tell
 * the member, with no details. `db` is the staff member's own client (staff read profiles).
 */
export async function sendArrangedEmail(
	db: SupabaseClient,
	r: { member_id: string; request_id: number; opportunity_title: string }
): Promise<void> {
	const to = await memberAddress(db, r.member_id);
	await sendMail(
		adjustmentEmail(to, r.request_id, () => ({
			subject: m.mail_adj_arranged_subject({ title: r.opportunity_title }),
			text: m.mail_adj_arranged_text({ title: r.opportunity_title })
		}))
	);
}

/**
 * After staff change an answer the member already had (an agreed or arranged adjustment is now
 * different): tell the member, with no details, so nobody arrives expecting what is not there.
 */
export async function sendAnswerChangedEmail(
	db: SupabaseClient,
	r: { member_id: string; request_id: number; opportunity_title: string }
): Promise<void> {
	const to = await memberAddress(db, r.member_id);
	await sendMail(
		adjustmentEmail(to, r.request_id, () => ({
			subject: m.mail_adj_changed_subject({ title: r.opportunity_title }),
			text: m.mail_adj_changed_text({ title: r.opportunity_title })
		}))
	);
}

/** After staff mark papers ready (mark_papers_ready returned first_time): tell the member. */
export async function sendPapersReadyEmail(
	db: SupabaseClient,
	r: { member_id: string; request_id: number; opportunity_title: string; meeting_title: string }
): Promise<void> {
	const to = await memberAddress(db, r.member_id);
	await sendMail(
		adjustmentEmail(to, r.request_id, () => ({
			subject: m.mail_adj_papers_subject({ title: r.opportunity_title }),
			text: m.mail_adj_papers_text({ title: r.opportunity_title, meeting: r.meeting_title })
		}))
	);
}

/**
 * After a member changes a request staff had already answered: tell the staff who arrange
 * adjustments, with no details. Their addresses are read with the service client because members
 * cannot read staff profiles; only staff names and addresses are read, nothing of the member's.
 */
export async function sendChangedAfterAgreementEmail(r: {
	request_id: number;
	opportunity_title: string;
}): Promise<void> {
	const { data, error } = await serviceClient()
		.from('profiles')
		.select('email')
		.eq('role', 'staff')
		.neq('status', 'left')
		.contains('permissions', ['arrange_adjustments']);
	if (error) fail('Staff who arrange adjustments', error);
	for (const { email } of data as { email: string }[]) {
		await sendMail({
			to: email,
			subject: `Adjustments changed after agreement: ${r.opportunity_title}`,
			text: [
				`A member has changed adjustments for “${r.opportunity_title}” after they were agreed.`,
				`Please look at the request in the portal:\n${config.origin}/admin/adjustments/${r.request_id}`,
				'Together'
			].join('\n\n')
		});
	}
}

// The passport (member) ----------------------------------------------------------------------------

export interface Passport {
	share_with_staff: boolean;
	updated_at: string;
	consent: { wording: string; agreed_at: string };
	items: NeedItem[];
}

const ITEM_COLUMNS =
	'category, options, note, large_print_size, papers_days_before, break_every_minutes, break_minutes';

/** The signed-in member's access needs, or null when they have none. */
export async function getPassport(db: SupabaseClient, memberId: string): Promise<Passport | null> {
	const { data, error } = await db
		.from('access_needs')
		.select('share_with_staff, updated_at, access_need_consents (wording, agreed_at)')
		.eq('member_id', memberId)
		.maybeSingle();
	if (error) fail('Your access needs', error);
	if (!data) return null;
	const { data: items, error: itemsError } = await db
		.from('access_need_items')
		.select(ITEM_COLUMNS)
		.eq('member_id', memberId);
	if (itemsError) fail('Your access needs', itemsError);
	const row = data as unknown as {
		share_with_staff: boolean;
		updated_at: string;
		access_need_consents: { wording: string; agreed_at: string };
	};
	return {
		share_with_staff: row.share_with_staff,
		updated_at: row.updated_at,
		consent: row.access_need_consents,
		items: sortItems(items as NeedItem[])
	};
}

export function sortItems<T extends { category: Category }>(items: T[]): T[] {
	return [...items].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/** Save the whole passport. consentWording: the wording shown, when the member ticked to agree. */
export async function savePassport(
	db: SupabaseClient,
	items: NeedItem[],
	shareWithStaff: boolean,
	consentWording: string | null
): Promise<void> {
	const { error } = await db.rpc('save_access_needs', {
		needs: items,
		share_with_staff: shareWithStaff,
		consent_wording: consentWording
	});
	if (error) refuse('Saving your access needs', error);
}

export async function deletePassport(db: SupabaseClient): Promise<void> {
	const { error } = await db.rpc('delete_access_needs');
	if (error) refuse('Deleting your access needs', error);
}

// Requests (member) --------------------------------------------------------------------------------

export interface MeetingSummary {
	id: number;
	title: string;
	starts_at: string;
	ends_at: string;
	location_type: 'in_person' | 'online' | 'hybrid';
	place: string | null;
	/** What the venue offers; null: not known yet. */
	step_free: boolean | null;
	hearing_loop: boolean | null;
	accessible_toilet: boolean | null;
	quiet_room: boolean | null;
	parking: boolean | null;
	access_notes: string | null;
}

export interface TakingPart {
	opportunity_id: number;
	title: string;
	role: string;
	meetings: MeetingSummary[];
}

const MEETING_COLUMNS =
	'id, title, starts_at, ends_at, location_type, place, step_free, hearing_loop, accessible_toilet, quiet_room, parking, access_notes';

/** What the member takes part in, with the meetings still to come. */
export async function listTakingPart(
	db: SupabaseClient,
	memberId: string,
	now = new Date()
): Promise<TakingPart[]> {
	const { data, error } = await db
		.from('involvements')
		.select(`opportunity_id, role, opportunities (title, meetings (${MEETING_COLUMNS}))`)
		.eq('member_id', memberId);
	if (error) fail('What you take part in', error);
	const rows = data as unknown as {
		opportunity_id: number;
		role: string;
		opportunities: { title: string; meetings: MeetingSummary[] } | null;
	}[];
	// A place in an archived opportunity (a past year's) is hidden from members, so it has no
	// opportunity to show here and nothing ahead to ask adjustments for.
	return rows
		.filter((r): r is (typeof rows)[number] & { opportunities: object } => r.opportunities !== null)
		.map((r) => ({
			opportunity_id: r.opportunity_id,
			title: r.opportunities.title,
			role: r.role,
			meetings: r.opportunities.meetings
				.filter((m) => Date.parse(m.ends_at) > now.getTime())
				.sort((a, b) => a.starts_at.localeCompare(b.starts_at))
		}))
		.sort((a, b) => a.title.localeCompare(b.title));
}

export interface RequestListItem extends AdjustmentRequest {
	opportunity_title: string;
	meeting: MeetingSummary | null;
	items: Pick<AdjustmentItem, 'category' | 'status'>[];
}

export async function listMyRequests(db: SupabaseClient, memberId: string): Promise<RequestListItem[]> {
	const { data, error } = await db
		.from('adjustment_requests')
		.select(
			`id, member_id, opportunity_id, meeting_id, share_with_organisers, changed_after_agreement_at, submitted_at, updated_at,
			 opportunities (title), meetings!adjustment_requests_meeting_id_fkey (${MEETING_COLUMNS}), adjustment_items (category, status)`
		)
		.eq('member_id', memberId)
		.order('submitted_at', { ascending: false });
	if (error) fail('Your adjustments', error);
	return (
		data as unknown as (AdjustmentRequest & {
			opportunities: { title: string };
			meetings: MeetingSummary | null;
			adjustment_items: Pick<AdjustmentItem, 'category' | 'status'>[];
		})[]
	).map(({ opportunities, meetings, adjustment_items, ...r }) => ({
		...r,
		opportunity_title: opportunities.title,
		meeting: meetings,
		items: sortItems(adjustment_items)
	}));
}

export interface RequestInFull extends AdjustmentRequest {
	opportunity_title: string;
	meeting: MeetingSummary | null;
	/** The meetings the request covers: the one, or all of the opportunity's. */
	meetings: MeetingSummary[];
	items: AdjustmentItem[];
	events: AdjustmentEvent[];
	papers_ready: { meeting_id: number; ready_at: string }[];
}

const FULL_ITEM_COLUMNS = `id, request_id, ${ITEM_COLUMNS}, status, decision_note, decision_reason, decision_alternative, decided_at, arranged_what, arranged_when, arranged_at, estimated_pence, actual_pence, updated_at`;

/** One of the member's own requests, in full; null when it is not theirs or does not exist. */
export async function getMyRequest(db: SupabaseClient, id: number): Promise<RequestInFull | null> {
	const { data, error } = await db
		.from('adjustment_requests')
		.select(
			`id, member_id, opportunity_id, meeting_id, share_with_organisers, changed_after_agreement_at, submitted_at, updated_at,
			 opportunities (title, meetings (${MEETING_COLUMNS})),
			 adjustment_items (${FULL_ITEM_COLUMNS}),
			 adjustment_events (id, request_id, item_id, category, meeting_id, kind, at, details),
			 adjustment_papers_ready (meeting_id, ready_at)`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Your adjustments', error);
	if (!data) return null;
	const row = data as unknown as AdjustmentRequest & {
		opportunities: { title: string; meetings: MeetingSummary[] };
		adjustment_items: AdjustmentItem[];
		adjustment_events: AdjustmentEvent[];
		adjustment_papers_ready: { meeting_id: number; ready_at: string }[];
	};
	const all = [...row.opportunities.meetings].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
	const { opportunities, adjustment_items, adjustment_events, adjustment_papers_ready, ...request } = row;
	void opportunities;
	return {
		...request,
		opportunity_title: row.opportunities.title,
		meeting: all.find((m) => m.id === row.meeting_id) ?? null,
		meetings: row.meeting_id === null ? all : all.filter((m) => m.id === row.meeting_id),
		items: sortItems(adjustment_items),
		events: [...adjustment_events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id),
		papers_ready: adjustment_papers_ready
	};
}

/** The member's request for the same meeting (or all meetings), if they have one. */
export async function findMyRequest(
	db: SupabaseClient,
	memberId: string,
	opportunityId: number,
	meetingId: number | null
): Promise<number | null> {
	let query = db
		.from('adjustment_requests')
		.select('id')
		.eq('member_id', memberId)
		.eq('opportunity_id', opportunityId);
	query = meetingId === null ? query.is('meeting_id', null) : query.eq('meeting_id', meetingId);
	const { data, error } = await query.maybeSingle();
	if (error) fail('Your adjustments', error);
	return (data as { id: number } | null)?.id ?? null;
}

export interface SaveResult {
	id: number;
	created: boolean;
	changed_after_agreement: boolean;
	changed: Category[];
	repeat: boolean;
}

/**
 * Ask for adjustments (or change what was asked). When the change touches something staff had
 * already answered, staff are told by email (no details).
 */
export async function saveRequest(
	db: SupabaseClient,
	input: {
		opportunityId: number;
		meetingId: number | null;
		items: NeedItem[];
		shareWithOrganisers: boolean;
		requestKey: string;
		opportunityTitle: string;
	}
): Promise<SaveResult> {
	const { data, error } = await db.rpc('save_adjustment_request', {
		opportunity: input.opportunityId,
		meeting: input.meetingId,
		items: input.items,
		share_with_organisers: input.shareWithOrganisers,
		request_key: input.requestKey
	});
	if (error) refuse('Asking for adjustments', error);
	const result = data as SaveResult;
	if (result.changed_after_agreement) {
		try {
			await sendChangedAfterAgreementEmail({
				request_id: result.id,
				opportunity_title: input.opportunityTitle
			});
		} catch (e) {
			// The change is saved and shows in the staff queue; a lost email must not undo it.
			console.error('Telling staff of a changed request failed:', e);
		}
	}
	return result;
}
