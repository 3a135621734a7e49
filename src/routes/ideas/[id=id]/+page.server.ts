import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getCall, isOpenCall, publishedIdeas, submitIdea, type IdeaMode } from '$lib/server/ideas';
import { checkAudioFile, storeUpload } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/validation/form';

const MODES: IdeaMode[] = ['written', 'audio', 'phone_call'];

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.user) redirect(303, `/sign-in?next=/ideas/${params.id}`);
	const call = await getCall(locals.db, Number(params.id));
	if (!call) error(404, m.err_404_call());
	return {
		call,
		open: isOpenCall(call),
		published: await publishedIdeas(locals.db, call.id),
		requestKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		if (!locals.user) redirect(303, `/sign-in?next=/ideas/${params.id}`);
		const form = await readForm(request);
		const values = {
			title: String(form.get('title') ?? '').trim(),
			mode: String(form.get('mode') ?? ''),
			body: String(form.get('body') ?? '').trim(),
			request_key: String(form.get('request_key') ?? '')
		};
		const errors: Record<string, string> = {};
		if (values.title.length < 3 || values.title.length > 120) errors.title = m.idea_err_title();
		if (!MODES.includes(values.mode as IdeaMode)) errors.mode = m.idea_err_mode();
		if (values.mode === 'written' && (values.body.length < 10 || values.body.length > 5000))
			errors.body = m.idea_err_body();
		const file = form.get('audio');
		let upload: string | null = null;
		if (values.mode === 'audio') {
			if (!(file instanceof File) || file.size === 0) errors.audio = m.idea_err_audio();
			else if (Object.keys(errors).length === 0) {
				const checked = await checkAudioFile(file);
				if (!checked.ok) errors.audio = checked.error;
				else
					upload = await storeUpload(locals.db, locals.user.id, 'idea', checked.contentType, checked.bytes);
			}
		}
		if (!/^[0-9a-f-]{36}$/i.test(values.request_key)) values.request_key = randomUUID();
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		const result = await submitIdea(locals.db, {
			call: Number(params.id),
			title: values.title,
			mode: values.mode as IdeaMode,
			body: values.mode === 'audio' ? null : values.body || null,
			upload,
			request_key: values.request_key
		});
		if (!result.ok) {
			return fail(400, {
				values,
				errors: result.reason === 'closed' ? { form: m.idea_err_closed() } : { audio: m.idea_err_audio() }
			});
		}
		redirect(303, `/my/ideas/${result.id}?sent`);
	}
};
