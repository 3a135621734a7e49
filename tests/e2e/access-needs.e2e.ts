// A member says their access needs once, with the keyboard only, then asks for adjustments for a
// meeting: the form starts from their access needs, they change one thing for this request only,
// check their answers and send. axe checks every page and state on the way.
import type { Locator, Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	nextMail,
	seenBy,
	signIn,
	test
} from './fixtures';

const MEMBERS: Record<string, string> = {
	phone: 'grace.adeyemi@example.org',
	desktop: 'sophie.turner@example.org'
};
/** The spare account, for the run without JavaScript (phone only, so no two runs share it). */
const MEMBER_WITHOUT_JS = 'charlotte.ward@example.org';

/** A full-page picture of this state, kept with the test's results for people to look at. */
async function picture(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Press Tab until the field has focus, as a keyboard user would; fail if it never comes. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
	const element = await target.elementHandle();
	if (!element) throw new Error('No such field');
	for (let i = 0; i < limit; i++) {
		if (await element.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('The field cannot be reached with the Tab key');
}

test('fill the access needs with a keyboard, then ask for adjustments for a meeting', async ({
	page
}, info) => {
	// Tabbing through a long form is slow on a busy machine.
	test.setTimeout(240_000);
	await signIn(page, MEMBERS[info.project.name]!);
	await page.goto('/my');
	await page.getByRole('link', { name: 'My access needs' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My access needs');
	await expect(page.getByText('You have not told us about any access needs yet.')).toBeVisible();
	await expectAccessible(page, 'access needs, none yet');
	await picture(page, 'access-needs-none-yet');

	await page.getByRole('link', { name: 'Add your access needs' }).click();
	await expect(page).toHaveURL(/\/my\/access-needs\/edit$/);
	await expectAccessible(page, 'access needs form');
	await picture(page, 'access-needs-form');

	// Saving without choosing who may see them, or agreeing, shows what to fix.
	await page.getByRole('button', { name: 'Save your access needs' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(
		'Choose whether staff who arrange adjustments may see your access needs'
	);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'access needs form with errors');
	await picture(page, 'access-needs-form-with-errors');

	// From the top of the page, with the keyboard only.
	await page.getByRole('heading', { level: 1 }).evaluate((h) => {
		h.setAttribute('tabindex', '-1');
		(h as HTMLElement).focus();
	});
	await tabTo(page, page.getByRole('checkbox', { name: 'A taxi' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('checkbox', { name: 'Easy read' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByLabel('How many days before a meeting you need the papers (optional)'));
	await page.keyboard.type('10');
	await tabTo(page, page.getByRole('checkbox', { name: 'More breaks, or longer breaks' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByLabel('How often you need a break (in minutes) (optional)'));
	await page.keyboard.type('60');
	await tabTo(page, page.getByLabel('How long each break should be (in minutes) (optional)'));
	await page.keyboard.type('10');
	await tabTo(page, page.getByLabel('Anything else about the meeting itself (optional)'));
	await page.keyboard.type('A seat near the door, please.');
	await tabTo(page, page.getByRole('radio', { name: 'Yes, staff who arrange adjustments may see them' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('checkbox', { name: /^I agree that Together keeps/ }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Save your access needs' }));
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/my\/access-needs\?saved$/);
	await expect(page.getByRole('status')).toHaveText('Your access needs are saved.');
	const list = page.locator('.summary-list');
	await expect(list).toContainText('A taxi');
	await expect(list).toContainText('Easy read');
	await expect(list).toContainText('Papers 10 days before the meeting');
	await expect(list).toContainText('A break every hour for 10 minutes');
	await expect(list).toContainText('A seat near the door, please.');
	await expectAccessible(page, 'access needs saved');
	await picture(page, 'access-needs-saved');

	// Asking for adjustments: from /my, then from the opportunity page.
	await page.goto('/my');
	await page.getByRole('link', { name: 'My adjustments' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My adjustments');
	await expect(page.getByText('You have not asked for any adjustments yet.')).toBeVisible();
	await expectAccessible(page, 'my adjustments, none yet');
	await picture(page, 'my-adjustments-none-yet');
	const ask = page.getByRole('link', {
		name: /^Ask for adjustments for Guideline committee: moving from children/
	});
	const href = (await ask.getAttribute('href')) ?? '';
	const opportunity = new URL(href, page.url()).searchParams.get('opportunity');
	await page.goto(`/opportunities/${opportunity}`);
	await page.getByRole('link', { name: 'Ask for adjustments for its meetings' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Which meeting do you need adjustments for?'
	);
	await expectAccessible(page, 'choose a meeting');
	await picture(page, 'choose-a-meeting');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('.error-summary')).toContainText('Choose a meeting, or all meetings');
	await expectAccessible(page, 'choose a meeting, with an error');
	await picture(page, 'choose-a-meeting-with-an-error');
	await page.getByRole('radio', { name: /^Committee meeting 1,/ }).check();
	await page.getByRole('button', { name: 'Continue' }).click();

	// The form starts from the access needs (WCAG 3.3.7).
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you need for this meeting?');
	await expect(page.getByText('We have filled this in from your access needs.')).toBeVisible();
	// What the venue already has, so the member can see what to ask for.
	await expect(page.locator('.venue')).toContainText('Quiet room: yes');
	await expect(page.locator('.venue')).toContainText('Parking: no');
	await expect(page.getByRole('checkbox', { name: 'A taxi' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Easy read' })).toBeChecked();
	await expect(page.getByLabel('How many days before a meeting you need the papers (optional)')).toHaveValue(
		'10'
	);
	await expect(page.getByLabel('Anything else about the meeting itself (optional)')).toHaveValue(
		'A seat near the door, please.'
	);
	await expectAccessible(page, 'request form, filled from the access needs');
	await picture(page, 'request-form-filled-from-the-access-needs');

	// Three things are ticked, as in the access needs.
	const checked = page.getByRole('checkbox', { checked: true });
	const before = await checked.count();
	expect(before).toBe(3);

	// For this meeting only: large print instead of easy read.
	await page.getByRole('checkbox', { name: 'Easy read' }).uncheck();
	await page.getByRole('checkbox', { name: 'Large print' }).check();
	await page.getByLabel('Large print size (in points) (optional)').fill('18');
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before you send them');
	const answers = page.locator('.summary-list');
	await expect(answers).toContainText('Large print');
	await expect(answers).toContainText('Large print size 18');
	await expect(answers).not.toContainText('Easy read');
	await expectAccessible(page, 'check your answers');
	await picture(page, 'check-your-answers');

	// Back to change, and the answers are kept.
	await page.getByRole('button', { name: 'Change your answers' }).click();
	await expect(page.getByRole('checkbox', { name: 'Large print' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Easy read' })).not.toBeChecked();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Send your request' }).click();

	await expect(page).toHaveURL(/\/my\/adjustments\/\d+\?sent$/);
	await expect(page.getByRole('status')).toContainText('Your request is sent.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adjustments for Committee meeting 1');
	for (const name of ['Travel', 'Papers', 'The meeting itself']) {
		await expect(page.getByRole('heading', { level: 3, name: `${name} Asked for` })).toBeVisible();
	}
	await expect(page.getByText('Waiting for the co-production team to answer.').first()).toBeVisible();
	await expect(page.getByText(/Papers 10 days before the meeting/)).toBeVisible();
	await expectAccessible(page, 'request sent');
	await picture(page, 'request-sent');

	await page.getByRole('link', { name: 'Back to my adjustments' }).click();
	await expect(page.getByRole('link', { name: /^Committee meeting 1: Guideline committee/ })).toBeVisible();
	await expect(page.getByText('Waiting for an answer')).toBeVisible();
	await expectAccessible(page, 'my adjustments, one request');
	await picture(page, 'my-adjustments-one-request');

	// The change was for this request only: the access needs still say easy read.
	await page.goto('/my/access-needs');
	await expect(page.locator('.summary-list')).toContainText('Easy read');
	await expect(page.locator('.summary-list')).not.toContainText('Large print');

	// Deleting asks first.
	await page.getByRole('link', { name: 'Delete your access needs' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Are you sure you want to delete your access needs?'
	);
	await expectAccessible(page, 'delete access needs, confirm');
	await picture(page, 'delete-access-needs-confirm');
	await page.getByRole('link', { name: 'No, keep them' }).click();
	await expect(page.locator('.summary-list')).toContainText('Easy read');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the access needs form posts and shows its errors', async ({ page }, info) => {
		test.skip(info.project.name !== 'phone', 'One spare account: this runs in the phone project only.');
		await signIn(page, MEMBER_WITHOUT_JS);
		await page.goto('/my/access-needs/edit');
		await page.getByRole('checkbox', { name: 'A lipspeaker' }).check();
		await page.getByLabel('Large print size (in points) (optional)').fill('200');
		await page.getByRole('button', { name: 'Save your access needs' }).click();
		const summary = page.locator('.error-summary');
		await expect(summary).toContainText('The large print size must be from 12 to 72');
		await expect(summary).toContainText('Tick the box to agree');
		await expect(page.getByRole('checkbox', { name: 'A lipspeaker' })).toBeChecked();
		await expectAccessibleWithoutJs(page, 'access needs form with errors, no JavaScript');
		await picture(page, 'access-needs-form-with-errors-no-javascript');

		await page.getByLabel('Large print size (in points) (optional)').fill('');
		await page.getByRole('radio', { name: 'No, only me' }).check();
		await page.getByRole('checkbox', { name: /^I agree that Together keeps/ }).check();
		await page.getByRole('button', { name: 'Save your access needs' }).click();
		await expect(page.getByText('Your access needs are saved.')).toBeVisible();
		await expect(page.locator('.summary-list')).toContainText('A lipspeaker');
		await expect(page.locator('.summary-list')).toContainText('Only you.');

		await page.getByRole('link', { name: 'Delete your access needs' }).click();
		await page.getByRole('button', { name: 'Yes, delete my access needs' }).click();
		await expect(page.getByText('Your access needs are deleted.')).toBeVisible();
		await expect(page.getByText('You have not told us about any access needs yet.')).toBeVisible();

		// Her request for committee meeting 2 (demo data) shows each outcome exactly as staff wrote it.
		await page.goto('/my');
		await page.getByRole('link', { name: 'My adjustments' }).click();
		await page.getByRole('link', { name: /^Committee meeting 2: Guideline committee/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adjustments for Committee meeting 2');
		const item = (name: string) => page.locator('section.item', { has: page.getByRole('heading', { name }) });
		await expect(item('Travel')).toContainText('Arranged');
		await expect(item('Travel')).toContainText(
			'A blue badge parking space is booked for you at Temple Gate car park'
		);
		await expect(item('Travel')).toContainText('All day on the day of the meeting, from 8am');
		await expect(item('Papers')).toContainText('We will post them to you as well as emailing them.');
		await expect(item('Communication')).toContainText('Not possible');
		await expect(item('Communication')).toContainText('We could not find a lipspeaker free on that day.');
		await expect(item('Communication')).toContainText(
			'A speech-to-text reporter will be there, and the text shows on a screen next to you.'
		);
		await expect(item('The meeting itself')).toContainText('Partly agreed');
		await expect(item('Assistance or support dog')).toContainText(
			'Waiting for the co-production team to answer.'
		);
		await expect(page.getByText(/Committee meeting 2: ready since/)).toBeVisible();
		await expectAccessibleWithoutJs(page, 'a request with every outcome');
		await picture(page, 'a-request-with-every-outcome');

		// Changing something already arranged, without JavaScript: it goes back to "asked for", and
		// staff who arrange adjustments get an email that says nothing about her needs.
		const seen = await seenBy('staff@example.org');
		await page.getByRole('link', { name: 'Change what you asked for' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the adjustments you asked for');
		await expect(page.getByText('This is what you asked for before.')).toBeVisible();
		await expect(page.getByRole('checkbox', { name: 'A parking space close to the door' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'A lipspeaker' })).toBeChecked();
		await page.getByRole('checkbox', { name: 'A taxi' }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before you send them'
		);
		await page.getByRole('button', { name: 'Send the changes' }).click();
		await expect(page.getByText('Your changes are sent.')).toBeVisible();
		await expect(item('Travel')).toContainText('Asked for');
		await expect(item('Travel')).not.toContainText('Temple Gate');
		await expect(item('Communication')).toContainText('Not possible');
		await expect(page.locator('.history')).toContainText('You changed this after it was agreed: travel');
		const mail = await nextMail('staff@example.org', seen);
		expect(mail.subject).toContain('Adjustments changed after agreement');
		expect(mail.text).toContain('/admin/adjustments/');
		for (const word of ['taxi', 'parking', 'lipspeaker', 'Charlotte', 'Ward'])
			expect(mail.text).not.toContain(word);
	});
});
