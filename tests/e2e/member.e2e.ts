// A member signs in with the emailed code, sees and changes their profile, and signs out.
import { accountsFor, askForCode, codeIn, expect, expectAccessible, linkIn, signOut, test } from './fixtures';

test('sign in with the code, change the profile, sign out', async ({ page }, info) => {
	const email = accountsFor(info.project.name).member;
	await page.goto('/my/profile');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy%2Fprofile$/);
	await expectAccessible(page, 'sign in');

	await page.getByRole('button', { name: 'Send me a code' }).click();
	await expect(page).toHaveTitle('Error: Sign in – Together');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute(
		'href',
		'#f-email'
	);
	await expectAccessible(page, 'sign in with an error');

	const mail = await askForCode(page, email);
	const codeField = page.getByLabel('Enter the code');
	await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
	await expect(codeField).toHaveAttribute('inputmode', 'numeric');
	await expectAccessible(page, 'enter the code');

	await codeField.fill('000 000');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const code = codeIn(await mail());
	if (code !== '000 000') {
		await expect(page.locator('.error-summary')).toContainText('That code is not right');
		await expectAccessible(page, 'wrong code');
	}

	await codeField.fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/my\/profile$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
	await expect(page.getByText(email)).toBeVisible();
	await expectAccessible(page, 'my profile');

	await page.getByRole('link', { name: 'Change your profile' }).click();
	await page.getByLabel('Full name').fill('');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('.error-summary')).toContainText('Enter your full name');
	await expect(page.getByLabel('Pronouns (optional)')).not.toHaveValue('x');
	await expectAccessible(page, 'profile with an error');

	const name = info.project.name === 'phone' ? 'Alex Morgan' : 'Priya Shah';
	await page.getByLabel('Full name').fill(name);
	await page
		.getByLabel('What should we call you? (optional)')
		.fill(`${name.split(' ')[0]} (${info.project.name})`);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Your changes are saved.');
	await expect(page.getByText(`${name.split(' ')[0]} (${info.project.name})`).first()).toBeVisible();

	await page.goto('/admin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');

	await page.goto('/my');
	await signOut(page);
	await expectAccessible(page, 'signed out');
	await page.goto('/my');
	await expect(page).toHaveURL(/\/sign-in/);
});

test('sign in with the link in the email; it works once', async ({ page, browser }, info) => {
	const email = accountsFor(info.project.name).member;
	await page.goto('/sign-in');
	const mail = await askForCode(page, email);
	const link = linkIn(await mail());
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Together');
	await expectAccessible(page, 'sign-in link');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/my$/);

	const other = await browser.newPage();
	await other.goto(link);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('This sign-in link has expired');
	await other.close();
});

test('an unknown email address gets the same answer as a member', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('Your email address').fill('not.a.member@example.org');
	await page.getByRole('button', { name: 'Send me a code' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
	await expect(page.getByText('If not.a.member@example.org belongs to a member of Together')).toBeVisible();
});

test('save an opportunity, find it in saved opportunities, remove it', async ({ page }, info) => {
	await page.goto('/opportunities/1?view=easy-read');
	await page.getByRole('link', { name: 'Sign in to save this opportunity' }).click();
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fopportunities%2F1$/);
	const mail = await askForCode(page, accountsFor(info.project.name).member);
	await page.getByLabel('Enter the code').fill(codeIn(await mail()));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/opportunities\/1$/);
	const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

	await page.getByRole('link', { name: 'Easy read' }).click();
	await expect(page).toHaveURL(/view=easy-read/);
	await expect(page.getByRole('link', { name: 'Easy read' })).toHaveAttribute('aria-current', /.+/);
	await page.getByRole('button', { name: 'Save this opportunity' }).click();
	await expect(page.locator('.save-bar [role="status"]')).toHaveText(
		'Saved. Find it in your saved opportunities.'
	);
	await expect(page).toHaveURL(/view=easy-read/);
	await expect(page.getByRole('button', { name: 'Remove from saved' })).toBeVisible();
	await expectAccessible(page, 'opportunity saved');

	await page.getByRole('link', { name: 'your saved opportunities' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved opportunities');
	await expect(page.locator('.card h2')).toHaveText([title]);
	await expectAccessible(page, 'saved opportunities');

	const remove = page.getByRole('button', { name: /^Remove from saved/ });
	await expect(remove).toHaveAccessibleName(
		new RegExp(`^Remove from saved\\W+${title.replace(/[()]/g, '\\$&')}$`)
	);
	await remove.click();
	await expect(page.getByRole('status')).toHaveText('Removed from your saved opportunities.');
	await expect(page.getByText('You have not saved any opportunities yet.')).toBeVisible();
	await expectAccessible(page, 'no saved opportunities');
});
