// The page behind the "change or stop" link in new-opportunity emails. No sign-in: the signed token
// in the address says whose settings these are, and lets the visitor change how often that member
// is emailed, nothing else. The same address takes RFC 8058 one-click unsubscribe POSTs from mail
// clients (body "List-Unsubscribe=One-Click"), which hooks.server.ts lets through from other sites.
// GET never changes anything, so link checkers that open every link in an email do no harm.
import { error, fail, redirect } from '@sveltejs/kit';
import { readToken } from '$lib/server/alerts/token';
import { config } from '$lib/server/config';
import { userClient } from '$lib/server/db/client';
import { getInterests, setRhythm } from '$lib/server/interests';
import { RHYTHMS, type NotifyRhythm } from '$lib/validation/interests';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

/** The member the link is for, acting as themselves (RLS applies), or a 404. */
function memberFor(token: string) {
	const id = readToken(config.jwtSecret, token);
	if (!id) error(404, m.unsub_not_working());
	return { id, db: userClient({ id, role: 'member' }) };
}

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const member = memberFor(params.token);
	const interests = await getInterests(member.db, member.id);
	if (!interests) error(404, m.unsub_not_working());
	return { rhythm: interests.rhythm, changed: url.searchParams.has('changed') };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const member = memberFor(params.token);
		let form: FormData;
		try {
			form = await readForm(request);
		} catch {
			return fail(400, { error: m.unsub_err_choose() });
		}
		const oneClick = form.get('List-Unsubscribe') === 'One-Click';
		const rhythm = oneClick ? 'off' : String(form.get('rhythm') ?? '');
		if (!(rhythm in RHYTHMS)) return fail(400, { error: m.unsub_err_choose() });
		if (!(await setRhythm(member.db, member.id, rhythm as NotifyRhythm))) error(404, m.unsub_not_working());
		// A mail client wants a plain success; a person gets the page again, showing what changed.
		if (oneClick) return { stopped: true };
		redirect(303, `/notifications/${params.token}?changed`);
	}
};
