// Server settings, read from the environment at run time (documented in .env.example).
import { env } from '$env/dynamic/private';

function required(name: string): string {
	const value = env[name];
	if (!value) {
		throw new Error(
			`The setting ${name} is missing. Start Together with "npm start" (which sets it for the local stack), ` +
				'or set it as .env.example describes.'
		);
	}
	return value;
}

export const config = {
	get supabaseUrl() {
		return required('SUPABASE_URL');
	},
	get anonKey() {
		return required('SUPABASE_ANON_KEY');
	},
	get serviceRoleKey() {
		return required('SUPABASE_SERVICE_ROLE_KEY');
	},
	get jwtSecret() {
		return required('SUPABASE_JWT_SECRET');
	},
	get smtpUrl() {
		return env.SMTP_URL || 'smtp://127.0.0.1:54325';
	},
	get mailFrom() {
		return env.MAIL_FROM || 'Together <together@example.org>';
	},
	get mailboxUrl() {
		return env.MAILBOX_URL || '';
	},
	/** The local mailbox page exists in development, or in a build started as a demo. */
	get demo() {
		return env.TOGETHER_DEMO === 'true';
	}
};
