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

function positive(name: string, fallback: number): number {
	const n = Number(env[name]);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

function wholeOrZero(name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const n = Number(raw);
	return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export const config = {
	/**
	 * The address people use to reach Together, without a trailing slash: links in emails are made
	 * from it. adapter-node reads the same ORIGIN setting.
	 */
	get origin() {
		const origin = env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
		return origin.replace(/\/+$/, '');
	},
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
	/** The co-production team's address: accessibility problem reports are sent here. */
	get teamEmail() {
		return env.TEAM_EMAIL || 'together@example.org';
	},
	get mailboxUrl() {
		return env.MAILBOX_URL || '';
	},
	/** Sign-in codes one email address may be sent in an hour. */
	get sendsPerAddress() {
		return positive('SIGN_IN_CODES_PER_ADDRESS_PER_HOUR', 5);
	},
	/** Sign-in codes one client (network address) may ask for in an hour. */
	get sendsPerClient() {
		return positive('SIGN_IN_CODES_PER_CLIENT_PER_HOUR', 20);
	},
	/** Tries at a code or link one client may make in 10 minutes. */
	get attemptsPerClient() {
		return positive('SIGN_IN_ATTEMPTS_PER_CLIENT_PER_10_MINUTES', 30);
	},
	/**
	 * Minutes between runs of the background jobs (close opportunities past their closing date, email
	 * new-opportunity alerts). 0 turns them off, for a server that leaves the jobs to another.
	 * Publishing an opportunity still sends its alerts at once.
	 */
	get jobsIntervalMinutes() {
		return wholeOrZero('JOBS_INTERVAL_MINUTES', 5);
	},
	/** The local mailbox page exists in development, or in a build started as a demo. */
	get demo() {
		return env.TOGETHER_DEMO === 'true';
	}
};
