// On a slow phone a page can be filled in before its code has started: what the member typed or
// ticked meanwhile must still be there once it has.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Holds back the page's code (not its styles) until `start()` is called. */
async function holdCode(page: Page) {
	let start!: () => void;
	const held = new Promise<void>((resolve) => (start = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return start;
}

/** The page's code has started: it registers the service worker once it has. (Asked again and
 * again through evaluate, which waits for the answer; waitForFunction takes only a plain yes/no.) */
async function started(page: Page) {
	await expect
		.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), {
			timeout: 15_000
		})
		.toBe(true);
}

test('an email address typed before the sign-in page has started is kept and sent', async ({ page }) => {
	const start = await holdCode(page);
	await page.goto('/sign-in', { waitUntil: 'commit' });
	const email = page.getByLabel('Your email address');
	await email.fill('nobody-in-particular@example.org');
	start();
	await started(page);
	await expect(email).toHaveValue('nobody-in-particular@example.org');
	await page.getByRole('button', { name: 'Send me a code' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
	await expectAccessible(page, 'sign-in code asked for after a slow start');
});

test('a choice ticked before the display settings have started is kept', async ({ page }) => {
	const start = await holdCode(page);
	await page.goto('/settings/display', { waitUntil: 'commit' });
	const yellow = page.getByRole('radio', { name: 'Yellow text on black' });
	await yellow.check();
	start();
	await started(page);
	await expect(yellow).toBeChecked();
});

test('the words are painted before any of the page’s code is asked for, and the page then starts', async ({
	browser,
	baseURL
}) => {
	for (const path of ['/', '/opportunities/1', '/sign-in']) {
		// Each a first visit: nothing kept on the phone, no service worker yet.
		const context = await browser.newContext({ baseURL });
		try {
			const page = await context.newPage();
			const response = await page.goto(path);
			// Nothing in the Link header sends the phone for scripts while the page itself is arriving.
			expect(response?.headers()['link'] ?? '', path).not.toContain('modulepreload');
			await started(page);
			const order = await page.evaluate(() => {
				const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
				const scripts = performance
					.getEntriesByType('resource')
					.filter((entry) => entry.name.endsWith('.js') && entry.name.includes('/_app/immutable/'));
				return {
					paint,
					scripts: scripts.length,
					firstScript: Math.min(...scripts.map((entry) => entry.startTime))
				};
			});
			expect(order.paint, path).toBeGreaterThan(0);
			expect(order.scripts, path).toBeGreaterThan(3);
			expect(order.firstScript, path).toBeGreaterThanOrEqual(order.paint);
		} finally {
			await context.close();
		}
	}
});
