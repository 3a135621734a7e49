// The local mail catcher: an SMTP server that keeps every message it receives, and a small HTTP
// API the dev-only /dev/mailbox page and the tests read. Nothing is ever delivered anywhere.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 500;

export async function startMailbox({ smtpPort, httpPort, log = console.log }) {
	/** @type {{ id: string, at: string, from: string, to: string[], subject: string, text: string, html: string, headers: Record<string, string> }[]} */
	const messages = [];

	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		banner: 'Together local mail catcher',
		size: 5 * 1024 * 1024,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.unshift({
						id: randomUUID(),
						at: new Date().toISOString(),
						from: mail.from?.text ?? '',
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: typeof mail.html === 'string' ? mail.html : '',
						// Attached files, text ones (such as calendar files) as text.
						attachments: (mail.attachments ?? []).map((a) => ({
							filename: a.filename ?? '',
							contentType: a.contentType,
							content: /^text\//.test(a.contentType) ? a.content.toString('utf8') : ''
						})),
						// Header names in lower case, each with its raw (unfolded) value.
						headers: Object.fromEntries(
							mail.headerLines.map((h) => [
								h.key,
								h.line
									.slice(h.line.indexOf(':') + 1)
									.replace(/\r?\n[ \t]+/g, ' ')
									.trim()
							])
						)
					});
					messages.length = Math.min(messages.length, KEEP);
					callback();
				})
				.catch(callback);
		}
	});
	smtp.on('error', (error) => console.error(`Mail catcher: ${error.message}`));

	const http = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://mailbox');
		const json = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			res.end(JSON.stringify(body));
		};
		if (url.pathname === '/messages' && req.method === 'GET') {
			const to = url.searchParams.get('to')?.toLowerCase();
			return json(200, to ? messages.filter((m) => m.to.includes(to)) : messages);
		}
		if (url.pathname === '/messages' && req.method === 'DELETE') {
			messages.length = 0;
			return json(200, { ok: true });
		}
		const one = url.pathname.match(/^\/messages\/([0-9a-f-]{36})$/);
		if (one && req.method === 'GET') {
			const message = messages.find((m) => m.id === one[1]);
			return message ? json(200, message) : json(404, { message: 'No such message' });
		}
		json(404, { message: 'Not found' });
	});

	await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
	await new Promise((resolve) => http.listen(httpPort, '127.0.0.1', resolve));
	log(`Mail catcher: SMTP on 127.0.0.1:${smtpPort}, messages at http://127.0.0.1:${httpPort}/messages`);

	return {
		async stop() {
			http.closeAllConnections();
			await Promise.all([
				new Promise((r) => http.close(() => r())),
				new Promise((r) => smtp.close(() => r()))
			]);
		}
	};
}
