// The member's own application, for the pages under /my/applications/[id]. Staff read others' through
// their own pages; here, anything but the member's own is "not found".
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getApplication, type ApplicationDetail } from '$lib/server/applications';

export async function ownApplication(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<ApplicationDetail> {
	const { locals, url } = event;
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const id = Number((event.params as { id: string }).id);
	const detail = await getApplication(locals.db, id);
	if (!detail || detail.application.member_id !== locals.user.id) error(404, m.err_app_not_found());
	return detail;
}
