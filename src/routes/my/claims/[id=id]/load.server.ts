// The member's own claim, for the pages under /my/claims/[id]. Anything but their own is "not found".
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getClaim, type ClaimDetail } from '$lib/server/claims';
import { m } from '$lib/paraglide/messages';

export async function ownClaim(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>): Promise<ClaimDetail> {
	const { locals, url } = event;
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const id = Number((event.params as { id: string }).id);
	const detail = await getClaim(locals.db, id);
	if (!detail || detail.claim.member_id !== locals.user.id) error(404, m.err_404_claim());
	return detail;
}
