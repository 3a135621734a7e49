// Made to fit each member: Welsh pages (lang="cy", no English left in the page's own words),
// easy read on every page it covers (with pictures, or as simple text), and the easy-read check
// staff see in the opportunity editor, with the warning before publishing without easy read.
import { expect, expectAccessible, signIn, test } from './fixtures';
import { CY, EN, englishLeftovers, useCookie } from './welsh';

/** This file's staff, one per project, so the two projects never share a sign-in. */
const STAFF = { phone: 'eirlys.hughes@example.org', desktop: 'gwenllian.price@example.org' } as const;
/** This file's members (supabase/seeds/71_welsh_more.sql), one per project. */
const MEMBERS = { phone: 'ceri.morgan@example.org', desktop: 'dafydd.lloyd@example.org' } as const;

const PAGES = ['/', '/opportunities', '/sign-in', '/settings/display', '/accessibility', '/steering-group'];

test('Welsh pages say lang="cy" and leave no English outside content', async ({ page, context }) => {
	test.setTimeout(240_000); // an axe scan of each page takes a while on a busy machine
	await useCookie(context, { language: 'cy' });
	for (const path of PAGES) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('link', { name: 'Neidio i’r prif gynnwys' })).toBeAttached();
		expect(await englishLeftovers(page), `English left on ${path}`).toEqual([]);
		await expectAccessible(page, `${path} in Welsh`);
	}

	// An opportunity with a Welsh version shows it; its practical details stay marked as English.
	await page.goto('/opportunities');
	await page.getByRole('link', { name: /^Aelod o’r grŵp llywio/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Aelod o’r grŵp llywio/);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /.+/);
	await expect(page.getByText(CY.opp_no_welsh!)).toHaveCount(0);
	expect(await englishLeftovers(page)).toEqual([]);
	await expectAccessible(page, 'opportunity in Welsh');

	// One without a Welsh version shows its English marked lang="en", with a note saying so.
	await page.goto('/opportunities');
	await page.getByRole('link', { name: 'Co-production week festival' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
	await expect(page.getByText(CY.opp_no_welsh!)).toBeVisible();
	expect(await englishLeftovers(page)).toEqual([]);
	await expectAccessible(page, 'opportunity with no Welsh version');
});

test('a member’s own pages in Welsh leave no English outside content, and show their easy read', async ({
	page,
	context
}) => {
	test.setTimeout(300_000);
	await signIn(page, MEMBERS[test.info().project.name === 'phone' ? 'phone' : 'desktop']);
	await useCookie(context, { language: 'cy' });

	const check = async (what: string) => {
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		expect(await englishLeftovers(page), `English left on ${what}`).toEqual([]);
		await expectAccessible(page, `${what} in Welsh`);
	};

	await page.goto('/my');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.my_title!);
	await check('my home');

	// The application: its opportunity has a Welsh version, so its title is Welsh.
	await page.goto('/my/applications');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.apps_title!);
	await check('my applications');
	await page.getByRole('link', { name: /^Aelod o’r grŵp llywio/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Aelod o’r grŵp llywio/);
	await expect(page.getByText(CY.status_app_submitted!, { exact: true })).toBeVisible();
	// Dates in Welsh, whatever the browser knows of Welsh.
	await expect(page.getByText(/^Dydd \w+, \d+ \w+ 20\d\d$/).first()).toBeVisible();
	await check('an application');

	// The booking: its event has no Welsh version, so its title is marked English.
	await page.goto('/my/bookings');
	await check('my bookings');
	const booking = page.getByRole('link', { name: 'Co-production week festival' });
	await expect(booking).toHaveAttribute('lang', 'en');
	await booking.click();
	await expect(page).toHaveURL(/\/my\/bookings\/\d+$/);
	await expect(page.getByText(CY.status_booking_booked!, { exact: true })).toBeVisible();
	await check('a booking');
	await page.getByRole('link', { name: CY.booking_about! }).click();
	await expect(page.getByRole('heading', { name: CY.book_heading!, exact: true })).toBeVisible();
	await check('the booking panel');

	await page.goto('/my/claims');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.claims_title!);
	await check('my claims');

	// Applying: the first page of the journey, before anything is started.
	await page.goto('/opportunities');
	await page.getByRole('link', { name: /^Grŵp cyfeirio arbenigol/ }).click();
	await expect(page).toHaveURL(/\/opportunities\/\d+$/);
	await page.goto(`${new URL(page.url()).pathname}/apply`);
	await expect(page.getByRole('heading', { name: CY.apply_involves!, exact: true })).toBeVisible();
	await check('applying');

	// Searching in Welsh finds an opportunity by its Welsh words.
	await page.goto('/opportunities?q=llywio');
	await expect(page.getByRole('link', { name: /^Aelod o’r grŵp llywio/ })).toBeVisible();

	// Easy read: each page leads with its own points.
	await useCookie(context, { language: 'cy', easyRead: 'on' });
	for (const [path, first] of [
		['/my', CY.my_easy_1!],
		['/my/applications', CY.apps_easy_1!],
		['/my/bookings', CY.bookings_easy_1!],
		['/my/claims', CY.claims_easy_1!]
	] as const) {
		await page.goto(path);
		const easy = page.locator('main .easy-read').first();
		await expect(easy.getByText(first)).toBeVisible();
		await expect(easy.locator('img')).toHaveCount(await easy.locator('li').count());
	}
	await expectAccessible(page, 'my claims in easy read');
});

test('the browser’s language chooses Welsh until display settings say otherwise', async ({ browser }) => {
	const context = await browser.newContext({
		locale: 'cy-GB',
		viewport: test.info().project.use.viewport ?? undefined
	});
	try {
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		// Choosing English in display settings (a plain form, no JavaScript needed) wins.
		await page.goto('/settings/display');
		await page
			.getByRole('group', { name: CY.display_language, exact: true })
			.getByLabel(CY.opt_language_en!, { exact: true })
			.check();
		await page.getByRole('button', { name: CY.display_save, exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
		await expect(page.getByText(EN.display_saved!)).toBeVisible();
	} finally {
		await context.close();
	}
});

test('easy read shows each page’s easy-read copy with pictures; simple text has none', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	await useCookie(context, { easyRead: 'on' });
	const checks: [string, string][] = [
		['/', EN.home_lead_easy_1!],
		['/opportunities', EN.list_easy_1!],
		['/sign-in', EN.signin_easy_1!],
		['/settings/display', EN.display_easy_1!]
	];
	for (const [path, first] of checks) {
		await page.goto(path);
		const easy = page.locator('main .easy-read').first();
		await expect(easy.getByText(first)).toBeVisible();
		const rows = easy.locator('li');
		expect(await rows.count()).toBeGreaterThanOrEqual(3);
		await expect(easy.locator('img')).toHaveCount(await rows.count());
		const style = await easy.evaluate((el) => {
			const s = getComputedStyle(el);
			return { size: parseFloat(s.fontSize), italic: s.fontStyle, caps: s.textTransform };
		});
		expect(style.size).toBeGreaterThanOrEqual(18.7);
		expect(style.italic).toBe('normal');
		expect(style.caps).toBe('none');
		await expectAccessible(page, `${path} in easy read`);
	}

	await useCookie(context, { easyRead: 'on', pictures: 'off' });
	for (const [path, first] of checks) {
		await page.goto(path);
		const easy = page.locator('main .easy-read').first();
		await expect(easy.getByText(first)).toBeVisible();
		await expect(easy.locator('img')).toHaveCount(0);
		if (path === '/') await expectAccessible(page, `${path} in easy read as simple text`);
	}
	await page.goto('/opportunities?q=steering+group');
	await page.locator('.card h2 a').first().click();
	await expect(page.locator('main .easy-read li').first()).toBeVisible();
	await expect(page.locator('main .easy-read img')).toHaveCount(0);
});

test('the easy-read check flags a long sentence and jargon as staff type; publishing without easy read warns', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, STAFF[test.info().project.name === 'phone' ? 'phone' : 'desktop']);
	await page.goto('/admin/opportunities/new');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an opportunity');
	const check = page.locator('.easy-read-check');
	await expect(check).toContainText('There are no easy read points to check yet.');

	const point1 = page.getByRole('group', { name: 'Point 1', exact: true });
	await point1
		.getByLabel('Sentence')
		.fill('You can come to the meeting in Manchester or you can join it on the computer from your home.');
	await expect(check).toContainText('Point 1 has a sentence of 19 words');
	await expect(check).toContainText('Point 1 has no picture.');
	await point1.getByLabel('Picture').selectOption('meeting');
	await expect(check).not.toContainText('Point 1 has no picture.');

	const point2 = page.getByRole('group', { name: 'Point 2', exact: true });
	await point2.getByLabel('Sentence').fill('Every stakeholder is welcome.');
	await expect(check).toContainText(
		'Point 2 uses “stakeholder”, which is jargon. Try “people who are involved” instead.'
	);
	await expect(check).toContainText(/Reading ease: \d+ out of 100/);
	await expectAccessible(page, 'easy-read check with findings');

	// Without easy read, publishing asks first.
	await point1.getByLabel('Sentence').fill('');
	await point2.getByLabel('Sentence').fill('');
	const title = `Welsh tea afternoon ${test.info().project.name} ${Date.now()}`;
	await page.getByRole('group', { name: 'Kind of opportunity' }).getByLabel('Event', { exact: true }).check();
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page
		.getByLabel('Short summary', { exact: true })
		.fill('Tea and cake with other members and the team.');
	await page.getByLabel('Title in Welsh').fill('Te prynhawn');
	await page
		.getByRole('group', { name: 'Where does it happen?' })
		.getByLabel('Online', { exact: true })
		.check();
	await page.getByLabel('Closing date').fill('2099-12-31');
	await page.getByRole('button', { name: 'Publish', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: 'This opportunity has no easy read version' })
	).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await expectAccessible(page, 'warning before publishing without easy read');
	await page.getByRole('button', { name: 'Publish without an easy read version' }).click();
	await expect(page.getByRole('status')).toHaveText('Published. Members can see it now.');
	await expect(page.getByLabel('Title in Welsh')).toHaveValue('Te prynhawn');
});
