// The local mail catcher's messages. Only in development or a demo build; absent otherwise.
import { dev } from '$app/environment';
import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import type { PageServerLoad } from './$types';

interface Mail {
	id: string;
	at: string;
	from: string;
	to: string[];
	subject: string;
	text: string;
}

export const load: PageServerLoad = async ({ url, fetch }) => {
	if (!(dev || config.demo) || !config.mailboxUrl) error(404, 'We could not find that page.');
	const to = (url.searchParams.get('to') ?? '').trim().toLowerCase();
	let messages: Mail[] = [];
	let problem = '';
	try {
		const res = await fetch(`${config.mailboxUrl}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
		messages = (await res.json()) as Mail[];
	} catch {
		problem = 'The local mail catcher is not running. Start Together with "npm start" or "npm run dev".';
	}
	return { to, messages: messages.slice(0, 50), problem };
};
