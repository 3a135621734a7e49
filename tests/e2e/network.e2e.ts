// The network and members' data rights in the browser: staff home counts match their queues, the
// members directory filters and a member's page (with an audited read), pausing a member, a member
// downloading their data, and a member asking to be deleted with an admin carrying it out.
// Each project signs in with its own people (seeded in supabase/seeds/51_network.sql).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, nextMail, seenBy, signIn, signOut, test } from './fixtures';

const PEOPLE = {
	phone: {
		staff: 'network.staff.phone@example.org',
		staffName: 'Imogen Barker',
		admin: 'network.admin.phone@example.org',
		downloads: 'harpreet.kaur@example.org',
		browsed: {
			name: 'Eilidh Campbell',
			email: 'eilidh.campbell@example.org',
			first: 'Eilidh',
			region: 'Scotland',
			lived: 'carer'
		},
		deleted: { email: 'kofi.boateng@example.org', name: 'Kofi Boateng' }
	},
	desktop: {
		staff: 'network.staff.desktop@example.org',
		staffName: 'Marcus Reid',
		admin: 'network.admin.desktop@example.org',
		downloads: 'hannah.schofield@example.org',
		browsed: {
			name: 'Hannah Schofield',
			email: 'hannah.schofield@example.org',
			first: 'Hannah',
			region: 'Yorkshire and the Humber',
			lived: 'learning disability'
		},
		deleted: { email: 'megan.lloyd@example.org', name: 'Megan Lloyd' }
	}
} as const;

const who = (project: string) => PEOPLE[project === 'phone' ? 'phone' : 'desktop'];

/** The first number in a text, or 0 when it says "No …". */
function numberIn(text: string): number {
	const m = text.match(/\d+/);
	return m ? Number(m[0]) : 0;
}

/**
 * A count on the staff home page equals the count its queue shows. Other journeys may change a
 * queue between the two reads, so a mismatch is read again a few times before it fails.
 */
async function countsMatch(
	page: Page,
	work: string,
	link: RegExp | string,
	queueStatus: () => Promise<string>
) {
	for (let attempt = 1; ; attempt++) {
		await page.goto('/admin');
		const card = page.locator(`[data-work="${work}"]`);
		const target = card.getByRole('link', { name: link }).first();
		const home = numberIn((await card.innerText()).replace(/^[^\n]*\n/, ''));
		const fromLink = typeof link === 'string' ? home : numberIn(await target.innerText());
		await target.click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const queue = numberIn(await queueStatus());
		if (queue === fromLink || attempt === 3) {
			expect(queue, `${work}: the staff home says ${fromLink}, the queue ${queue}`).toBe(fromLink);
			return;
		}
	}
}

test('staff home counts match the queues they link to', async ({ page }, info) => {
	test.setTimeout(120_000);
	const p = who(info.project.name);
	await signIn(page, p.staff);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
	await expect(page.getByRole('heading', { level: 2, name: 'Work waiting' })).toBeVisible();
	await expectAccessible(page, 'staff home');

	const status = () => page.locator('main [role="status"]').first().innerText();
	await countsMatch(page, 'applications', 'Applications', status);
	await expect(page).toHaveURL(/\/admin\/applications\?status=submitted/);
	await countsMatch(page, 'claims', 'Claims', status);
	await countsMatch(page, 'adjustments', /requests? needs? an answer/, status);
	await expect(page).toHaveURL(/show=answer/);
	await countsMatch(page, 'adjustments', /something agreed to arrange/, status);
	await countsMatch(page, 'deletions', 'Requests to delete data', status);
	await expectAccessible(page, 'requests to delete data');
	await page.goto('/admin');
	await page.locator('[data-work="terms"]').getByRole('link', { name: 'Steering group' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Steering group');
	await expect(page.getByRole('row').filter({ hasText: 'Liam Walsh' })).toContainText(/Ends in \d+ days/);
	await expectAccessible(page, 'steering group roster');
	await signOut(page);
});

test('a member sees and downloads everything held about them', async ({ page }, info) => {
	const p = who(info.project.name);
	await signIn(page, p.downloads);
	await page.goto('/my/profile');
	await expectAccessible(page, 'profile with your data');
	await page.getByRole('link', { name: 'See and download your data' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Your applications, answers and what happened' })
	).toBeVisible();
	await expect(page.locator('section', { has: page.locator('#profile') })).toContainText(p.downloads);
	await expectAccessible(page, 'your data');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download your data (JSON file)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^together-my-data-\d{4}-\d{2}-\d{2}\.json$/);
	const json = JSON.parse(await readFile(await download.path(), 'utf8')) as {
		profile: { email: string };
		applications: unknown[];
		lived_experience: string[];
	};
	expect(json.profile.email).toBe(p.downloads);
	expect(json.applications.length).toBeGreaterThan(0);
	expect(json.lived_experience.length).toBeGreaterThan(0);
	// Every part of the file has its own section on the readable page.
	for (const key of Object.keys(json).filter((k) => k !== 'generated_at'))
		await expect(page.locator(`section h2[id="${key}"]`), `a section for ${key}`).toHaveCount(1);
	await signOut(page);
});

test('staff filter the members directory, open a member, read their lived experience, pause them', async ({
	page
}, info) => {
	test.setTimeout(120_000);
	const p = who(info.project.name);
	const m = p.browsed;
	await signIn(page, p.staff);
	await page.goto('/admin/members');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Members');
	await page.getByLabel('Name or email address').fill(m.first);
	await page.getByLabel('Region').selectOption(m.region);
	await page.getByLabel('Lived experience').selectOption(m.lived);
	await page.getByLabel('Status').selectOption('active');
	await page.getByRole('button', { name: 'Find members' }).click();
	await expect(page).toHaveURL(/region=/);
	const rows = page.getByRole('row').filter({ hasText: m.name });
	await expect(rows).toHaveCount(1);
	for (const region of await page.locator('tbody td[data-label="Region"]').allInnerTexts())
		expect(region).toBe(m.region);
	await expectAccessible(page, 'members directory, filtered');

	await page.getByRole('link', { name: m.name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.name);
	await expect(page.getByRole('heading', { level: 2, name: 'Involvement history' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Claims' })).toBeVisible();
	await expectAccessible(page, 'a member’s page');
	await page.getByRole('button', { name: 'Show their lived experience' }).click();
	await expect(page.locator('h2:has-text("Lived experience") + p')).toContainText(m.lived);

	await page.getByRole('link', { name: `Pause ${m.name}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pause ${m.name}?`);
	await expectAccessible(page, 'pause a member');
	await page.getByRole('button', { name: 'Yes, pause them' }).click();
	await expect(page.locator('main [role="status"]').first()).toContainText(`${m.name} is paused`);
	await page.getByRole('link', { name: `Make ${m.name} active again` }).click();
	await page.getByRole('button', { name: 'Yes, make them active' }).click();
	await expect(page.locator('main [role="status"]').first()).toContainText(`${m.name} is active again`);
	await signOut(page);

	// An admin finds the read in the audit log, filtered by the member and by the staff member.
	await signIn(page, p.admin);
	await page.goto('/admin/audit');
	await page.getByLabel('Show reads of').selectOption('lived');
	await page.getByLabel('About member').selectOption({ label: `${m.name} (${m.email})` });
	await page.getByLabel('By staff').selectOption({ label: `${p.staffName} (${p.staff})` });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/member=.*staff=/);
	const reads = page.getByRole('row').filter({ hasText: p.staffName });
	await expect(reads.filter({ hasText: 'their page in the members directory' })).toHaveCount(1);
	await expect(reads.filter({ hasText: 'a search of the members directory' })).toHaveCount(1);
	await expectAccessible(page, 'audit log filtered by member and staff');
	await signOut(page);
});

test('a member asks to be deleted and an admin carries it out', async ({ page }, info) => {
	test.setTimeout(120_000);
	const p = who(info.project.name);
	await signIn(page, p.deleted.email);
	await page.goto('/my/profile');
	await page.getByRole('link', { name: 'Ask us to delete your data' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask us to delete your data');
	await expectAccessible(page, 'ask to be deleted');
	await page.getByRole('button', { name: 'Ask us to delete my data' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your request');
	await expectAccessible(page, 'request received');
	await signOut(page);

	const seen = await seenBy(p.deleted.email);
	await signIn(page, p.admin);
	await page.goto('/admin/deletion-requests');
	await page.getByRole('link', { name: `Carry out the request from ${p.deleted.name}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Delete ${p.deleted.name}’s data?`);
	await expectAccessible(page, 'carry out a deletion');
	await page.getByRole('button', { name: 'Yes, delete their data' }).click();
	await expect(page.locator('main [role="status"]').first()).toContainText(
		`${p.deleted.name}’s data is deleted`
	);
	await expect(page.getByRole('link', { name: `Carry out the request from ${p.deleted.name}` })).toHaveCount(
		0
	);

	const mail = await nextMail(p.deleted.email, seen);
	expect(mail.subject).toBe('We have deleted your information from Together');
	expect(mail.text).toContain('What we removed:');
	expect(mail.text).toMatch(/What we keep:|We keep nothing that could tell anyone who you are/);

	// The member is gone from the directory, and can no longer sign in.
	await page.goto(`/admin/members?q=${encodeURIComponent(p.deleted.name)}`);
	await expect(page.locator('main [role="status"]').first()).toHaveText('0 people');
	await page.goto('/admin/settings/data');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data settings');
	await expectAccessible(page, 'data settings');
	await signOut(page);
});
