// Every page works without JavaScript: browse, filter, easy read and sign in by plain form posts.
import { accountsFor, askForCode, codeIn, expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('browse and sign in with JavaScript off', async ({ page }, info) => {
	await page.goto('/opportunities');
	await page.getByLabel('Kind of opportunity').selectOption({ label: 'Committee' });
	await page.getByRole('button', { name: 'Show opportunities' }).click();
	await expect(page).toHaveURL(/type=committee/);
	for (const meta of await page.locator('.card .meta').allTextContents()) expect(meta).toContain('Committee');
	await page.locator('.card h2 a').first().click();
	await page.getByRole('link', { name: 'Easy read' }).click();
	expect(await page.locator('.easy-read li').count()).toBeGreaterThan(0);

	await page.goto('/sign-in');
	await page.getByRole('button', { name: 'Send me a code' }).click();
	await expect(page.locator('.error-summary')).toContainText('Enter your email address');

	const email = accountsFor(info.project.name).memberWithoutJs;
	const mail = await askForCode(page, email);
	await page.getByLabel('Enter the code').fill(codeIn(await mail()));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/my$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My opportunities');

	await page.goto('/my/profile?edit');
	await page.getByLabel('Pronouns (optional)').fill('they/them');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Your changes are saved.')).toBeVisible();

	await page.getByRole('link', { name: 'Sign out' }).click();
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
});
