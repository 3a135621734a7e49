// The member's own application, for the pages under /my/applications/[id]. Staff read others' through
// their own pages; here, anything but the member's own is "not found".
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getApplication, type ApplicationDetail } from '$lib/server/applications';

export async function ownApplication(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<ApplicationDetail> {
	const { locals, url } = event;
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const id = Number((event.params as { id: string }).id);
	const detail = await getApplication(locals.db, id);
	if (!detail || detail.application.member_id !== locals.user.id)
		error(404, 'We could not find that application. The link may be wrong, or it may not be yours.');
	return detail;
}
