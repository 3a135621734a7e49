// The last member pages moved into Welsh and easy read: a claim (its lines, the check step, bank
// details, the letter for a benefits adviser), asking for adjustments, the profile, what you hear
// about, waiting to send, your data, feedback after an event, skills and ideas. Each is visited in
// Welsh (lang="cy", no English from the catalogue outside content, form errors in Welsh) and in easy
// read (its points with pictures), with axe finding nothing.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';
import { CY, englishLeftovers, useCookie } from './welsh';

/** This file's members (supabase/seeds/72_welsh_last.sql), one per project. */
const MEMBERS = { phone: 'nia.pritchard@example.org', desktop: 'gethin.rowlands@example.org' } as const;
const member = () => MEMBERS[test.info().project.name === 'phone' ? 'phone' : 'desktop'];

/** A full-page picture of this state on a phone, kept with the test's results for people to look at. */
async function picture(page: Page, name: string): Promise<void> {
	if (test.info().project.name !== 'phone') return;
	await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** lang="cy" and no English from the catalogue; axe too for a form with errors (each page is
 * scanned in easy read below, so its plain Welsh need not be scanned again). */
async function inWelsh(page: Page, what: string, { axe = false } = {}) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
	expect(await englishLeftovers(page), `English left on ${what}`).toEqual([]);
	if (axe) await expectAccessible(page, `${what} in Welsh`);
}

/** The member's unsent claim, the booking they came to, and the opportunity they can ask adjustments for. */
async function findTheirThings(page: Page) {
	await page.goto('/my/claims');
	await page.getByRole('link', { name: CY.claims_carry_on!, exact: true }).first().click();
	await expect(page).toHaveURL(/\/my\/claims\/\d+$/);
	const claim = new URL(page.url()).pathname;
	await page.goto('/my/bookings');
	await page.getByRole('link', { name: "Carers' network get-together" }).first().click();
	await expect(page).toHaveURL(/\/my\/bookings\/\d+$/);
	const booking = new URL(page.url()).pathname;
	await page.goto('/my/adjustments');
	const ask = page.getByRole('link', { name: new RegExp(`^${CY.adjs_ask} .*Guideline committee`) }).first();
	const adjustments = (await ask.getAttribute('href'))!;
	return { claim, booking, adjustments };
}

test('the last member pages are in Welsh, with their form errors', async ({ page, context }) => {
	test.setTimeout(240_000); // an axe scan of each page takes a while on a busy machine
	await signIn(page, member());
	await useCookie(context, { language: 'cy' });
	const { claim, booking, adjustments } = await findTheirThings(page);

	// The claim: its lines, adding mileage with nothing filled in, then the check step.
	await page.goto(claim);
	await expect(page.getByRole('heading', { name: CY.claim_on_this!, exact: true })).toBeVisible();
	await expect(page.getByText(/^24\.50? milltir mewn car neu fan ar \d+c y filltir/)).toBeVisible();
	await inWelsh(page, 'a claim');
	await picture(page, 'claim-in-welsh');
	await page.getByRole('button', { name: CY.claim_add_mileage!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.claimerr_miles!);
	await inWelsh(page, 'a claim with an error', { axe: true });

	await page.goto(`${claim}/check`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.claimcheck_title!);
	await inWelsh(page, 'checking a claim');
	await page.getByRole('button', { name: CY.claimcheck_send!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.claimcheck_err_declaration!);
	await inWelsh(page, 'checking a claim with errors', { axe: true });
	await picture(page, 'claim-check-in-welsh-with-errors');

	await page.goto('/my/claims/bank-details');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.bank_title!);
	await page.getByRole('button', { name: CY.bank_email_code!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.claimerr_account_name!);
	await inWelsh(page, 'bank details with errors', { axe: true });

	await page.goto('/my/claims/summary');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Taliadau i ');
	await inWelsh(page, 'the letter for a benefits adviser');

	// Asking for adjustments: which meeting, then what is needed, sent with nothing chosen.
	await page.goto(adjustments);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.adjnew_title_scope!);
	await inWelsh(page, 'choosing a meeting for adjustments');
	await page.getByLabel(/^Pob un o’r \d+ cyfarfod sydd i ddod$/).check();
	await page.getByRole('button', { name: CY.adjnew_continue!, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.adjnew_title_new!);
	await page.getByRole('button', { name: CY.adjnew_continue!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.adj_err_nothing_asked!);
	await inWelsh(page, 'asking for adjustments with an error', { axe: true });

	// The profile, and changing it with no name.
	await page.goto('/my/profile');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CY.profile_title!);
	await inWelsh(page, 'my profile');
	await picture(page, 'profile-in-welsh');
	await page.goto('/my/profile?edit');
	await page.getByLabel(CY.profile_full_name!, { exact: true }).fill('');
	await page.getByRole('button', { name: CY.profile_save!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.profile_err_name!);
	await inWelsh(page, 'changing my profile with an error', { axe: true });

	for (const [path, title] of [
		['/my/notifications', CY.hear_title!],
		['/my/waiting', CY.waiting_title!],
		['/my/data', CY.data_title!],
		['/my/data/delete', CY.delete_title!],
		[`${booking}/feedback`, CY.eventfb_heading!],
		['/my/skills', CY.match_skills_title!],
		['/ideas', CY.idea_title!],
		['/install', CY.install_title!]
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
		await inWelsh(page, path, { axe: path === '/my/waiting' });
	}
	// The page a phone shows with no signal is kept in one copy for everyone: it says it in Welsh too.
	await page.goto('/offline');
	const welsh = page.locator('main section[lang="cy"]');
	await expect(welsh.getByRole('heading', { level: 2 })).toHaveText(CY.nosignal_heading!);
	await expect(welsh.getByText(CY.nosignal_lead!)).toBeVisible();

	// Feedback sent with no answer says so in Welsh.
	await page.goto(`${booking}/feedback`);
	await page.getByRole('button', { name: CY.eventfb_send!, exact: true }).click();
	await expect(page.locator('.error-summary')).toContainText(CY.eventfb_err_rating!);
	await inWelsh(page, 'feedback with an error', { axe: true });
});

test('the last member pages lead with their easy-read points, with pictures', async ({ page, context }) => {
	test.setTimeout(240_000);
	// axe at 360×800 (the phone project); the desktop project checks the points and pictures only.
	const phone = test.info().project.name === 'phone';
	await signIn(page, member());
	await useCookie(context, { language: 'cy' });
	const { claim, booking, adjustments } = await findTheirThings(page);
	await useCookie(context, { language: 'cy', easyRead: 'on' });
	for (const [path, first] of [
		[claim, CY.claim_easy_1!],
		[`${claim}/check`, CY.claimcheck_easy_1!],
		['/my/claims/bank-details', CY.bank_easy_1!],
		['/my/claims/summary', CY.summary_easy_1!],
		[adjustments, CY.adjnew_scope_easy_1!],
		['/my/profile', CY.profile_easy_1!],
		['/my/profile?edit', CY.profile_edit_easy_1!],
		['/my/notifications', CY.hear_easy_1!],
		['/my/data', CY.data_easy_1!],
		['/my/data/delete', CY.delete_easy_1!],
		[`${booking}/feedback`, CY.eventfb_easy_1!],
		['/my/skills', CY.match_skills_easy_1!],
		['/ideas', CY.idea_easy_1!],
		['/install', CY.install_easy_1!]
	] as const) {
		await page.goto(path);
		const easy = page.locator('main .easy-read').first();
		await expect(easy.getByText(first), path).toBeVisible();
		await expect(easy.locator('img')).toHaveCount(await easy.locator('li').count());
		if (phone) await expectAccessible(page, `${path} in easy read`);
		if (path === claim) await picture(page, 'claim-in-easy-read');
		if (path === '/my/data/delete') await picture(page, 'delete-in-easy-read');
	}
	// A call for ideas that is open: how to send an idea, in easy read.
	await page.goto('/ideas');
	await page.locator('main .cards h3 a').first().click();
	await expect(page).toHaveURL(/\/ideas\/\d+$/);
	const sending = page.locator('main .easy-read').first();
	await expect(sending.getByText(CY.idea_send_easy_1!)).toBeVisible();
	await expect(sending.locator('img')).toHaveCount(await sending.locator('li').count());
	if (phone) await expectAccessible(page, 'a call for ideas in easy read');
	await useCookie(context, { language: 'cy' });
	await page.reload();
	await inWelsh(page, 'a call for ideas');

	// And in English, the same pages' points read in English.
	await useCookie(context, { language: 'en', easyRead: 'on' });
	await page.goto(claim);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	await expect(page.locator('main .easy-read').first()).toContainText('You can claim money for your time.');
});
