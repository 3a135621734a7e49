// The accessibility statement: anyone reports a problem or asks for another format, with plain-words
// errors, with or without JavaScript; the team is emailed and staff read the report.
import {
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	nextMail,
	seenBy,
	signIn,
	test
} from './fixtures';

const TEAM = 'together@example.org';
const STAFF = { phone: 'ewan.quinn@example.org', desktop: 'harriet.okoro@example.org' } as const;

test('a visitor asks for another format and staff read it', async ({ page }, info) => {
	// A long page scanned by axe four times, and a sign-in: slow when the machine is busy.
	test.setTimeout(180_000);
	const words = `Large print papers please (${info.project.name} ${Date.now()})`;
	await page.goto('/accessibility');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement for Together');
	for (const section of [
		'How accessible Together is',
		'What to do if you need another format',
		'Reporting accessibility problems with Together',
		'Enforcement procedure',
		'Technical information about Together’s accessibility',
		'Compliance status',
		'Content that is not accessible',
		'What we are doing to improve accessibility',
		'Preparation of this accessibility statement'
	])
		await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
	await expect(page.getByText('partially compliant with the')).toBeVisible();
	await expect(page.getByRole('link', { name: /Equality Commission for Northern Ireland/ })).toBeVisible();
	await expectAccessible(page, 'accessibility statement');

	// Nothing filled in: every problem listed, the summary focused, the title says so.
	await page.getByRole('button', { name: 'Send' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter which page it is about',
		'Enter what went wrong, or the format you need'
	]);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'report form with errors');

	// Another format needs an address to send it to; what was typed stays.
	await page
		.getByRole('group', { name: 'What would you like to do?' })
		.getByLabel('Ask for information in another format')
		.check();
	await page.getByLabel('Which page is it about?').fill('Guideline committee papers');
	await page.getByLabel('What went wrong, or which format do you need?').fill(words);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter your email address, so we can send you the information in the format you need'
	]);
	await expect(page.getByLabel('What went wrong, or which format do you need?')).toHaveValue(words);
	await expectAccessible(page, 'another format without an email address');

	const seen = await seenBy(TEAM);
	await page.getByLabel('Your email address (optional)').fill('a.visitor@example.org');
	await page.getByRole('button', { name: 'Send' }).click();
	const sent = page.getByRole('status').filter({ hasText: 'Thank you, we have your message' });
	await expect(sent).toBeVisible();
	const number = (await sent.textContent())!.match(/Its number is (\d+)/)![1]!;
	await expectAccessible(page, 'report sent');

	// The team hears of it, without the words themselves (they may be about someone's health).
	let mail = await nextMail(TEAM, seen);
	while (!mail.subject.includes(`(number ${number})`)) {
		seen.add(mail.id);
		mail = await nextMail(TEAM, seen);
	}
	expect(mail.subject).toBe(`A request for another format was reported on Together (number ${number})`);
	expect(mail.text).toContain('Page: Guideline committee papers');
	expect(mail.text).not.toContain(words);
	expect(mail.text).toContain(`/admin/accessibility-reports#report-${number}`);

	// Only staff may read reports.
	await page.goto('/admin/accessibility-reports');
	await expect(page).toHaveURL(/\/sign-in/);
	await signIn(page, STAFF[info.project.name as 'phone' | 'desktop']);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Accessibility reports' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility reports');
	const item = page.locator(`#report-${number}`);
	await expect(item.getByRole('heading')).toHaveText(`Number ${number}: Another format`);
	await expect(item).toContainText(words);
	await expect(item.getByRole('link', { name: 'a.visitor@example.org' })).toBeVisible();
	await expectAccessible(page, 'accessibility reports');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a visitor reports a problem with plain form posts', async ({ page }, info) => {
		test.setTimeout(120_000);
		await page.goto('/accessibility?page=My%20claims');
		await expect(page.getByLabel('Which page is it about?')).toHaveValue('My claims');
		await page.getByLabel('Which page is it about?').fill('');
		await page.getByLabel('Your email address (optional)').fill('not an address');
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
			'Enter which page it is about',
			'Enter what went wrong, or the format you need',
			'Enter an email address in the correct format, like name@example.com'
		]);
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.getByLabel('Your email address (optional)')).toHaveValue('not an address');
		await expectAccessibleWithoutJs(page, 'report form with errors, no JavaScript');

		await page.getByLabel('Which page is it about?').fill('My claims');
		await page
			.getByLabel('What went wrong, or which format do you need?')
			.fill(`The receipt button is hard to find (${info.project.name}, no JavaScript)`);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
			'Enter an email address in the correct format, like name@example.com'
		]);
		await page.getByLabel('Your email address (optional)').fill('');
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page).toHaveURL(/\/accessibility\?sent=\d+/);
		await expect(page.getByText('Thank you, we have your message')).toBeVisible();
		await expectAccessibleWithoutJs(page, 'report sent, no JavaScript');
	});
});
