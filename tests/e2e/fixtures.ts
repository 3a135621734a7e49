// Shared helpers for the browser tests: an axe scan of the current state, and signing in with the
// code that arrives in the local mailbox, as a member would.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Zero axe violations in the page as it is now (target size is checked because wcag22aa is asked for). */
export async function expectAccessible(page: Page, state: string): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 5)
				.join('\n    ')}`
	);
	expect(summary, `axe violations on ${state} (${page.url()})`).toEqual([]);
}

export interface Mail {
	id: string;
	subject: string;
	text: string;
	headers?: Record<string, string>;
}

/** Every email the local mail catcher has received for an address. */
export async function mailTo(address: string): Promise<Mail[]> {
	const res = await fetch(`${process.env.MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
	return (await res.json()) as Mail[];
}

/** The ids of the emails an address already has, to tell new ones from them. */
export async function seenBy(address: string): Promise<Set<string>> {
	return new Set((await mailTo(address)).map((m) => m.id));
}

/** Waits for a new email to an address (one not in `seen`). */
export async function nextMail(address: string, seen: Set<string>, timeoutMs = 10_000): Promise<Mail> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const mail = (await mailTo(address)).find((m) => !seen.has(m.id));
		if (mail) return mail;
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`No email arrived for ${address}`);
}

/**
 * axe needs JavaScript in the page, so a page reached without it is checked as the same person sees it
 * in a second window with JavaScript on: the same address, the same cookies, the same size.
 */
export async function expectAccessibleWithoutJs(page: Page, state: string): Promise<void> {
	const context = await page
		.context()
		.browser()!
		.newContext({
			storageState: await page.context().storageState(),
			viewport: page.viewportSize(),
			javaScriptEnabled: true
		});
	try {
		const twin = await context.newPage();
		await twin.goto(page.url());
		await expect(twin.getByRole('heading', { level: 1 })).toHaveText(
			(await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
		);
		await expectAccessible(twin, `${state} (the page reached without JavaScript)`);
	} finally {
		await context.close();
	}
}

/** Ask for a code on /sign-in and return a function that waits for the email it sends. */
export async function askForCode(page: Page, email: string): Promise<() => Promise<Mail>> {
	const seen = new Set((await mailTo(email)).map((m) => m.id));
	const checkEmail = page.getByRole('heading', { level: 1, name: 'Check your email' });
	// A page still starting up can clear what was typed; if the form came back empty, type it again.
	await expect(async () => {
		if (await checkEmail.isVisible()) return;
		await page.getByLabel('Your email address').fill(email);
		await page.getByRole('button', { name: 'Send me a code' }).click({ timeout: 3_000 });
		await expect(checkEmail).toBeVisible({ timeout: 3_000 });
	}).toPass({ timeout: 20_000 });
	return async () => {
		const until = Date.now() + 10_000;
		while (Date.now() < until) {
			// Other emails (alerts, messages about applications) may arrive meanwhile: only the code counts.
			const mail = (await mailTo(email)).find(
				(m) => !seen.has(m.id) && m.subject.startsWith('Your Together sign-in code')
			);
			if (mail) return mail;
			await new Promise((r) => setTimeout(r, 150));
		}
		throw new Error(`No sign-in email arrived for ${email}`);
	};
}

export function codeIn(mail: Mail): string {
	const match = mail.text.match(/sign in to Together is (\d{3} \d{3})/);
	if (!match) throw new Error('No code in the email');
	return match[1]!;
}

export function linkIn(mail: Mail): string {
	const match = mail.text.match(/(https?:\/\/\S+\/sign-in\/link\?token=[A-Za-z0-9_-]+)/);
	if (!match) throw new Error('No link in the email');
	return match[1]!;
}

/** Signs in through the pages with the emailed code; ends on the person's home page. */
export async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/sign-in');
	const mail = await askForCode(page, email);
	await page.getByLabel('Enter the code').fill(codeIn(await mail()));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Sign out' }).click();
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
}

/**
 * Accounts per test and project. Journeys that run at the same time never share an account, so each
 * one reads only its own sign-in email.
 */
export const ACCOUNTS = {
	phone: {
		member: 'member@example.org',
		memberWhoBrowses: 'aisha.begum@example.org',
		memberWithoutJs: 'gareth.price@example.org',
		staff: 'staff@example.org',
		otherStaff: 'morgan.hughes@example.org'
	},
	desktop: {
		member: 'member2@example.org',
		memberWhoBrowses: 'tom.fletcher@example.org',
		memberWithoutJs: 'kwame.mensah@example.org',
		staff: 'finance@example.org',
		otherStaff: 'admin@example.org'
	}
} as const;

export function accountsFor(project: string) {
	return project === 'phone' ? ACCOUNTS.phone : ACCOUNTS.desktop;
}

export const test = base;
export { expect };
