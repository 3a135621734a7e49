// Email through SMTP with nodemailer. Locally the stack's mail catcher receives everything.
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';

export { escapeHtml } from './escape';

let transport: Transporter | undefined;

export interface Message {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** Extra headers, such as List-Unsubscribe. */
	headers?: Record<string, string>;
	/** Files sent with the email, such as a calendar file (text/calendar). */
	attachments?: { filename: string; content: string; contentType: string }[];
}

export async function sendMail(message: Message): Promise<void> {
	transport ??= nodemailer.createTransport(config.smtpUrl);
	await transport.sendMail({ from: config.mailFrom, ...message });
}
