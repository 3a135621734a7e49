import { error, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { memberRecord, setStatus } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type To = 'paused' | 'left' | 'active';
const TO: To[] = ['paused', 'left', 'active'];

function target(raw: string | null): To {
	if (!raw || !(TO as string[]).includes(raw)) error(404, 'We could not find that page.');
	return raw as To;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireStaff(locals.user);
	if (!UUID.test(params.id)) error(404, 'We could not find that member.');
	const record = await memberRecord(locals.db, params.id, false);
	if (!record || record.profile.role !== 'member') error(404, 'We could not find that member.');
	return { member: record.profile, to: target(url.searchParams.get('to')) };
};

const DONE: Record<To, (name: string) => string> = {
	paused: (n) => `${n} is paused. We will not send them new opportunities until they are active again.`,
	left: (n) => `${n} is marked as left.`,
	active: (n) => `${n} is active again.`
};

export const actions: Actions = {
	default: async ({ locals, params, url }) => {
		requireStaff(locals.user);
		if (!UUID.test(params.id)) error(404, 'We could not find that member.');
		const to = target(url.searchParams.get('to'));
		const record = await memberRecord(locals.db, params.id, false);
		if (!record) error(404, 'We could not find that member.');
		const result = await setStatus(locals.db, params.id, to);
		if (!result.ok) error(403, 'You cannot change this person’s status.');
		redirect(
			303,
			`/admin/members/${params.id}?changed=${encodeURIComponent(DONE[to](record.profile.full_name))}`
		);
	}
};
