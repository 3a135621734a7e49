// Staff add, change and remove an opportunity's meetings; the public page shows the meetings ahead
// with the venue's access, and the joining link only to staff and the people taking part.
import { expect, expectAccessible, signIn, test } from './fixtures';
import { MEETING_STAFF } from './adjustments-accounts';

// Each project works on its own opportunity, which no other journey looks at.
const OPPORTUNITY = {
	phone: 'Training: how involvement payments work',
	desktop: 'Guideline committee: dementia care at home'
} as const;

test('staff add a meeting with the venue’s access, and members see it', async ({ page, browser }, info) => {
	test.setTimeout(180_000);
	const project = info.project.name as 'phone' | 'desktop';
	const title = `Planning meeting ${project} ${Date.now()}`;
	await signIn(page, MEETING_STAFF[project]);
	await page.goto('/admin/opportunities');
	await page.getByRole('link', { name: OPPORTUNITY[project] }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(OPPORTUNITY[project]);
	const opportunityUrl = page.url();
	const id = opportunityUrl.match(/\/admin\/opportunities\/(\d+)/)![1];
	await page.getByRole('link', { name: /^Meetings \(/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meetings');
	await expectAccessible(page, 'meetings of an opportunity');

	// Everything wrong is said at once, in plain words.
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Date').fill('2099-06-10');
	await page.getByLabel('Start time').fill('2pm');
	await page.getByLabel('End time').fill('13:00');
	await page
		.getByRole('group', { name: 'Where does it happen?' })
		.getByLabel('In person', { exact: true })
		.check();
	await page.getByLabel('Joining link (optional)').fill('http://meet.example.org/planning');
	await page.getByRole('button', { name: 'Add the meeting' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'The meeting must end after it starts. Enter an end time later than the start time',
		'Enter where the meeting is, with the room and the address',
		'The joining link must start with https://'
	]);
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await expectAccessible(page, 'add a meeting with errors');

	await page.getByLabel('End time').fill('4:30pm');
	await page
		.getByRole('group', { name: 'Where does it happen?' })
		.getByLabel(/^Hybrid/)
		.check();
	await page.getByLabel('Place').fill('Room 4, Riverside Hub, 14 Station Road, Cardiff CF10 1AA');
	await page.getByLabel('Joining link (optional)').fill('https://meet.example.org/planning');
	await page.getByRole('group', { name: 'Step-free access' }).getByLabel('Yes', { exact: true }).check();
	await page.getByRole('group', { name: 'Hearing loop' }).getByLabel('No', { exact: true }).check();
	await page.getByRole('group', { name: 'Parking' }).getByLabel('Yes', { exact: true }).check();
	await page.getByLabel('Notes about access (optional)').fill('Level access from Station Road.');
	await page.getByRole('button', { name: 'Add the meeting' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Meeting added: ${title}, Wednesday 10 June 2099, 2pm to 4:30pm.`
	);
	const item = page.locator('li', { has: page.getByRole('heading', { name: title }) });
	await expect(item).toContainText('Step-free access: Yes');
	await expect(item).toContainText('Hearing loop: No');
	await expect(item).toContainText('Quiet room: Not known yet');
	await expect(item).toContainText('https://meet.example.org/planning');
	await expectAccessible(page, 'meeting added');

	// Change it: a later start.
	await item.getByRole('link', { name: /^Change or remove/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the meeting');
	await expect(page.getByLabel('Start time')).toHaveValue('14:00');
	await expectAccessible(page, 'change a meeting');
	await page.getByLabel('Start time').fill('');
	await page.getByRole('button', { name: 'Save the meeting' }).click();
	await expect(summary.getByRole('link')).toHaveText(['Enter the time the meeting starts']);
	await expectAccessible(page, 'change a meeting with errors');
	await page.getByLabel('Start time').fill('14:30');
	await page.getByRole('button', { name: 'Save the meeting' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Your changes are saved: ${title}, Wednesday 10 June 2099, 2:30pm to 4:30pm.`
	);

	// Staff see the joining link on the public page; someone not signed in sees the meeting and the
	// venue's access, but not the link.
	await page.goto(`/opportunities/${id}`);
	const meetings = page.getByRole('region', { name: 'Meetings' });
	const mine = meetings.locator('li', { has: page.getByRole('heading', { name: title }) });
	await expect(mine).toContainText('Wednesday 10 June 2099, 2:30pm to 4:30pm');
	await expect(mine.getByRole('link', { name: `Join ${title} online` })).toHaveAttribute(
		'href',
		'https://meet.example.org/planning'
	);
	// Visitors share one copy of the page for a few seconds; anything staff send forgets it, so the
	// visitor who saw the meeting a moment before it is removed no longer sees it afterwards.
	const visitor = await browser.newContext({ viewport: page.viewportSize() });
	try {
		const anon = await visitor.newPage();
		const theirs = anon
			.getByRole('region', { name: 'Meetings' })
			.locator('li', { has: anon.getByRole('heading', { name: title }) });
		await anon.goto(`/opportunities/${id}`);
		await expect(theirs).toContainText('Step-free access: Yes');
		await expect(theirs).toContainText('Level access from Station Road.');
		await expect(theirs.getByRole('link')).toHaveCount(0);
		expect(await anon.content()).not.toContain('meet.example.org/planning');
		await expectAccessible(anon, 'opportunity page with meetings');

		// Remove it, after a question.
		await page.goto(`/admin/opportunities/${id}/meetings`);
		await page
			.locator('li', { has: page.getByRole('heading', { name: title }) })
			.getByRole('link', { name: /^Change or remove/ })
			.click();
		await page.getByRole('link', { name: 'Remove this meeting' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Remove “${title}”?`);
		await expectAccessible(page, 'remove a meeting?');
		await anon.reload();
		await expect(theirs).toContainText('Step-free access: Yes');
		await page.getByRole('button', { name: 'Yes, remove it' }).click();
		await expect(page.getByRole('status')).toHaveText('The meeting is removed.');
		await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
		await anon.reload();
		await expect(anon.getByRole('heading', { level: 1 })).toHaveText(OPPORTUNITY[project]);
		await expect(anon.getByRole('heading', { name: title })).toHaveCount(0);
	} finally {
		await visitor.close();
	}
});
