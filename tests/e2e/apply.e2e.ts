// A member applies for an opportunity: one question per page (written, recorded, chosen), check your
// answers, send once however often Send is pressed, the confirmation page and email, and the
// application in their list. Also without JavaScript (with saving for later and withdrawing), and a
// closed opportunity refusing applications.
import type { Page } from '@playwright/test';
import {
	askForCode,
	codeIn,
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	mailTo,
	nextMail,
	seenBy,
	signIn,
	test,
	type Mail
} from './fixtures';

// Members with no seeded applications, used by no other browser test; one set per project, as the
// phone and desktop runs happen at the same time.
const ACCOUNTS = {
	phone: { member: 'sana.iqbal@example.org', memberWithoutJs: 'george.harris@example.org' },
	desktop: { member: 'owen.griffiths@example.org', memberWithoutJs: 'isla.robertson@example.org' }
} as const;
const accountsFor = (project: string) => (project === 'phone' ? ACCOUNTS.phone : ACCOUNTS.desktop);

const BLOG = 'Write a blog about your experience of care';
const CLOSED = "Guideline committee: moving from children's to adults' services";

/** The confirmation emails a member has had about an opportunity (waiting for the first). */
async function confirmations(address: string, title: string): Promise<Mail[]> {
	const subject = `Application sent: ${title}`;
	await expect
		.poll(async () => (await mailTo(address)).filter((m) => m.subject === subject).length, {
			timeout: 10_000
		})
		.toBeGreaterThan(0);
	// Give a second email, if there were to be one, time to arrive too.
	await new Promise((r) => setTimeout(r, 1000));
	return (await mailTo(address)).filter((m) => m.subject === subject);
}

/** A real, short WAV recording: 8 kHz, mono, 16-bit PCM, half a second of a tone. */
function wav(seconds = 0.5, rate = 8000): Buffer {
	const samples = Math.round(seconds * rate);
	const data = Buffer.alloc(samples * 2);
	for (let i = 0; i < samples; i++) {
		data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
	}
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8);
	header.write('fmt ', 12);
	header.writeUInt32LE(16, 16); // size of the format chunk
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(rate, 24);
	header.writeUInt32LE(rate * 2, 28); // bytes a second
	header.writeUInt16LE(2, 32); // bytes a sample
	header.writeUInt16LE(16, 34); // bits a sample
	header.write('data', 36);
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}

async function openBlog(page: Page) {
	await page.goto('/opportunities?type=writing');
	await page.getByRole('link', { name: BLOG }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(BLOG);
	return Number(new URL(page.url()).pathname.split('/')[2]);
}

test('apply with a written, a recorded and a chosen answer; send once; find it and the email', async ({
	page,
	request
}, info) => {
	// A long journey with an accessibility scan of every state.
	test.setTimeout(150_000);
	const email = accountsFor(info.project.name).member;

	// Signed out, "Apply" asks the member to sign in, then brings them straight back.
	const id = await openBlog(page);
	await expectAccessible(page, 'open opportunity, signed out');
	await page.getByRole('link', { name: 'Apply', exact: true }).first().click();
	await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fopportunities%2F${id}%2Fapply$`));
	const mail = await askForCode(page, email);
	await page.getByLabel('Enter the code').fill(codeIn(await mail()));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Apply for ${BLOG}`);
	await expect(page.getByText('You answer 3 questions, one on each page.')).toBeVisible();
	await expect(page.getByText(/record your voice, or ask us to phone you/)).toBeVisible();
	await expectAccessible(page, 'apply start page');

	// Question 1: an empty required answer shows the error summary, linked to the box.
	await page.getByRole('button', { name: 'Start your application' }).click();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/1$`));
	await expect(page.getByText('Question 1 of 3')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute(
		'href',
		`/opportunities/${id}/apply`
	);
	const first = page.getByLabel('What would you like to write about?');
	await expect(first).toBeVisible();
	await expect(page.getByText('You need to answer this question.')).toBeVisible();
	await expectAccessible(page, 'question 1');
	await page.getByRole('button', { name: 'Continue' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(page).toHaveTitle('Error: What would you like to write about? – Together');
	const link = summary.getByRole('link', {
		name: 'Write your answer, record it, or ask us to phone you about this question'
	});
	await expect(link).toHaveAttribute('href', '#f-answer');
	await expect(first).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page, 'question 1 with an error');
	await link.click();
	await expect(first).toBeFocused();

	// On a slow phone the member may start typing before the page's JavaScript arrives: what they
	// typed is still there once it has.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await new Promise((r) => setTimeout(r, 2500));
		await route.continue();
	});
	await page.reload({ waitUntil: 'commit' });
	await first.pressSequentially('What it was like', { delay: 20 });
	await page.waitForLoadState('networkidle');
	await page.unroute('**/_app/immutable/**/*.js');
	await expect(first).toHaveValue('What it was like');

	await first.fill('What it was like to get a carer’s assessment for my dad.');
	await page.getByRole('button', { name: 'Continue' }).click();

	// Question 2: answered with a recording. A text file named .mp3 is refused by its content.
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/2$`));
	await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute(
		'href',
		`/opportunities/${id}/apply/1`
	);
	await page.getByText('Answer another way').click();
	const recorder = page.getByLabel('Record your answer');
	await expect(recorder).toHaveAttribute('accept', 'audio/*');
	await expect(recorder).toHaveAttribute('capture', '');
	await expect(page.getByText(/We will call you on 07700 900\d{3}/)).toBeVisible();
	await expectAccessible(page, 'question 2, other ways to answer');
	await recorder.setInputFiles({
		name: 'my-answer.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from('This is a text file, not a recording.\n')
	});
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText(/^The file you chose is not a recording we can play/);
	await expect(summary.getByRole('link')).toHaveAttribute('href', '#f-audio');
	await expectAccessible(page, 'question 2, not a recording');
	await recorder.setInputFiles({ name: 'my-answer.wav', mimeType: 'audio/wav', buffer: wav() });
	await page.getByRole('button', { name: 'Continue' }).click();

	// Question 3: a choice.
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/3$`));
	const group = page.getByRole('group', { name: 'How would you like to write it?' });
	await expect(group).toBeVisible();
	await expectAccessible(page, 'question 3');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(summary.getByRole('link', { name: 'Choose one of the answers' })).toBeVisible();
	await expectAccessible(page, 'question 3 with an error');

	// Sending with a required answer missing: the error summary links to that question's page.
	await page.goto(`/opportunities/${id}/apply/check`);
	await expect(page.getByText('Not answered yet')).toBeVisible();
	await page.getByRole('button', { name: 'Send application' }).click();
	await expect(page).toHaveTitle('Error: Check your answers – Together');
	await expect(summary).toBeFocused();
	await expectAccessible(page, 'check your answers with an answer missing');
	await summary.getByRole('link', { name: 'Answer question 3: How would you like to write it?' }).click();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/3\\?from=check$`));
	await group.getByLabel('With help from staff').check();
	await page.getByRole('button', { name: 'Continue' }).click();

	// Check your answers: every answer, the recording playable, and a Change link back to each.
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/check$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Check your answers before sending your application'
	);
	await expect(page.getByText('What it was like to get a carer’s assessment for my dad.')).toBeVisible();
	await expect(page.getByText('With help from staff')).toBeVisible();
	const audio = page.locator('audio');
	await expect(audio).toHaveCount(1);
	const src = (await audio.getAttribute('src'))!;
	expect(src).toMatch(/^\/uploads\/[0-9a-f-]{36}$/);
	await expect
		.poll(() => audio.evaluate((a: HTMLAudioElement) => (a.readyState >= 1 ? a.duration : 0)))
		.toBeCloseTo(0.5, 1);
	const file = await page.request.get(src);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('audio/wav');
	expect(file.headers()['x-content-type-options']).toBe('nosniff');
	expect(file.headers()['content-disposition']).toMatch(/^inline/);
	expect(file.headers()['cache-control']).toBe('private, no-store');
	expect((await file.body()).equals(wav())).toBe(true);
	// Nobody else can fetch it: signed out, it is not found.
	expect((await request.get(src)).status()).toBe(404);
	await expectAccessible(page, 'check your answers');

	await page
		.getByRole('link', { name: 'Change your answer to: What would you like to write about?' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/1\\?from=check$`));
	await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute(
		'href',
		`/opportunities/${id}/apply/check`
	);
	await expect(first).toHaveValue('What it was like to get a carer’s assessment for my dad.');
	await first.fill('Getting a carer’s assessment for my dad.');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/check$`));
	await expect(page.getByText('Getting a carer’s assessment for my dad.')).toBeVisible();

	// Send, with a double click; then the same form again, as a retry would.
	const key = await page.locator('input[name="request_key"]').inputValue();
	expect(key).toMatch(/^[0-9a-f-]{36}$/);
	await page.getByRole('button', { name: 'Send application' }).dblclick();
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/done$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
	await expect(page).toHaveTitle('Application sent – Together');
	await expect(page.getByText(`We have sent a confirmation email to ${email}.`)).toBeVisible();
	await expect(
		page.getByText(/after the closing date, \w+day, \d{1,2} \w+ \d{4}\. We will then email you/)
	).toBeVisible();
	await expectAccessible(page, 'application sent');
	const retry = await page.request.post(`/opportunities/${id}/apply/check`, {
		form: { request_key: key },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(retry.status()).toBe(303);
	expect(retry.headers()['location']).toBe(`/opportunities/${id}/apply/done`);

	// The application, its timeline with one "sent", and its answers.
	await page.getByRole('link', { name: 'See your application' }).click();
	await expect(page).toHaveURL(/\/my\/applications\/\d+$/);
	const applicationPath = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(BLOG);
	await expect(page.locator('.summary-list .tag').first()).toHaveText('Sent');
	await expect(page.getByText('You sent your application')).toHaveCount(1);
	await expect(page.locator('audio')).toHaveAttribute('src', src);
	await expect(page.getByRole('link', { name: 'Withdraw application' })).toBeVisible();
	await expectAccessible(page, 'my application');

	await page.goto('/my/applications');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your applications');
	const card = page.locator('.card').filter({ has: page.getByRole('link', { name: BLOG }) });
	await expect(card).toHaveCount(1);
	await expect(card.locator('.tag')).toHaveText('Sent');
	await expectAccessible(page, 'my applications');

	await page.goto('/my');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My opportunities');
	await expect(page.locator('.card').filter({ hasText: BLOG }).locator('.tag')).toHaveText('Sent');
	await expectAccessible(page, 'my opportunities');

	await openBlog(page);
	await expect(page.getByRole('link', { name: 'View your application' }).first()).toHaveAttribute(
		'href',
		applicationPath
	);
	await expect(page.getByRole('link', { name: 'Apply', exact: true })).toHaveCount(0);

	// One confirmation email, in plain words, with the link to the application.
	const sent = await confirmations(email, BLOG);
	expect(sent).toHaveLength(1);
	expect(sent[0]!.text).toContain(`We have your application for “${BLOG}”.`);
	expect(sent[0]!.text).toContain(`${new URL(page.url()).origin}${applicationPath}`);

	// On the phone run, a member of staff shortlists it at their desk; the member sees the change and
	// the message on their application, and gets the email. (Nia signs in only here.)
	if (info.project.name !== 'phone') return;
	const desk = await page
		.context()
		.browser()!
		.newContext({ baseURL: new URL(page.url()).origin, viewport: { width: 1280, height: 800 } });
	const staff = await desk.newPage();
	await signIn(staff, 'nia.roberts@example.org');
	await staff.goto(`/admin/applications/${applicationPath.split('/').pop()}`);
	await expect(staff.getByRole('heading', { level: 2, name: 'Answers' })).toBeVisible();
	await expect(staff.locator('audio')).toHaveAttribute('src', src);
	await staff.getByRole('link', { name: 'Shortlist', exact: true }).click();
	await expect(staff.getByLabel('Subject')).toHaveValue(/shortlist/i);
	await staff.getByRole('button', { name: 'Check the message' }).click();
	const seen = await seenBy(email);
	await staff.getByRole('button', { name: 'Send the decision' }).click();
	await expect(staff.locator('.status-line')).toContainText('Shortlisted');
	const subject = (await nextMail(email, seen)).subject;
	await desk.close();

	await page.goto(applicationPath);
	await expect(page.locator('.summary-list .tag').first()).toHaveText('Shortlisted');
	await expect(page.getByText(subject)).toBeVisible();
	await expectAccessible(page, 'my application after a staff decision');
});

test('a closed opportunity does not take applications', async ({ page }, info) => {
	const res = await fetch(
		`${process.env.SUPABASE_URL}/rest/v1/opportunities?select=id&status=eq.closed&title=like.Guideline%20committee:%20moving*`,
		{ headers: { apikey: process.env.SUPABASE_ANON_KEY! } }
	);
	const { id } = ((await res.json()) as { id: number }[])[0]!;
	await signIn(page, accountsFor(info.project.name).member);

	await page.goto(`/opportunities/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CLOSED);
	await expect(
		page.getByText('This opportunity has closed, so it is not taking applications now.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Apply', exact: true })).toHaveCount(0);
	await expectAccessible(page, 'closed opportunity');

	await page.goto(`/opportunities/${id}/apply`);
	await expect(
		page.getByText('This opportunity has closed, so it is not taking applications now.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: /Start your application/ })).toHaveCount(0);
	await expectAccessible(page, 'closed opportunity, apply page');

	// Going straight to a question finds nothing to answer either.
	await page.goto(`/opportunities/${id}/apply/1`);
	await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply$`));
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('apply in writing, save and come back, send once, then withdraw', async ({ page }, info) => {
		test.setTimeout(120_000);
		const email = accountsFor(info.project.name).memberWithoutJs;
		await signIn(page, email);
		const id = await openBlog(page);
		await page.getByRole('link', { name: 'Apply', exact: true }).first().click();
		await page.getByRole('button', { name: 'Start your application' }).click();
		await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/1$`));

		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.locator('.error-summary')).toContainText('Write your answer, record it');
		await page.getByLabel('What would you like to write about?').fill('Moving into my first flat.');
		await page.getByRole('button', { name: 'Continue' }).click();

		// Save and come back later keeps the draft on the server.
		await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/2$`));
		await page
			.getByLabel('Tell us a little about your experience of care or support.')
			.fill('I have had support at home since I was 19.\nIt changed a lot when I moved.');
		await page.getByRole('button', { name: 'Save and come back later' }).click();
		await expect(page).toHaveURL(/\/my\/applications\/\d+\?saved$/);
		await expect(page.getByRole('status')).toContainText('Your answers are saved.');
		await expect(page.locator('.summary-list .tag').first()).toHaveText('Draft');
		await expectAccessibleWithoutJs(page, 'draft saved');

		await page.goto('/my');
		await page.getByRole('link', { name: BLOG }).first().click();
		await page.getByRole('link', { name: 'Continue your application' }).click();
		await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/3$`));
		await page.getByRole('link', { name: 'Back' }).click();
		await expect(page.getByLabel('Tell us a little about your experience of care or support.')).toHaveValue(
			'I have had support at home since I was 19.\nIt changed a lot when I moved.'
		);
		await page.getByRole('button', { name: 'Continue' }).click();
		await page
			.getByRole('group', { name: 'How would you like to write it?' })
			.getByLabel('On my own')
			.check();
		await page.getByRole('button', { name: 'Continue' }).click();

		await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/apply/check$`));
		await expect(page.getByText('On my own')).toBeVisible();
		await page.getByRole('button', { name: 'Send application' }).dblclick();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
		expect(await confirmations(email, BLOG)).toHaveLength(1);

		await page.getByRole('link', { name: 'See your application' }).click();
		await expect(page.getByText('You sent your application')).toHaveCount(1);
		await page.getByRole('link', { name: 'Withdraw application' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Are you sure you want to withdraw your application for “${BLOG}”?`
		);
		await expectAccessibleWithoutJs(page, 'withdraw, confirm');
		await page.getByRole('button', { name: 'Yes, withdraw my application' }).click();
		await expect(page).toHaveURL(/\/my\/applications\/\d+\?withdrawn$/);
		await expect(page.getByRole('status')).toHaveText('You have withdrawn your application.');
		await expect(page.locator('.summary-list .tag').first()).toHaveText('Withdrawn');
		await expect(page.getByText('You withdrew your application')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Withdraw application' })).toHaveCount(0);
		await expectAccessibleWithoutJs(page, 'withdrawn');

		await page.goto('/my/applications');
		await expect(
			page
				.locator('.card')
				.filter({ has: page.getByRole('link', { name: BLOG }) })
				.locator('.tag')
		).toHaveText('Withdrawn');
	});
});
