// Staff create and publish an opportunity with an easy-read version; a member then finds it.
import { accountsFor, expect, expectAccessible, signIn, signOut, test } from './fixtures';

// Each journey signs in twice, as staff and as a member: allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test('staff publish an opportunity that members then see', async ({ page }, info) => {
	const title = `Co-production café (${info.project.name} ${Date.now()})`;
	const accounts = accountsFor(info.project.name);
	await signIn(page, accounts.staff);
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
	await expectAccessible(page, 'staff home');

	await page.getByRole('link', { name: 'Opportunities', exact: true }).last().click();
	await expectAccessible(page, 'staff opportunities');
	await page.getByRole('link', { name: 'Create an opportunity' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an opportunity');
	await expectAccessible(page, 'new opportunity form');

	await page.getByRole('button', { name: 'Publish', exact: true }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Choose what kind of opportunity this is');
	await expect(summary).toContainText('Enter a title');
	// Everything publishing needs is listed at once, in the order of the form.
	await expect(summary.getByRole('link')).toHaveText([
		'Choose what kind of opportunity this is',
		'Enter a title',
		'Enter a short summary',
		'Enter a closing date before publishing'
	]);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'new opportunity with errors');

	await page.getByRole('group', { name: 'Kind of opportunity' }).getByLabel('Event', { exact: true }).check();
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page
		.getByLabel('Short summary', { exact: true })
		.fill('A relaxed afternoon to meet other members and the team, with tea and cake.');
	await page
		.getByLabel('Full description', { exact: true })
		.fill('Come and meet people.\n\nWe pay for your travel.');
	await page
		.getByRole('group', { name: 'Where does it happen?' })
		.getByLabel('Online', { exact: true })
		.check();
	await page.getByLabel('Closing date').fill('2099-12-31');
	await page.getByRole('group', { name: 'Topics (optional)' }).getByLabel('carers').check();
	await page.getByRole('button', { name: 'Publish', exact: true }).click();
	// Publishing without easy read asks first (a warning, not a block).
	await expect(
		page.getByRole('heading', { name: 'This opportunity has no easy read version' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publish without an easy read version' })).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);

	const point1 = page.getByRole('group', { name: 'Point 1' });
	await point1.getByLabel('Sentence').fill('Come and meet other members.');
	await point1.getByLabel('Picture').selectOption('group');
	const point2 = page.getByRole('group', { name: 'Point 2' });
	await point2.getByLabel('Sentence').fill('We pay for your travel.');
	await point2.getByLabel('Picture').selectOption('money');
	await page.getByRole('button', { name: 'Publish', exact: true }).click();

	await expect(page.getByRole('status')).toHaveText('Published. Members can see it now.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.tag.published')).toHaveText('Open');
	await expectAccessible(page, 'published opportunity editor');
	await signOut(page);

	await signIn(page, accounts.memberWhoBrowses);
	await page.goto('/opportunities?type=event');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('link', { name: 'Easy read' }).click();
	await expect(page.locator('.easy-read li')).toHaveText([
		'Come and meet other members.',
		'We pay for your travel.'
	]);
	await expect(page.locator('.easy-read img').nth(1)).toHaveAttribute('src', '/pictograms/money.svg');
	await signOut(page);
});

test('staff close an opportunity and invite a member', async ({ page }, info) => {
	await signIn(page, accountsFor(info.project.name).otherStaff);
	// Closing changes the shared demo data, so only the desktop run does it, on an opportunity no other test uses.
	if (info.project.name === 'desktop') {
		const title = "Help us rewrite our carers' guide in plain English";
		await page.goto('/admin/opportunities?status=published');
		await page.getByRole('link', { name: title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await page.getByRole('button', { name: 'Close to applications' }).click();
		await expect(page.getByRole('status')).toHaveText('Closed. Members can still read it, marked as closed.');
		await page.goto('/opportunities?type=writing');
		await expect(page.getByRole('link', { name: title })).toHaveCount(0);
		await page.goto('/admin/opportunities?status=closed');
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	}

	await page.goto('/admin/members');
	await expectAccessible(page, 'members');
	const email = `new.member.${info.project.name}.${Date.now()}@example.org`;
	await page.getByLabel('Their full name').fill('Nia Roberts');
	await page.getByLabel('Their email address').fill(email);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status').first()).toHaveText(
		`We have invited ${email} and sent them an email.`
	);
	await page.getByLabel('Their full name').fill('Nia Roberts');
	await page.getByLabel('Their email address').fill(email);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.locator('.error-summary')).toContainText(
		'Someone with this email address is already in Together.'
	);
	await expectAccessible(page, 'members with an error');

	const res = await fetch(`${process.env.MAILBOX_URL}/messages?to=${encodeURIComponent(email)}`);
	const mails = (await res.json()) as { subject: string }[];
	expect(mails.map((m) => m.subject)).toEqual(['You are invited to Together']);
});

test('a staff session warns before it ends and can be extended', async ({ page, isMobile }) => {
	test.skip(isMobile, 'staff use desktops');
	await page.clock.install();
	await signIn(page, accountsFor('desktop').staff);
	await page.goto('/admin');
	const dialog = page.getByRole('dialog', { name: 'Do you want to stay signed in?' });
	// The warning's code loads after the page has started; its clock starts when it is there.
	await expect(page.locator('dialog[aria-labelledby="timeout-title"]')).toBeAttached();
	await expect(dialog).toBeHidden();
	await page.clock.runFor(27 * 60_000);
	await expect(dialog).toBeHidden();
	await page.clock.runFor(90_000);
	await expect(dialog).toBeVisible();
	await expectAccessible(page, 'session timeout warning');
	await dialog.getByRole('button', { name: 'Stay signed in' }).click();
	await expect(dialog).toBeHidden();
	await page.clock.runFor(20 * 60_000);
	await expect(dialog).toBeHidden();
});
