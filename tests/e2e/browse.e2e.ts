// Anyone can find opportunities, filter them, and read one in standard or easy-read form.
import { expect, expectAccessible, test } from './fixtures';

test('home, list, filters, search and an opportunity in both views', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle('Together – find ways to shape social care');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Together');
	await expect(page.getByRole('heading', { name: 'Closing soon' })).toBeVisible();
	await expectAccessible(page, 'home');

	await page.getByRole('link', { name: /See all \d+ open opportunities/ }).click();
	// In pages of 50 when there are more (while other tests have made some).
	await expect(page).toHaveTitle(/^Opportunities(, page 1 of \d+)? – Together$/);
	const status = page.getByRole('status');
	await expect(status).toHaveText(/\d+ opportunities open now/);
	const all = Number((await status.textContent())?.match(/\d+/)?.[0]);
	expect(all).toBeGreaterThanOrEqual(15);
	await expectAccessible(page, 'opportunities list');

	await page.getByLabel('Kind of opportunity').selectOption({ label: 'Training' });
	await page.getByRole('button', { name: 'Show opportunities' }).click();
	await expect(status).toHaveText(/opportunit(y|ies) match your search/);
	const cards = page.locator('.card');
	const training = await cards.count();
	expect(training).toBeGreaterThan(0);
	expect(training).toBeLessThan(all);
	for (const meta of await page.locator('.card .meta').allTextContents()) expect(meta).toContain('Training');
	await expectAccessible(page, 'opportunities filtered');

	await page.getByRole('link', { name: 'Clear search and filters' }).click();
	await expect(page).toHaveURL(/\/opportunities$/);
	await expect(page.getByLabel('Kind of opportunity')).toHaveValue('');
	await page.getByLabel('Search').fill('steering group');
	await page.getByRole('button', { name: 'Show opportunities' }).click();
	await expect(page).toHaveURL(/q=steering\+group/);
	const first = page.locator('.card h2 a').first();
	await expect(first).toContainText(/steering group/i);

	await page.getByLabel('Search').fill('zzzz nothing matches this');
	await page.getByRole('button', { name: 'Show opportunities' }).click();
	await expect(status).toHaveText('No opportunities match your search');
	await expectAccessible(page, 'opportunities with no results');

	await page.goto('/opportunities?q=steering+group');
	await page.locator('.card h2 a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/steering group/i);
	const standard = page.getByRole('link', { name: 'Standard' });
	await expect(standard).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('heading', { name: 'About this opportunity' })).toBeVisible();
	await expectAccessible(page, 'opportunity, standard');

	await page.getByRole('link', { name: 'Easy read' }).click();
	await expect(page).toHaveURL(/view=easy-read/);
	await expect(page).toHaveTitle(/\(easy read\) – Together$/);
	await expect(page.getByRole('link', { name: 'Easy read' })).toHaveAttribute('aria-current', 'page');
	const points = page.locator('.easy-read li');
	expect(await points.count()).toBeGreaterThanOrEqual(4);
	const picture = points.first().locator('img');
	await expect(picture).toHaveAttribute('src', /^\/pictograms\/[a-z-]+\.svg$/);
	await expect(picture).toHaveAttribute('alt', '');
	expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	const fontSize = await points.first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
	expect(fontSize).toBeGreaterThanOrEqual(18.7);
	await expect(page.getByRole('heading', { name: 'About this opportunity' })).toHaveCount(0);
	await expectAccessible(page, 'opportunity, easy read');
});

test('pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of [
		'/',
		'/opportunities',
		'/opportunities/1?view=easy-read',
		'/sign-in',
		'/accessibility'
	]) {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(320);
	}
});

test('the skip link moves focus to the main content', async ({ page, isMobile }) => {
	test.skip(isMobile, 'keyboard journey on the desktop project');
	await page.goto('/opportunities');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('a missing opportunity says so in plain words', async ({ page }) => {
	const res = await page.goto('/opportunities/999999');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expectAccessible(page, 'not found');
});

test('search and open an opportunity with the keyboard alone', async ({ page, isMobile }) => {
	test.skip(isMobile, 'keyboard journey on the desktop project');
	await page.goto('/opportunities');
	const search = page.getByLabel('Search');
	for (let i = 0; i < 10 && !(await search.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(search).toBeFocused();
	await page.keyboard.type('carers');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/q=carers/);
	await expect(page.getByRole('status')).toHaveText(/match your search/);

	// Tab on from the search form to the first result, and open it with Enter.
	const first = page.locator('.card h2 a').first();
	const title = (await first.textContent())!.trim();
	for (let i = 0; i < 15 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(first).toBeFocused();
	const outline = await first.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(outline).toBe('rgb(255, 221, 0)');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
