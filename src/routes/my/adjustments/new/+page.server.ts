// Asking for adjustments, in three steps that all work without JavaScript:
//   1. which meeting (one, or all of them) — a GET form, so the choice is in the address
//   2. what you need — starts from your access needs (or what you asked before for the same
//      meeting), changed for this request only
//   3. check your answers — the answers travel as hidden fields; "Change" goes back to step 2
import { error, fail, redirect } from '@sveltejs/kit';
import {
	AdjustmentError,
	findMyRequest,
	getMyRequest,
	getPassport,
	listTakingPart,
	saveRequest
} from '$lib/server/adjustments';
import { NOTHING_ASKED, requestSchema, scopeSchema, toItems, toValues } from '$lib/validation/adjustments';
import { formValues, parse, readForm } from '$lib/validation/form';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function context(locals: App.Locals, url: URL) {
	const user = locals.user;
	if (!user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	const opportunityId = Number(url.searchParams.get('opportunity'));
	const takingPart = await listTakingPart(locals.db, user.id);
	const part = takingPart.find((t) => t.opportunity_id === opportunityId);
	if (!part) error(404, m.adjnew_err_not_taking_part());
	const raw = url.searchParams.get('meeting');
	let meetingId: number | null | undefined;
	let scopeError: string | undefined;
	// "chosen" comes with the meeting form, so sending it without a choice shows the error.
	if (raw !== null || url.searchParams.has('chosen')) {
		const parsed = parse(scopeSchema, { meeting: raw ?? '' }, { meeting: raw ?? '' });
		if (
			parsed.ok &&
			(parsed.data.meeting === null || part.meetings.some((m) => m.id === parsed.data.meeting))
		)
			meetingId = parsed.data.meeting;
		else scopeError = m.adj_err_meeting();
	}
	return { user, part, meetingId, scopeError };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user, part, meetingId, scopeError } = await context(locals, url);
	const base = { opportunity: { id: part.opportunity_id, title: part.title }, meetings: part.meetings };
	if (meetingId === undefined) return { ...base, step: 'scope' as const, scopeError };

	// Start from what was asked before for the same meeting(s), or else from the access needs.
	const existingId = await findMyRequest(locals.db, user.id, part.opportunity_id, meetingId);
	const existing = existingId ? await getMyRequest(locals.db, existingId) : null;
	const passport = existing ? null : await getPassport(locals.db, user.id);
	const items = existing ? existing.items.filter((i) => i.status !== 'cancelled') : (passport?.items ?? []);
	return {
		...base,
		step: 'form' as const,
		meetingId,
		meeting: part.meetings.find((m) => m.id === meetingId) ?? null,
		existingId,
		from: existing ? ('request' as const) : passport ? ('passport' as const) : ('nothing' as const),
		values: {
			...toValues(items),
			share_with_organisers: existing?.share_with_organisers ? 'yes' : 'no',
			request_key: crypto.randomUUID()
		} as Record<string, string | string[]>
	};
};

function check(values: Record<string, string | string[]>) {
	const parsed = parse(requestSchema, values, values);
	if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
	const items = toItems(parsed.data);
	if (items.length === 0) return { ok: false as const, errors: { 'travel.options': NOTHING_ASKED() } };
	return { ok: true as const, items, share: parsed.data.share_with_organisers };
}

export const actions: Actions = {
	/** Step 2 → 3: check the answers, then show them back. */
	check: async ({ locals, request, url }) => {
		const { meetingId } = await context(locals, url);
		if (meetingId === undefined) redirect(303, url.pathname + url.search);
		const values = formValues(await readForm(request));
		const result = check(values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		return { values, checking: true, items: result.items, share: result.share };
	},
	/** Step 3 → 2: back to the answers, as they were. */
	edit: async ({ request }) => {
		return { values: formValues(await readForm(request)) };
	},
	/** Send (or change) the request. */
	send: async ({ locals, request, url }) => {
		const { part, meetingId } = await context(locals, url);
		if (meetingId === undefined) redirect(303, url.pathname + url.search);
		const values = formValues(await readForm(request));
		const result = check(values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		const key = String(values.request_key ?? '');
		let saved;
		try {
			saved = await saveRequest(locals.db, {
				opportunityId: part.opportunity_id,
				meetingId,
				items: result.items,
				shareWithOrganisers: result.share,
				requestKey: UUID.test(key) ? key : crypto.randomUUID(),
				opportunityTitle: part.title
			});
		} catch (e) {
			if (e instanceof AdjustmentError) return fail(400, { values, errors: { 'travel.options': e.message } });
			throw e;
		}
		redirect(303, `/my/adjustments/${saved.id}?${saved.created ? 'sent' : 'changed'}`);
	}
};
