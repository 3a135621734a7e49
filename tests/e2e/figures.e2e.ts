// Staff look at the year's figures: the two years of the co-production report, charts with their
// tables (axe at phone and desktop sizes), CSV downloads with the expected columns, the printable
// summary, and choosing a year without JavaScript. Each project signs in as its own staff and member.
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, expectAccessibleWithoutJs, signIn, test } from './fixtures';

const PEOPLE = {
	phone: { staff: 'figures.phone@example.org', member: 'leah.goldberg@example.org' },
	desktop: { staff: 'figures.desktop@example.org', member: 'meilin.chen@example.org' }
} as const;
const who = (project: string) => PEOPLE[project as keyof typeof PEOPLE];

function row(page: import('@playwright/test').Page, table: RegExp, header: string) {
	return page
		.getByRole('table', { name: table })
		.getByRole('row')
		.filter({
			has: page.getByRole('rowheader', { name: header, exact: true })
		});
}

test('staff read the figures of 2016-17, download them and print the summary', async ({ page }, info) => {
	test.setTimeout(180_000);
	await signIn(page, who(info.project.name).staff);
	await page.getByRole('link', { name: 'The year’s figures' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The year’s figures');

	await page.getByLabel('Financial year').selectOption('2016');
	await page.getByRole('button', { name: 'Show figures' }).click();
	await expect(page).toHaveURL(/year=2016/);
	await expect(page).toHaveTitle('The year’s figures, 2016-17 – Together');

	const taking = /^Members taking part, 2016-17/;
	await expect(
		row(page, taking, 'Members in the network at the end of the year').getByRole('cell')
	).toHaveText(['70', '62', 'up 8']);
	await expect(row(page, taking, 'Members who took part at least once').getByRole('cell')).toHaveText([
		'57',
		'53',
		'up 4'
	]);
	await expect(row(page, taking, 'Share of members who took part').getByRole('cell')).toHaveText([
		'81%',
		'85%',
		'down 4 points'
	]);
	await expect(row(page, taking, 'People who took part who are not members').getByRole('cell')).toHaveText([
		'8',
		'7',
		'up 1'
	]);
	await expect(row(page, /^By programme, 2016-17/, 'Guideline committees').getByRole('cell')).toHaveText([
		'11 (10)',
		'26 (38)',
		'8',
		'34 (45)',
		'2.4'
	]);
	await expect(row(page, /^By programme, 2016-17/, 'General work').getByRole('cell')).toHaveText([
		'26 (23)',
		'41 (32)',
		'0',
		'41 (32)',
		'2.3'
	]);
	// Each chart is a named picture with its summary in words.
	await expect(page.getByRole('img', { name: 'Share of members who took part' })).toBeVisible();
	await expect(page.getByText(/^57 of 70 members \(81%\) took part at least once in 2016-17/)).toBeVisible();
	await expectAccessible(page, 'the year’s figures, 2016-17');

	// Every figure as CSV, downloaded from its link.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Every figure, with last year’s and the change, 2016-17 (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('together-figures-2016-17.csv');
	const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
	expect(csv[0]).toBe('"Figure","Key","This year","Last year","Change"');
	expect(csv).toContain('"Members in the network at the end of the year","network_size","70","62","8"');

	// The rows behind them, with the right type and name.
	const places = await page.request.get('/admin/figures/csv/involvements?year=2016');
	expect(places.status()).toBe(200);
	expect(places.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(places.headers()['content-disposition']).toBe(
		'attachment; filename="together-involvements-2016-17.csv"'
	);
	const lines = (await places.text()).trimEnd().split('\r\n');
	expect(lines[0]).toBe('"Activity","Programme","Person","Member or not","Role","From","Until"');
	expect(lines).toHaveLength(1 + 95);
	const network = await page.request.get('/admin/figures/csv/network?year=2016');
	expect((await network.text()).split('\r\n')[0]).toBe(
		'"Member","Status now","Joined","Left","Took part in the year","Activities"'
	);

	// The printable summary, in words and tables; the site's header is left off the paper.
	await page.getByRole('link', { name: 'Printable annual summary for 2016-17' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Co-production in 2016-17: annual summary'
	);
	const words = page.getByRole('paragraph').filter({ hasText: 'so the target was met' });
	await expect(words).toContainText('57 of them');
	await expect(words).toContainText('81%');
	await expect(words).toContainText('against a target of 50%');
	await expectAccessible(page, 'annual summary, 2016-17');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('table', { name: 'Every figure, 2016-17 and 2015-16' })).toBeVisible();
});

test('without JavaScript, staff choose a year; members may not see the figures', async ({
	browser
}, info) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: info.project.use.viewport ?? undefined
	});
	try {
		const page = await context.newPage();
		await signIn(page, who(info.project.name).staff);
		await page.goto('/admin/figures');
		await page.getByLabel('Financial year').selectOption('2015');
		await page.getByRole('button', { name: 'Show figures' }).click();
		await expect(page).toHaveURL(/\/admin\/figures\?year=2015$/);
		await expect(
			row(page, /^Members taking part, 2015-16/, 'Members who took part at least once').getByRole('cell')
		).toHaveText(['53', '0', 'up 53']);
		await expect(
			row(page, /^By programme, 2015-16/, 'General work')
				.getByRole('cell')
				.nth(1)
		).toHaveText('32 (0)');
		await expectAccessibleWithoutJs(page, 'the year’s figures, 2015-16');
	} finally {
		await context.close();
	}

	const member = await browser.newContext();
	try {
		const page = await member.newPage();
		await signIn(page, who(info.project.name).member);
		const refused = await page.goto('/admin/figures?year=2016');
		expect(refused?.status()).toBe(403);
		const file = await page.request.get('/admin/figures/csv/figures?year=2016');
		expect(file.status()).toBe(403);
		expect(file.headers()['content-type']).not.toContain('text/csv');
	} finally {
		await member.close();
	}
});
