// Steering group recruitment: a panel of two scores the co-chair round, each on their own, and the
// combined scores and ranking appear only when both have scored. Members see who is on the group now.
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

const ROUND = 'Steering group co-chair (1 place for a member)';
const CRITERIA = [
	'Lived experience of care or support',
	'Helps a group reach decisions fairly',
	'Works well in partnership'
];
const GRACE = 'Grace Adeyemi';
const OLIVER = 'Oliver Bennett';
const RAVI = 'Ravi Patel';

// Members no other browser test signs in as: one per project, as journeys run at the same time.
const MEMBER_WHO_READS = { phone: 'kieran.byrne@example.org', desktop: 'precious.moyo@example.org' };

const DESCRIPTORS = ['0 – No evidence', '1 – Some evidence', '2 – Good evidence', '3 – Strong evidence'];

/** Chooses one score per criterion, in order (null leaves that criterion unscored). */
async function chooseScores(page: Page, scores: (number | null)[]) {
	for (const [i, score] of scores.entries()) {
		if (score === null) continue;
		await page
			.getByRole('group', { name: `${i + 1}. ${CRITERIA[i]}` })
			.getByLabel(DESCRIPTORS[score]!, { exact: true })
			.check();
	}
}

/** The applicant's row in the shortlist (not in the ranking). */
function applicantRow(page: Page, name: string) {
	return page
		.getByRole('table', { name: /Shortlisted applicants/ })
		.getByRole('row', { name: new RegExp(name) });
}

async function scoreApplicant(page: Page, name: string, scores: number[]) {
	await page.getByRole('link', { name: `Score this applicant (${name})` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Score ${name}`);
	await expect(page.getByRole('heading', { name: 'Why would you like to be co-chair?' })).toBeVisible();
	await chooseScores(page, scores);
	await page.getByRole('button', { name: 'Save scores' }).click();
	await expect(page.getByRole('status')).toHaveText(`Your scores for ${name} are saved.`);
	await expect(applicantRow(page, name)).toContainText('You have scored');
}

async function secondContext(browser: Browser, info: TestInfo) {
	return browser.newContext({
		baseURL: info.project.use.baseURL ?? process.env.TEST_ORIGIN,
		viewport: { width: 360, height: 800 },
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		javaScriptEnabled: false
	});
}

test('a panel of two scores the co-chair round; results appear when both have scored', async ({
	page,
	browser
}, info) => {
	test.skip(info.project.name !== 'phone', 'once is enough: at phone size, the harder layout');
	test.setTimeout(240_000);

	// Leila sets up the panel.
	await signIn(page, 'leila.haddad@example.org');
	await page.goto('/admin/recruitment');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Steering group recruitment');
	const roundRow = page.getByRole('row', { name: new RegExp(ROUND.replace(/[()]/g, '\\$&')) });
	await expect(roundRow).toContainText('No panel yet');
	await expectAccessible(page, 'recruitment rounds');

	await page.getByRole('link', { name: ROUND }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUND);
	await expect(page.getByText('This round has no panel yet, so nobody can score.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Change the role description' })).toHaveAttribute(
		'href',
		/\/admin\/opportunities\/\d+$/
	);
	await expectAccessible(page, 'round without a panel');
	const roundUrl = page.url();

	await page.getByRole('button', { name: 'Add to panel' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText(['Choose who to add to the panel']);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'panel form with an error');

	await page.getByLabel('Add someone to the panel').selectOption({ label: 'Leila Haddad (you)' });
	await page.getByRole('button', { name: 'Add to panel' }).click();
	await expect(page.getByText('Added to the panel.')).toBeVisible();
	await page.getByLabel('Add someone to the panel').selectOption({ label: 'Ifan Jenkins' });
	await page.getByRole('button', { name: 'Add to panel' }).click();
	const panel = page.locator('ul.panel li');
	await expect(panel).toHaveText([/Leila Haddad \(you\)/, /Ifan Jenkins/]);

	const rows = page.getByRole('table', { name: /Shortlisted applicants/ }).locator('tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.first()).toContainText('0 of 2 have scored');
	for (const name of [GRACE, OLIVER, RAVI]) {
		await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute(
			'href',
			/^\/admin\/applications\/\d+$/
		);
	}
	await expectAccessible(page, 'round with a panel');

	// Leila scores Grace, first forgetting one criterion: nothing chosen or typed is lost.
	await page.getByRole('link', { name: `Score this applicant (${GRACE})` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Score ${GRACE}`);
	await expectAccessible(page, 'scoring form');
	await chooseScores(page, [3, 3, null]);
	await page.getByLabel(`Comment on “${CRITERIA[0]}” (optional)`).fill('Cared for her dad for years.');
	await page.getByRole('button', { name: 'Save scores' }).click();
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([`Choose a score for ‘${CRITERIA[2]}’`]);
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel(`Comment on “${CRITERIA[0]}” (optional)`)).toHaveValue(
		'Cared for her dad for years.'
	);
	await expect(
		page.getByRole('group', { name: `1. ${CRITERIA[0]}` }).getByLabel(DESCRIPTORS[3]!, { exact: true })
	).toBeChecked();
	await expectAccessible(page, 'scoring form with an error');
	await summary.getByRole('link').click();
	await expect(
		page
			.getByRole('group', { name: `3. ${CRITERIA[2]}` })
			.getByRole('radio')
			.first()
	).toBeFocused();
	await chooseScores(page, [null, null, 3]);
	await page.getByRole('button', { name: 'Save scores' }).click();
	await expect(page.getByRole('status')).toHaveText(`Your scores for ${GRACE} are saved.`);
	const graceRow = applicantRow(page, GRACE);
	await expect(graceRow).toContainText('You have scored');
	await expect(graceRow).toContainText('1 of 2 have scored');

	await scoreApplicant(page, OLIVER, [2, 2, 2]);
	await scoreApplicant(page, RAVI, [2, 1, 2]);

	// Leila has scored everyone; Ifan has not, so nobody's scores are shown yet.
	await expect(rows.filter({ hasText: '1 of 2 have scored' })).toHaveCount(3);
	await expect(page.getByRole('table', { name: /Ranking/ })).toHaveCount(0);
	await expect(page.getByText(/scores appear here once every panel member has scored them/)).toBeVisible();
	await expect(page.getByRole('table', { name: /Scores for/ })).toHaveCount(0);
	await expectAccessible(page, 'round scored by one of two');

	// Ifan scores in another browser (with JavaScript off), seeing only their own form.
	const other = await secondContext(browser, info);
	const ifan = await other.newPage();
	try {
		await signIn(ifan, 'ifan.jenkins@example.org');
		await ifan.goto(roundUrl);
		await expect(ifan.getByRole('table', { name: /Ranking/ })).toHaveCount(0);
		await ifan.getByRole('link', { name: `Score this applicant (${GRACE})` }).click();
		// Leila's comment is not shown to Ifan.
		await expect(ifan.getByText('Cared for her dad for years.')).toHaveCount(0);
		await expect(ifan.getByLabel(`Comment on “${CRITERIA[0]}” (optional)`)).toHaveValue('');
		await ifan.goto(roundUrl);
		// Ifan works without JavaScript: the same form, posted plainly, keeps what was chosen. (axe
		// needs JavaScript in the page, so the states it checks are the ones Leila sees with it on.)
		await ifan.getByRole('link', { name: `Score this applicant (${GRACE})` }).click();
		await chooseScores(ifan, [3, null, 3]);
		await ifan.getByRole('button', { name: 'Save scores' }).click();
		await expect(ifan.locator('.error-summary').getByRole('link')).toHaveText([
			`Choose a score for ‘${CRITERIA[1]}’`
		]);
		await expect(
			ifan.getByRole('group', { name: `3. ${CRITERIA[2]}` }).getByLabel(DESCRIPTORS[3]!, { exact: true })
		).toBeChecked();
		await chooseScores(ifan, [null, 2, null]);
		await ifan.getByRole('button', { name: 'Save scores' }).click();
		await expect(ifan.getByRole('status')).toHaveText(`Your scores for ${GRACE} are saved.`);
		await scoreApplicant(ifan, OLIVER, [2, 2, 2]);
		await scoreApplicant(ifan, RAVI, [2, 3, 2]);

		await expect(applicantRow(ifan, RAVI)).toContainText('2 of 2 have scored');
		await expectRanking(ifan);
	} finally {
		await other.close();
	}

	// Leila sees the same results.
	await page.reload();
	await expectRanking(page);
	const grace = page.getByRole('table', { name: `Scores for ${GRACE}, by criterion and panel member` });
	await expect(grace.getByRole('columnheader')).toHaveText([
		'Criterion',
		'Leila Haddad',
		'Ifan Jenkins',
		'Average'
	]);
	await expect(grace.getByRole('row', { name: new RegExp(CRITERIA[1]!) })).toContainText('2.5');
	await expect(page.getByText('Cared for her dad for years.')).toBeVisible();
	await expectAccessible(page, 'round with combined results (Leila)');
});

async function expectRanking(page: Page) {
	const ranking = page.getByRole('table', { name: 'Ranking: highest total first' });
	const cells = (i: number) => ranking.locator('tbody tr').nth(i).getByRole('cell');
	await expect(ranking.locator('tbody tr')).toHaveCount(3);
	await expect(cells(0)).toHaveText(['1st', GRACE, '17 out of 18', '2.8', 'Shortlisted']);
	// Oliver and Ravi both have 12: a tie, shown as such, in name order.
	await expect(cells(1)).toHaveText(['Joint 2nd', OLIVER, '12 out of 18', '2', 'Shortlisted']);
	await expect(cells(2)).toHaveText(['Joint 2nd', RAVI, '12 out of 18', '2', 'Shortlisted']);
	await expect(page.getByText('Applicants with the same total share a place.')).toBeVisible();
	await expect(page.getByRole('table', { name: /^Scores for / })).toHaveCount(3);
}

test('members see who is on the steering group; the public are asked to sign in', async ({ page }, info) => {
	await page.goto('/steering-group');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The steering group');
	await expect(page.getByRole('heading', { name: 'How members join' })).toBeVisible();
	await expect(page.getByRole('link', { name: ROUND })).toHaveAttribute('href', /^\/opportunities\/\d+$/);
	await expect(page.getByText('Sign in to see who is on the steering group now.')).toBeVisible();
	await expect(page.getByText('Stephen Clarke')).toHaveCount(0);
	await expectAccessible(page, 'steering group, signed out');

	await signIn(page, info.project.name === 'phone' ? MEMBER_WHO_READS.phone : MEMBER_WHO_READS.desktop);
	await page.goto('/steering-group');
	const members = page.getByRole('table', { name: /Steering group members now/ });
	await expect(members.locator('tbody tr')).toHaveCount(12);
	await expect(members).toContainText('Stephen Clarke');
	await expect(members).toContainText('Ruth Ellison');
	await expect(page.getByText('Sign in to see who is on the steering group now.')).toHaveCount(0);
	await expectAccessible(page, 'steering group, signed in');

	// The panel's pages are for staff only.
	const response = await page.goto('/admin/recruitment');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('These pages are for the co-production team.')).toBeVisible();
});

test('staff write a person specification and keep it in order', async ({ page }, info) => {
	test.skip(info.project.name !== 'phone', 'once is enough: at phone size, the harder layout');
	test.setTimeout(180_000);
	const title = `Steering group test round ${Date.now()}`;
	await signIn(page, 'leila.haddad@example.org');

	// A new round starts as a steering group role, saved as a draft.
	await page.goto('/admin/opportunities/new');
	await page
		.getByRole('group', { name: 'Kind of opportunity' })
		.getByLabel('Steering group role', { exact: true })
		.check();
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page
		.getByLabel('Short summary', { exact: true })
		.fill('A round made by the browser tests, never published.');
	await page
		.getByRole('group', { name: 'Where does it happen?' })
		.getByLabel('Online', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	await page.goto('/admin/recruitment');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByText('There are no criteria yet.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'See the role as members do' })).toHaveCount(0);

	await page.getByRole('button', { name: 'Add criterion' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary.getByRole('link')).toHaveText(['Enter the criterion']);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'person specification with an error');

	for (const [criterion, explanation] of [
		['Knows the network well', 'Has taken part in our work before.'],
		['Keeps to time kindly', ''],
		['Speaks plainly', 'Uses words everyone understands.']
	]) {
		await page.getByLabel('Criterion', { exact: true }).fill(criterion!);
		await page.getByLabel('Explanation (optional)').fill(explanation!);
		await page.getByRole('button', { name: 'Add criterion' }).click();
		await expect(page.getByRole('status')).toHaveText('Criterion added.');
	}
	const titles = page.locator('ol.criteria .criterion-title');
	await expect(titles).toHaveText(['Knows the network well', 'Keeps to time kindly', 'Speaks plainly']);

	await page.getByRole('button', { name: 'Move up “Speaks plainly”' }).click();
	await expect(titles).toHaveText(['Knows the network well', 'Speaks plainly', 'Keeps to time kindly']);
	await page.getByRole('button', { name: 'Move down “Knows the network well”' }).click();
	await expect(titles).toHaveText(['Speaks plainly', 'Knows the network well', 'Keeps to time kindly']);
	await expectAccessible(page, 'person specification');

	await page.getByRole('link', { name: 'Change or remove “Knows the network well”' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change criterion 2');
	await expect(page.getByLabel('Explanation (optional)')).toHaveValue('Has taken part in our work before.');
	await page.getByLabel('Criterion', { exact: true }).fill('');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(summary.getByRole('link')).toHaveText(['Enter the criterion']);
	await expect(page.getByLabel('Explanation (optional)')).toHaveValue('Has taken part in our work before.');
	await expectAccessible(page, 'criterion with an error');
	await page.getByLabel('Criterion', { exact: true }).fill('Knows the network and its members');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Criterion changed.');
	await expect(titles).toHaveText([
		'Speaks plainly',
		'Knows the network and its members',
		'Keeps to time kindly'
	]);

	await page.getByRole('link', { name: 'Change or remove “Speaks plainly”' }).click();
	await expectAccessible(page, 'change or remove a criterion');
	await page.getByRole('button', { name: 'Remove “Speaks plainly”' }).click();
	await expect(page.getByRole('status')).toHaveText('Criterion removed.');
	await expect(titles).toHaveText(['Knows the network and its members', 'Keeps to time kindly']);
	await expect(page.locator('ol.criteria li').first()).toContainText('1. Knows the network and its members');
});
