import { error, redirect } from '@sveltejs/kit';
import { carryOutDeletion, deletionEmail, deletionRequest, dataSettings } from '$lib/server/data-rights';
import { sendMail } from '$lib/server/mail';
import { emailLanguageOf } from '$lib/server/mail/language';
import type { Actions, PageServerLoad } from './$types';
import { recordId } from '$lib/validation/form';

function adminOnly(locals: App.Locals) {
	if (locals.user?.role !== 'admin') error(403, 'Only admins can carry out a request to delete data.');
}

async function waiting(locals: App.Locals, raw: string) {
	const id = recordId(raw);
	const request = id === null ? null : await deletionRequest(locals.db, id);
	if (!request) error(404, 'We could not find that request.');
	return request;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	adminOnly(locals);
	const request = await waiting(locals, params.id);
	if (request.status !== 'waiting') redirect(303, '/admin/deletion-requests');
	return { request, settings: await dataSettings(locals.db) };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		adminOnly(locals);
		const request = await waiting(locals, params.id);
		// The member's language, read while their display settings are still there.
		const language = await emailLanguageOf(locals.db, request.member_id);
		const result = await carryOutDeletion(locals.db, request.id);
		if (!result.ok) {
			if (result.reason === 'wrong_status') redirect(303, '/admin/deletion-requests');
			error(403, 'This request cannot be carried out.');
		}
		// The address is no longer held anywhere: this is the only moment to send the confirmation.
		try {
			await sendMail(deletionEmail(result.outcome, language));
		} catch (e) {
			console.error('The deletion confirmation email failed:', e);
		}
		redirect(
			303,
			`/admin/deletion-requests?done=${encodeURIComponent(`${request.member.full_name}’s data is deleted and we have emailed them to say so.`)}`
		);
	}
};
