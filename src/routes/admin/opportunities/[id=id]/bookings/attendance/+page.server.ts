// Marking who came, on a phone at the door: search by name, one tap per person. Plain forms, so it
// works without JavaScript; marking someone as there records their involvement.
import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guard';
import { BookingError, attendanceList, markAttendance } from '$lib/server/bookings';
import { getOpportunity } from '$lib/server/opportunities';
import type { Actions, PageServerLoad } from './$types';
import { readForm, recordId } from '$lib/validation/form';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const opportunity = await getOpportunity(locals.db, id);
	if (!opportunity) error(404, 'We could not find that opportunity.');
	const q = (url.searchParams.get('q') ?? '').trim();
	const everyone = await attendanceList(locals.db, id);
	const words = q.toLowerCase().split(/\s+/).filter(Boolean);
	const people = words.length
		? everyone.filter((p) => words.every((w) => p.name.toLowerCase().includes(w)))
		: everyone;
	const marked = Number(url.searchParams.get('marked'));
	return {
		opportunity: { id, title: opportunity.title },
		q,
		people,
		total: everyone.length,
		came: everyone.filter((p) => p.attended === true).length,
		marked: everyone.find((p) => p.id === marked) ?? null
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		requireStaff(locals.user);
		const id = Number(params.id);
		const form = await readForm(request);
		const booking = recordId(form.get('booking'));
		const attended = form.get('attended') === 'yes';
		const q = String(form.get('q') ?? '');
		if (booking === null) error(400, 'This form is out of date. Open the page again.');
		try {
			await markAttendance(locals.db, booking, attended);
		} catch (e) {
			if (e instanceof BookingError) return fail(400, { problem: e.message });
			throw e;
		}
		const search = new URLSearchParams({ marked: String(booking), ...(q ? { q } : {}) });
		redirect(303, `/admin/opportunities/${id}/bookings/attendance?${search}#person-${booking}`);
	}
};
