// Staff review applications: the queue and its filters, one application with a private note, an
// invitation to interview with an edited message (and its error summary), and a decision for two
// applications at once, made with JavaScript off. Each member's email is read from the mailbox.
// Also: writing an application's questions, moving one by keyboard. Desktop only: staff work at desks.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, nextMail, seenBy, signIn, test } from './fixtures';

/** A staff member no other browser test signs in as. */
const REVIEWER = 'rowan.pike@example.org';
const GUIDELINE = 'Guideline committee: supporting adults with a learning disability in later life';
const DRAFT = 'Guideline committee: social work with autistic adults';

/** A day two weeks from now, as a date field takes it (YYYY-MM-DD, UK calendar). */
function inTwoWeeks(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + 14 * 86_400_000);
}

async function queueRow(page: Page, name: string) {
	return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test.describe('staff review', () => {
	test.skip(({ isMobile }) => isMobile, 'staff work at desks');
	test.describe.configure({ timeout: 180_000 });

	test('invite a member to interview, with a private note and an edited message', async ({ page }) => {
		await signIn(page, REVIEWER);
		await page.goto('/admin/applications');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Applications');
		await expectAccessible(page, 'review queue');

		await page.getByLabel('Opportunity').selectOption({ label: GUIDELINE });
		await page.getByRole('button', { name: 'Show applications' }).click();
		await expect(page).toHaveURL(/opportunity=\d+/);
		const names = page.getByRole('cell').getByRole('link');
		await expect(names).toHaveText(['Bethan Jones', 'Declan Murphy']);
		await expect(await queueRow(page, 'Bethan Jones')).toContainText('Sent');
		await expectAccessible(page, 'review queue filtered to one opportunity');

		await page.getByRole('link', { name: 'Bethan Jones', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bethan Jones');
		await expect(page.getByText(`Application for ${GUIDELINE}`)).toBeVisible();
		await expect(page.getByRole('link', { name: 'bethan.jones@example.org' })).toBeVisible();
		await expect(page.locator('.summary-list').first()).toContainText('Email, Phone call');
		await expect(
			page.getByRole('heading', { name: /What experience do you have of learning disability support/ })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Could you come to most meetings in London?' })
		).toBeVisible();
		await expectAccessible(page, 'an application');

		// A private note, added from the keyboard.
		await page.getByLabel('Add a private note').focus();
		await page.keyboard.type('Asked for a morning interview, with step-free access.');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Add the note' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByText('Your note is added.')).toBeVisible();
		const notes = page.locator('.notes li');
		await expect(notes.last()).toContainText('Asked for a morning interview, with step-free access.');
		await expect(notes.last()).toContainText('Rowan Pike');
		await expectAccessible(page, 'an application with a new note');

		await page.getByRole('link', { name: 'Invite to interview', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite to interview: Bethan Jones');
		await expect(page.getByLabel('Subject')).toHaveValue(`Invitation to a conversation about ${GUIDELINE}`);
		await expect(page.getByLabel('Message')).toHaveValue(/^Dear Bethan Jones,/);
		await expectAccessible(page, 'invitation form');

		await page.getByRole('button', { name: 'Check the message' }).click();
		const summary = page.locator('.error-summary');
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link')).toHaveText([
			'Enter the date of the interview',
			'Enter the time of the interview',
			'Enter where the interview is, or the link to join it'
		]);
		await expect(page).toHaveTitle(/^Error: /);
		await expectAccessible(page, 'invitation without a date');

		const day = inTwoWeeks();
		await page.getByLabel('Date').fill(day);
		await page.getByLabel('Time (UK time)').fill('14:30');
		await page.getByLabel('Place, or the link to join').fill('Room 2, Town Hall, Manchester M2 5DB');
		const body = await page.getByLabel('Message').inputValue();
		const edited = body.replace(
			'You can bring a supporter with you.',
			'You can bring a supporter with you. We will send the questions a week before.'
		);
		expect(edited).not.toBe(body);
		await page.getByLabel('Message').fill(edited);
		await page.getByRole('button', { name: 'Check the message' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you send');
		const message = page.locator('.message');
		await expect(message).toContainText('Dear Bethan Jones,');
		await expect(message).toContainText('We will send the questions a week before.');
		await expect(message).toContainText(/When: \w+ \d{1,2} \w+ \d{4} at 2:30pm/);
		await expect(message).toContainText('Where: Room 2, Town Hall, Manchester M2 5DB');
		await expectAccessible(page, 'check the invitation');

		// Back to change it keeps everything typed.
		await page.getByRole('button', { name: 'Change the message' }).click();
		await expect(page.getByLabel('Message')).toHaveValue(edited);
		await expect(page.getByLabel('Date')).toHaveValue(day);
		await page.getByRole('button', { name: 'Check the message' }).click();

		const seen = await seenBy('bethan.jones@example.org');
		await page.getByRole('button', { name: 'Send the decision' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bethan Jones');
		const outcome = page.getByRole('status').filter({ hasText: 'Decision saved' });
		await expect(outcome).toContainText('Bethan Jones is invited to interview.');
		await expect(outcome).toContainText('We emailed Bethan Jones the message.');
		await expect(page.locator('.status-line')).toContainText('Invited to interview');
		await expect(page.getByText(/^Interview: \w+ \d{1,2} \w+ \d{4} at 2:30pm$/)).toBeVisible();
		const latest = page.locator('.timeline li').last();
		await expect(latest).toContainText('Invited to interview');
		await expect(latest).toContainText('by Rowan Pike');
		await expect(latest).toContainText('Emailed');
		await expectAccessible(page, 'application after inviting');

		const mail = await nextMail('bethan.jones@example.org', seen);
		expect(mail.subject).toBe(`Invitation to a conversation about ${GUIDELINE}`);
		expect(mail.text).toContain('Dear Bethan Jones,');
		expect(mail.text).toContain('We will send the questions a week before.');
		expect(mail.text).toMatch(/When: \w+ \d{1,2} \w+ \d{4} at 2:30pm/);
		expect(mail.text).toContain('Where: Room 2, Town Hall, Manchester M2 5DB');
		expect(mail.text).toMatch(/\/my\/applications\/\d+/);

		// The queue shows the new status.
		await page.getByRole('link', { name: 'Back to applications' }).click();
		await page.getByLabel('Opportunity').selectOption({ label: GUIDELINE });
		await page.getByRole('button', { name: 'Show applications' }).click();
		await expect(await queueRow(page, 'Bethan Jones')).toContainText('Invited to interview');
	});

	test('decide two applications at once', async ({ page }) => {
		await signIn(page, REVIEWER);
		await page.goto('/admin/applications');
		await page.getByLabel('Status').selectOption({ label: 'Sent' });
		await page.getByRole('button', { name: 'Show applications' }).click();
		await expect(page).toHaveURL(/status=submitted/);

		// Nothing chosen: the queue says so.
		await page.getByRole('button', { name: 'Decide for the selected' }).click();
		await expect(page.locator('.error-summary')).toContainText('Choose at least one application');
		await expect(page).toHaveURL(/status=submitted/);
		await expectAccessible(page, 'queue with nothing chosen');

		await page.getByLabel("Choose Amara Osei, Expert reference group: carers' breaks").check();
		await page.getByLabel('Choose Jordan Taylor, Recruitment panel: new chief executive').check();
		await page.getByRole('button', { name: 'Decide for the selected' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decide 2 applications');
		await expectAccessible(page, 'bulk decision: choose');

		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('.error-summary')).toContainText(
			'Choose what you have decided for these applications'
		);
		await expectAccessible(page, 'bulk decision: nothing chosen');
		await page.getByLabel('Not this time').check();
		await page.getByRole('button', { name: 'Continue' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not this time: 2 applications');
		await expect(page.getByLabel('Subject')).toHaveValue('About your application for {opportunity}');
		await expect(page.getByLabel('Message')).toHaveValue(/^Dear \{name\},/);
		await expectAccessible(page, 'bulk decision: message');

		// A typo in the words the database fills in is caught before anything is sent.
		const body = await page.getByLabel('Message').inputValue();
		await page.getByLabel('Message').fill(body.replace('Dear {name},', 'Dear {nmae},'));
		await page.getByRole('button', { name: 'Check the message' }).click();
		await expect(page.locator('.error-summary')).toContainText('The message has {nmae}');
		await expect(page.getByLabel('Message')).toHaveValue(/^Dear \{nmae\},/);
		await expectAccessible(page, 'bulk decision: message with an error');
		await page.getByLabel('Message').fill(body);
		await page.getByRole('button', { name: 'Check the message' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you send');
		await expect(page.locator('.message')).toContainText('Dear Amara Osei,');
		await expect(page.locator('.message')).toContainText(
			"About your application for Expert reference group: carers' breaks"
		);
		await expectAccessible(page, 'bulk decision: check');

		const seenAmara = await seenBy('amara.osei@example.org');
		const seenJordan = await seenBy('jordan.taylor@example.org');
		await page.getByRole('button', { name: 'Send the decision to 2 members' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Applications');
		const outcome = page.getByRole('status').filter({ hasText: 'Decision saved' });
		await expect(outcome).toContainText(
			'2 applications: Amara Osei and Jordan Taylor are told “not this time”.'
		);
		await expect(outcome).toContainText('We emailed each member the message.');
		await expectAccessible(page, 'queue after a bulk decision');

		await page.goto('/admin/applications?status=not_selected');
		await expect(await queueRow(page, 'Amara Osei')).toContainText('Not this time');
		await expect(await queueRow(page, 'Jordan Taylor')).toContainText('Not this time');

		const amara = await nextMail('amara.osei@example.org', seenAmara);
		expect(amara.subject).toBe("About your application for Expert reference group: carers' breaks");
		expect(amara.text).toContain('Dear Amara Osei,');
		const jordan = await nextMail('jordan.taylor@example.org', seenJordan);
		expect(jordan.subject).toBe('About your application for Recruitment panel: new chief executive');
		expect(jordan.text).toContain('Dear Jordan Taylor,');
	});

	// axe needs JavaScript, so this journey checks that every step works without it; the same pages are
	// checked with axe above. Nothing is sent, so the demo data stays as it was.
	test('the queue, a note and a decision work with JavaScript off', async ({ browser, baseURL }) => {
		const signedIn = await browser.newContext({ baseURL });
		await signIn(await signedIn.newPage(), REVIEWER);
		const context = await browser.newContext({
			baseURL,
			javaScriptEnabled: false,
			storageState: await signedIn.storageState()
		});
		await signedIn.close();
		const page = await context.newPage();

		await page.goto('/admin/applications');
		await page.getByLabel('Opportunity').selectOption({ label: GUIDELINE });
		await page.getByLabel('Member’s name').fill('declan');
		await page.getByRole('button', { name: 'Show applications' }).click();
		await expect(page.getByRole('cell').getByRole('link')).toHaveText(['Declan Murphy']);

		await page.getByRole('button', { name: 'Decide for the selected' }).click();
		await expect(page.locator('.error-summary')).toContainText('Choose at least one application');
		await page.getByLabel(`Choose Declan Murphy, ${GUIDELINE}`).check();
		await page.getByRole('button', { name: 'Decide for the selected' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decide 1 application');
		await page.getByLabel('Invite to interview').check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite to interview: 1 application');
		await page.getByRole('button', { name: 'Check the message' }).click();
		await expect(page.locator('.error-summary')).toContainText('Enter the date of the interview');
		await page.getByLabel('Date').fill(inTwoWeeks());
		await page.getByLabel('Time (UK time)').fill('10:00');
		await page.getByLabel('Place, or the link to join').fill('On Zoom: we will email the link');
		await page.getByRole('button', { name: 'Check the message' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check before you send');
		await expect(page.locator('.message')).toContainText('Dear Declan Murphy,');
		await expect(page.locator('.message')).toContainText(/When: \w+ \d{1,2} \w+ \d{4} at 10am/);
		// Back to the message, with everything kept, and away without sending.
		await page.getByRole('button', { name: 'Change the message' }).click();
		await expect(page.getByLabel('Place, or the link to join')).toHaveValue(
			'On Zoom: we will email the link'
		);
		await page.getByRole('link', { name: 'Cancel' }).click();
		await expect(page).toHaveURL(/\/admin\/applications\?opportunity=\d+&q=declan$/);

		await page.getByRole('link', { name: 'Declan Murphy' }).click();
		await page.getByLabel('Add a private note').fill('Called to check the meeting dates suit.');
		await page.getByRole('button', { name: 'Add the note' }).click();
		await expect(page.getByText('Your note is added.')).toBeVisible();
		await expect(page.locator('.notes li').last()).toContainText('Called to check the meeting dates suit.');
		await expect(page.locator('.status-line')).toContainText('Shortlisted');
		await context.close();
	});

	test('write the questions of an application', async ({ page }) => {
		await signIn(page, REVIEWER);
		await page.goto('/admin/opportunities?status=draft');
		await page.getByRole('link', { name: DRAFT }).click();
		await page.getByRole('link', { name: /^Application questions/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application questions');
		await expectAccessible(page, 'application questions');

		await page.getByRole('button', { name: 'Add the question' }).click();
		await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
			'Choose what kind of answer members give',
			'Enter the question'
		]);
		await expectAccessible(page, 'add a question with errors');

		await page.getByLabel('Choose one from a list').check();
		await page.getByLabel('Question', { exact: true }).fill('How would you like to take part?');
		await page.getByLabel('Options to choose from').fill('In person in London\nOnline');
		await page.getByRole('button', { name: 'Add the question' }).click();
		await expect(page.getByRole('status')).toHaveText('Question 1 added.');

		await page
			.getByLabel('Written answer (members can also record their voice or ask for a phone call)')
			.check();
		await page.getByLabel('Question', { exact: true }).fill('What would you bring to the committee?');
		await page.getByRole('button', { name: 'Add the question' }).click();
		await expect(page.getByRole('status')).toHaveText('Question 2 added.');
		await expect(page.locator('.questions h2')).toHaveText([
			'Question 1 How would you like to take part?',
			'Question 2 What would you bring to the committee?'
		]);

		// Move by keyboard: the focus stays on the moved question's button.
		await page.getByRole('button', { name: 'Move up: question 2' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText(
			'“What would you bring to the committee?” is now question 1 of 2.'
		);
		await expect(page.locator('.questions h2')).toHaveText([
			'Question 1 What would you bring to the committee?',
			'Question 2 How would you like to take part?'
		]);
		await expect(page.getByRole('button', { name: 'Move down: question 1' })).toBeFocused();
		await expectAccessible(page, 'questions after moving');

		await page.getByRole('link', { name: 'Change: question 2' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change question 2');
		await expect(page.getByLabel('Options to choose from')).toHaveValue('In person in London\nOnline');
		await page.getByLabel('Options to choose from').fill('In person in London\nOnline\nA mix of both');
		await page.getByLabel('No, they can leave it out').check();
		await page.getByRole('button', { name: 'Save the question' }).click();
		await expect(page.getByRole('status')).toHaveText('Your changes to question 2 are saved.');
		await expect(page.locator('#question-' + (await lastQuestionId(page)))).toContainText('A mix of both');

		await page.getByRole('link', { name: 'Change: question 2' }).click();
		await expectAccessible(page, 'change a question');
		await page.getByRole('link', { name: 'Remove this question' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remove question 2?');
		await expectAccessible(page, 'remove a question');
		await page.getByRole('button', { name: 'Yes, remove it' }).click();
		await expect(page.getByRole('status')).toHaveText('The question is removed.');
		await expect(page.locator('.questions h2')).toHaveText([
			'Question 1 What would you bring to the committee?'
		]);
	});

	test('a question members have answered cannot be removed', async ({ page }) => {
		await signIn(page, REVIEWER);
		await page.goto('/admin/opportunities?status=published');
		await page.getByRole('link', { name: GUIDELINE }).click();
		await page.getByRole('link', { name: /^Application questions/ }).click();
		await page.getByRole('link', { name: 'Change: question 1' }).click();
		await expect(
			page.getByText('You cannot remove this question, because members have already answered it.')
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Remove this question' })).toHaveCount(0);
		// Even asked directly, the answers keep their question.
		await page.goto(page.url().split('?')[0] + '?remove');
		await page.getByRole('button', { name: 'Yes, remove it' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'You cannot remove this question, because members have already answered it.'
		);
		await expectAccessible(page, 'removing an answered question');
	});
});

async function lastQuestionId(page: Page): Promise<string> {
	const id = await page.locator('.questions > li').last().getAttribute('id');
	return (id ?? '').replace('question-', '');
}
