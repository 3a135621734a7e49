// Admins keep the payment settings: fee rates, mileage rates, receipt rules, the claim window and the
// ways of being paid, in pounds and pence with plain-words errors. Saves here leave the values as the
// other journeys expect them (the same rates saved again, and a new fee rate no opportunity uses).
import { expect, expectAccessible, signIn, test } from './fixtures';

const ADMIN = { phone: 'ines.moreau@example.org', desktop: 'tomasz.zielinski@example.org' } as const;

test('an admin adds a fee rate and saves the other settings', async ({ page }, info) => {
	// A long page: axe takes a while on it when both projects run at once.
	test.setTimeout(240_000);
	await signIn(page, ADMIN[info.project.name as 'phone' | 'desktop']);
	await page.getByRole('link', { name: 'Payment settings' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment settings');
	await expect(
		page.getByRole('listitem').filter({ hasText: /^Meeting fee: £150 for 4 hours or more, £75 for less: / })
	).toHaveCount(1);
	await expect(page.getByLabel('Car or van, pounds a mile')).toHaveValue('0.45');
	await expectAccessible(page, 'payment settings');

	// A rate by meeting length needs both amounts and the hours.
	const name = `Panel fee (${info.project.name} ${Date.now()})`;
	await page.getByLabel('Name of the rate').fill(name);
	await page.getByLabel('Amount, in pounds', { exact: true }).fill('£120');
	await page.getByRole('button', { name: 'Add the fee rate' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary.getByRole('link')).toHaveText(['Enter the amount for a short meeting, like 75.00']);
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel('Amount, in pounds', { exact: true })).toHaveValue('£120');
	await expectAccessible(page, 'fee rate with errors');
	await page
		.getByLabel('Amount for a short meeting, in pounds (only for a rate by meeting length)')
		.fill('60.50');
	await page.getByLabel('Hours that make a long meeting (only for a rate by meeting length)').fill('3.5');
	await page.getByRole('button', { name: 'Add the fee rate' }).click();
	await expect(page.getByRole('status')).toHaveText('Fee rate added.', { timeout: 15_000 });
	await expect(
		page.getByText(`${name}: £120.00 for a meeting of 3.5 hours or more, £60.50 for a shorter one`)
	).toBeVisible();

	// Mileage: not an amount, then the same rates again.
	await page.getByLabel('Bicycle, pounds a mile').fill('twenty pence');
	await page.getByRole('button', { name: 'Save mileage rates' }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter the rate for a bicycle in pounds and pence, like 45.00 or 0.45'
	]);
	await expectAccessible(page, 'mileage with errors');
	await page.getByLabel('Bicycle, pounds a mile').fill('0.20');
	await page.getByRole('button', { name: 'Save mileage rates' }).click();
	await expect(page.getByRole('status')).toHaveText('Mileage rates saved.', { timeout: 15_000 });
	await expect(page.getByLabel('Bicycle, pounds a mile')).toHaveValue('0.20');

	// The claim window: a whole number of days, and at least one way of being paid.
	await page.getByLabel('Days after an activity that members can claim').fill('0');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'The number of days members have to claim must be 1 or more'
	]);
	await expectAccessible(page, 'claim window with errors');
	await page.getByLabel('Days after an activity that members can claim').fill('90');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Claim window and ways of being paid saved.', {
		timeout: 15_000
	});

	await page.getByRole('button', { name: 'Save receipt rules' }).click();
	await expect(page.getByRole('status')).toHaveText('Receipt rules saved.', { timeout: 15_000 });
	await expect(page.getByRole('group', { name: 'Taxi' }).getByLabel('Always needs a receipt')).toBeChecked();
	await expectAccessible(page, 'settings saved');
});
