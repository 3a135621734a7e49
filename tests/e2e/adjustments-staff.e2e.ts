// Staff arrange a member's adjustments: agree part, decline part with a reason and an alternative,
// arrange the rest, record costs, mark papers ready; the member is told by email with no details,
// and sees exactly what staff wrote. An admin then sees the audit rows of those reads.
import {
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	mailTo,
	nextMail,
	seenBy,
	signIn,
	signOut,
	test
} from './fixtures';
import { asMember, meetingId, STAFF_ACCOUNTS, STAFF_WITHOUT_PERMISSION } from './adjustments-accounts';

const COMMITTEE = "Guideline committee: moving from children's to adults' services%";

test('staff answer and arrange a request, and an admin sees the reads in the audit log', async ({
	page,
	browser
}, info) => {
	test.setTimeout(480_000);
	const project = info.project.name as 'phone' | 'desktop';
	const accounts = STAFF_ACCOUNTS[project];
	const member = await asMember(accounts.member);
	const { opportunity, meeting } = await meetingId(COMMITTEE, 'Committee meeting 1');
	// The member asks through their own pages. Papers 25 days before a meeting 20 days away: already overdue.
	await signIn(page, accounts.member);
	await page.goto(`/my/adjustments/new?opportunity=${opportunity}&meeting=${meeting}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/What do you need for this meeting\?|Change the adjustments/
	);
	const travelAsk = page.getByRole('region', { name: 'Travel' });
	await travelAsk.getByLabel('A taxi', { exact: true }).check();
	await travelAsk.getByLabel('Anything else about travel (optional)').fill('I use a wheelchair.');
	await page
		.getByRole('region', { name: 'Staying overnight' })
		.getByLabel('A place to stay the night before')
		.check();
	const papersAsk = page.getByRole('region', { name: 'Papers' });
	await papersAsk.getByLabel('Easy read', { exact: true }).check();
	await papersAsk.getByLabel('Printed and posted to me').check();
	await papersAsk.getByLabel(/How many days before a meeting you need the papers/).fill('25');
	await page.getByLabel('No, only the staff who arrange adjustments').check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before you send them');
	await page.getByRole('button', { name: /^Send (your request|the changes)$/ }).click();
	await expect(page).toHaveURL(/\/my\/adjustments\/\d+\?(sent|changed)/);
	const requestId = Number(page.url().match(/\/my\/adjustments\/(\d+)/)![1]);
	const memberPage = `/my/adjustments/${requestId}`;
	await signOut(page);
	const { data: profile } = await member.db.from('profiles').select('full_name').eq('id', member.id).single();
	const memberName = (profile as { full_name: string }).full_name;
	const seen = await seenBy(accounts.member);

	await signIn(page, accounts.staff);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
	const card = page.locator('.card', { has: page.getByRole('link', { name: 'Adjustments', exact: true }) });
	await expect(card).toContainText(/\d+ requests? needs? an answer/);
	await expect(card.getByRole('link', { name: /sets? of papers due, \d+ overdue/ })).toBeVisible();
	await expectAccessible(page, 'staff home with the adjustments card');

	// The queue: the request needs an answer, and its papers are overdue.
	await card.getByRole('link', { name: 'Adjustments', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adjustments');
	await expect(page.getByRole('link', { name: /^Needs an answer/ })).toHaveAttribute('aria-current', 'page');
	const row = page.getByRole('row', { name: new RegExp(memberName) });
	await expect(row).toContainText('3 items need an answer');
	await expect(row).toContainText('Committee meeting 1');
	await expectAccessible(page, 'adjustments queue: needs an answer');
	await page.getByRole('link', { name: /^Overdue/ }).click();
	await expect(page.getByRole('link', { name: /^Overdue/ })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('row', { name: new RegExp(memberName) })).toContainText('Papers overdue since');
	await expectAccessible(page, 'adjustments queue: overdue');

	await page
		.getByRole('row', { name: new RegExp(memberName) })
		.getByRole('link', { name: memberName })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Adjustments for ${memberName}`);
	await expect(page).toHaveURL(new RegExp(`/admin/adjustments/${requestId}$`));
	await expectAccessible(page, 'a request waiting for answers');

	// Travel: agreed.
	const travel = page.getByRole('region', { name: 'Travel' });
	await expect(travel).toContainText('A taxi');
	await expect(travel).toContainText('“I use a wheelchair.”');
	await travel
		.getByRole('group', { name: 'Your answer about travel' })
		.getByLabel('Agreed', { exact: true })
		.check();
	await travel.getByRole('button', { name: 'Save your answer' }).click();
	await expect(page.getByRole('status')).toHaveText('Your answer is saved. The member can see it now.');

	// Overnight: not possible. Without the reason and the alternative, staff are told what to add.
	const overnight = page.getByRole('region', { name: 'Staying overnight' });
	await overnight
		.getByRole('group', { name: 'Your answer about staying overnight' })
		.getByLabel('Not possible', { exact: true })
		.check();
	await overnight.getByRole('button', { name: 'Save your answer' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Say in plain words why it is not possible, so the member understands',
		'Say what you can offer instead'
	]);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'a request with errors in an answer');
	const reason = 'The meeting is in the afternoon, so there is time to travel on the day.';
	const instead = 'A taxi door to door on the day, with a rest stop on the way.';
	const overnightAgain = page.getByRole('region', { name: 'Staying overnight' });
	await expect(overnightAgain.getByRole('radio', { name: 'Not possible' })).toBeChecked();
	await overnightAgain.getByLabel('Reason, in plain words').fill(reason);
	await overnightAgain.getByLabel('What you offer instead').fill(instead);
	await overnightAgain.getByRole('button', { name: 'Save your answer' }).click();
	await expect(page.getByRole('status')).toHaveText('Your answer is saved. The member can see it now.');

	// Papers: partly agreed.
	const papers = page.getByRole('region', { name: 'Papers' });
	await papers
		.getByRole('group', { name: 'Your answer about papers' })
		.getByLabel('Partly agreed', { exact: true })
		.check();
	await papers
		.getByLabel('Reason, in plain words')
		.fill('We can send easy read by email, but we cannot post a printed copy in time.');
	await papers.getByRole('button', { name: 'Save your answer' }).click();
	await expect(page.getByRole('status')).toHaveText('Your answer is saved. The member can see it now.');
	await expectAccessible(page, 'a request answered, to arrange');

	// Arrange the rest: the last one tells the member, by email, with no details.
	const arrange = async (region: string, what: string, when: string) => {
		const section = page.getByRole('region', { name: region });
		await section.getByLabel('What have you arranged?').fill(what);
		await section.getByLabel('When (optional)').fill(when);
		await section.getByRole('button', { name: 'Save what is arranged' }).click();
	};
	await arrange('Travel', 'Taxi booked from home and back', 'pick-up 09:15');
	await expect(page.getByRole('status')).toHaveText('Saved what is arranged. The member can see it now.');
	await arrange('Papers', 'Easy read papers emailed', '10 days before the meeting');
	await expect(page.getByRole('status')).toHaveText(
		'Everything agreed is arranged. We have emailed the member to look at the portal.'
	);
	const arranged = await nextMail(accounts.member, seen);
	expect(arranged.subject).toBe(
		"Your adjustments for Guideline committee: moving from children's to adults' services have been arranged"
	);
	expect(arranged.text).toContain('have been arranged — see the portal');
	expect(arranged.text).toContain(`/my/adjustments/${requestId}`);
	for (const detail of ['taxi', 'Taxi', 'wheelchair', 'easy read', 'Easy read', 'overnight', '09:15'])
		expect(arranged.text).not.toContain(detail);
	await expectAccessible(page, 'a request arranged');

	// Costs: a mistake is explained, then pounds and pence are kept as pence.
	const travelCosts = page.getByRole('region', { name: 'Travel' });
	await travelCosts.getByText('Record costs').click();
	await travelCosts.getByLabel('Estimated cost (£)').fill('about 20');
	await travelCosts.getByRole('button', { name: 'Save the costs' }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter the estimated cost in pounds and pence, like 12.50, up to £100,000'
	]);
	await expectAccessible(page, 'costs with an error');
	await page.getByRole('region', { name: 'Travel' }).getByLabel('Estimated cost (£)').fill('£45');
	await page.getByRole('region', { name: 'Travel' }).getByLabel('Actual cost (£)').fill('38.40');
	await page.getByRole('region', { name: 'Travel' }).getByRole('button', { name: 'Save the costs' }).click();
	await expect(page.getByRole('status')).toHaveText('The costs are saved.');
	await expect(page.getByRole('region', { name: 'Travel' })).toContainText('Estimated £45.00; actual £38.40');

	// Without JavaScript: staff record the papers' cost, and the page works the same.
	const noJs = await browser.newContext({
		storageState: await page.context().storageState(),
		viewport: page.viewportSize(),
		javaScriptEnabled: false
	});
	try {
		const plain = await noJs.newPage();
		await plain.goto(`/admin/adjustments/${requestId}`);
		const papersPlain = plain.getByRole('region', { name: 'Papers' });
		await papersPlain.getByText('Record costs').click();
		await papersPlain.getByLabel('Estimated cost (£)').fill('12.5');
		await papersPlain.getByRole('button', { name: 'Save the costs' }).click();
		await expect(plain.getByRole('status')).toHaveText('The costs are saved.');
		await expect(plain.getByRole('region', { name: 'Papers' })).toContainText(
			'Estimated £12.50; actual Not known'
		);
		await expectAccessibleWithoutJs(plain, 'costs saved without JavaScript');
	} finally {
		await noJs.close();
	}

	// Papers ready: the member is told, again with no details.
	const seenBeforePapers = await seenBy(accounts.member);
	await page.reload();
	await page.getByRole('button', { name: 'Mark papers ready for Committee meeting 1' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Papers marked ready. We have emailed the member to look at the portal.'
	);
	const ready = await nextMail(accounts.member, seenBeforePapers);
	expect(ready.subject).toBe(
		"Your papers for Guideline committee: moving from children's to adults' services are ready"
	);
	expect(ready.text).not.toMatch(/easy read|printed|taxi/i);
	expect((await mailTo(accounts.member)).length).toBe(seen.size + 2);

	// The member sees exactly what staff wrote (read with the member's own JWT, as their pages do).
	const { data: items } = await member.db
		.from('adjustment_items')
		.select(
			'category, status, decision_reason, decision_alternative, arranged_what, arranged_when, estimated_pence'
		)
		.eq('request_id', requestId)
		.order('category');
	expect(items).toEqual([
		{
			category: 'travel',
			status: 'arranged',
			decision_reason: null,
			decision_alternative: null,
			arranged_what: 'Taxi booked from home and back',
			arranged_when: 'pick-up 09:15',
			estimated_pence: 4500
		},
		{
			category: 'overnight',
			status: 'not_possible',
			decision_reason: reason,
			decision_alternative: instead,
			arranged_what: null,
			arranged_when: null,
			estimated_pence: null
		},
		{
			category: 'papers',
			status: 'arranged',
			decision_reason: 'We can send easy read by email, but we cannot post a printed copy in time.',
			decision_alternative: null,
			arranged_what: 'Easy read papers emailed',
			arranged_when: '10 days before the meeting',
			estimated_pence: 1250
		}
	]);

	// Staff may ask to see the member's whole profile; that read is recorded too.
	await page.getByRole('link', { name: /access needs profile$/ }).click();
	await expect(page.getByRole('heading', { name: /access needs profile$/ })).toBeVisible();
	await expectAccessible(page, 'a request with the member’s profile asked for');
	await signOut(page);

	// The member sees exactly that on their own page.
	await signIn(page, accounts.member);
	await page.goto(memberPage);
	const mine = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
	await expect(mine('Travel')).toContainText('Taxi booked from home and back');
	await expect(mine('Travel')).toContainText('pick-up 09:15');
	await expect(mine('Staying overnight')).toContainText(reason);
	await expect(mine('Staying overnight')).toContainText(instead);
	await expect(mine('Papers')).toContainText(
		'We can send easy read by email, but we cannot post a printed copy in time.'
	);
	await expect(mine('Papers')).toContainText('Easy read papers emailed');
	await expect(page.locator('main')).not.toContainText('£');
	await expectAccessible(page, 'the member sees the outcome');
	await signOut(page);

	// An admin sees the reads: who, which member, why.
	await signIn(page, accounts.admin);
	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
	const staffName = project === 'phone' ? 'Dafydd Morris' : 'Hannah Okoro';
	const reads = page.getByRole('row').filter({ hasText: staffName }).filter({ hasText: memberName });
	await expect(reads.first()).toContainText(
		"Guideline committee: moving from children's to adults' services"
	);
	await expect(reads.filter({ hasText: 'from the request' }).first()).toBeVisible();
	await expectAccessible(page, 'audit log');
	await page.getByLabel('Show reads of').selectOption('requests');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/kind=requests/);
	await expect(page.getByRole('row').filter({ hasText: 'Access needs profile' })).toHaveCount(0);
	await expectAccessible(page, 'audit log, requests only');
	await page.goto('/admin/audit?page=9999');
	await expect(page.getByText('There is nothing on this page.')).toBeVisible();
	await expectAccessible(page, 'audit log, an empty page');
	await signOut(page);
});

test('staff without the permission get a plain refusal and no link', async ({ page }, info) => {
	// One account for this, so only the desktop run signs in with it.
	test.skip(info.project.name !== 'desktop', 'one account, one project');
	await signIn(page, STAFF_WITHOUT_PERMISSION);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
	await expect(page.getByRole('link', { name: 'Adjustments', exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
	const response = await page.goto('/admin/adjustments');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');
	await expect(page.getByText('Only staff who arrange adjustments can do this.')).toBeVisible();
	await expectAccessible(page, 'adjustments refused');
	expect((await page.goto('/admin/audit'))?.status()).toBe(403);
	await signOut(page);
});
