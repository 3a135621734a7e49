// A long list of opportunities comes in pages of 50, with "Previous page", "Next page" and the page
// numbers as plain links that keep the search, with JavaScript and without.
import { createClient } from '@supabase/supabase-js';
import { expect, expectAccessible, test } from './fixtures';

const MANY = 53;

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the browser tests with "npm run test:e2e".`);
	return value;
}

const service = () =>
	createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});

/**
 * MANY open opportunities found by one made-up word, for this test alone. With no closing date they
 * come after every dated one in the list others look at, and published two months ago they are not
 * new enough for anyone's alerts or the home page's newest.
 */
async function manyOpportunities(word: string): Promise<() => Promise<void>> {
	const db = service();
	const publishedAt = new Date(Date.now() - 60 * 86_400_000).toISOString();
	const { error } = await db.from('opportunities').insert(
		Array.from({ length: MANY }, (_, i) => ({
			type: 'advisory_group',
			title: `${word} advisory group ${i + 1}`,
			summary: 'One of many, to show the list in pages.',
			location_type: 'online',
			status: 'published',
			published_at: publishedAt
		}))
	);
	expect(error).toBeNull();
	return async () => {
		const { error } = await db.from('opportunities').delete().like('title', `${word} %`);
		expect(error).toBeNull();
	};
}

const wordFor = (project: string) => `Pagewalk${project}${Date.now()}`;

test('a search with many results comes in pages, each reached by its links', async ({ page }, info) => {
	const word = wordFor(info.project.name);
	const remove = await manyOpportunities(word);
	try {
		await page.goto(`/opportunities?q=${word}`);
		const status = page.getByRole('status');
		await expect(status).toHaveText(`${MANY} opportunities match your search Showing 1 to 50 of ${MANY}`);
		await expect(page).toHaveTitle('Opportunities, page 1 of 2 – Together');
		await expect(page.locator('.card')).toHaveCount(50);
		const pages = page.getByRole('navigation', { name: 'Pages of opportunities' });
		await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
		await expect(pages.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
		await expectAccessible(page, 'first page of a long list');

		await pages.getByRole('link', { name: 'Next page' }).click();
		await expect(page).toHaveURL(new RegExp(`\\?q=${word}&page=2$`));
		await expect(status).toHaveText(
			`${MANY} opportunities match your search Showing 51 to ${MANY} of ${MANY}`
		);
		await expect(page).toHaveTitle('Opportunities, page 2 of 2 – Together');
		await expect(page.locator('.card')).toHaveCount(MANY - 50);
		await expect(page.getByRole('link', { name: `${word} advisory group ${MANY}` })).toBeVisible();
		await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
		await expect(pages.getByRole('link', { name: 'Next page' })).toHaveCount(0);
		await expect(page.getByLabel('Search')).toHaveValue(word);
		await expectAccessible(page, 'last page of a long list');

		await pages.getByRole('link', { name: 'Page 1' }).click();
		await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));
		await expect(page.locator('.card')).toHaveCount(50);

		// A page past the end (the list got shorter since the link was made): the last page there is.
		await page.goto(`/opportunities?q=${word}&page=9`);
		await expect(page).toHaveURL(new RegExp(`\\?q=${word}&page=2$`));
		await expect(page.locator('.card')).toHaveCount(MANY - 50);
	} finally {
		await remove();
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the pages of a long list are plain links', async ({ page }, info) => {
		const word = wordFor(`${info.project.name}nojs`);
		const remove = await manyOpportunities(word);
		try {
			await page.goto(`/opportunities?q=${word}`);
			await page.getByRole('link', { name: 'Next page' }).click();
			await expect(page).toHaveURL(new RegExp(`\\?q=${word}&page=2$`));
			await expect(page.locator('.card')).toHaveCount(MANY - 50);
			await page.getByRole('link', { name: 'Previous page' }).click();
			await expect(page.locator('.card')).toHaveCount(50);
		} finally {
			await remove();
		}
	});
});

test('the home page counts every one closing soon, and its link leads to them all', async ({
	page
}, info) => {
	const word = wordFor(`${info.project.name}soon`);
	const db = service();
	// Closing later than the demo's ones, so what else the home page shows stays as it was.
	const closesAt = new Date(Date.now() + 13.5 * 86_400_000).toISOString();
	const { error } = await db.from('opportunities').insert(
		Array.from({ length: 5 }, (_, i) => ({
			type: 'event',
			title: `${word} closing soon ${i + 1}`,
			summary: 'One of several closing soon, more than the home page shows.',
			location_type: 'online',
			status: 'published',
			published_at: new Date(Date.now() - 60 * 86_400_000).toISOString(),
			closes_at: closesAt
		}))
	);
	expect(error).toBeNull();
	try {
		const all = page.getByRole('link', { name: /^See all \d+ closing soon$/ });
		// Visitors' home is kept for up to 5 s: look again until it has them.
		await expect
			.poll(async () => {
				await page.goto('/');
				return all.count();
			})
			.toBe(1);
		const count = Number((await all.textContent())?.match(/\d+/)?.[0]);
		expect(count).toBeGreaterThanOrEqual(5 + 4);
		await expect(page.locator('main h2:text("Closing soon") + ul.cards > li')).toHaveCount(4);
		await expectAccessible(page, 'home with more closing soon than it shows');

		await all.click();
		await expect(page).toHaveURL(/\/opportunities\?closing=soon$/);
		await expect(page.getByRole('status')).toHaveText(/^\d+ opportunities match your search/);
		for (let i = 1; i <= 5; i++)
			await expect(page.getByRole('link', { name: `${word} closing soon ${i}` })).toBeVisible();
	} finally {
		await db.from('opportunities').delete().like('title', `${word} %`);
	}
});
