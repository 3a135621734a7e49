// Projects and the evaluation tool: a project manager fills in the co-production plan and reflects
// at a milestone; a member gives easy-read feedback on an activity by keyboard alone, without their
// name, and it arrives with nothing that names them. Axe on each page. Each project (phone,
// desktop) signs in as its own manager and member (supabase/seeds/90_projects.sql).
import { mkdirSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

const PEOPLE = {
	phone: {
		manager: 'projects.manager.phone@example.org',
		project: 'Young carers’ guide',
		member: 'projects.member.phone@example.org',
		activity: 'Reading group: young carers’ guide'
	},
	desktop: {
		manager: 'projects.manager.desktop@example.org',
		project: 'Leaving hospital well',
		member: 'projects.member.desktop@example.org',
		activity: 'Reading group: leaving hospital well'
	}
} as const;
const who = (project: string) => PEOPLE[project as keyof typeof PEOPLE];
const straight = (s: string) => s.replace('’', "'");

const SHOTS = '/tmp/h10p';
async function shot(page: Page, project: string, name: string) {
	if (project !== 'phone') return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const PRINCIPLES = [
	['Equality', 'Developing'],
	['Diversity', 'Starting'],
	['Accessibility', 'Strong'],
	['Reciprocity', 'Developing'],
	['How much power members share', 'Co-designing']
] as const;

test('a project manager plans and reflects on co-production', async ({ page }, info) => {
	test.setTimeout(120_000);
	const p = who(info.project.name);
	await signIn(page, p.manager);
	await page.getByRole('link', { name: 'Projects', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
	const row = page
		.getByTestId('projects-overview')
		.getByRole('row')
		.filter({ hasText: straight(p.project) });
	await expect(row).toContainText('Missing');
	// The style guide has nobody taking part yet: the overview says so.
	await expect(page.getByText('No member involvement yet:')).toBeVisible();
	await expectAccessible(page, 'projects overview');
	await shot(page, info.project.name, 'projects-overview');

	await row.getByRole('link', { name: straight(p.project) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(straight(p.project));
	await expect(page.getByText(straight(p.activity)).first()).toBeVisible();
	await expect(page.getByTestId('project-spend')).toContainText('Fees');
	await expectAccessible(page, 'project page');
	await shot(page, info.project.name, 'project-page');

	await page.getByRole('link', { name: 'Fill in the plan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Co-production plan');
	await expectAccessible(page, 'plan form');
	for (const [name, level] of PRINCIPLES) {
		const section = page.getByRole('region', { name, exact: true });
		await section.getByLabel('What the project intends').fill(`We intend good ${name.toLowerCase()}.`);
		await section.getByLabel('How members will be involved').fill('Members read and change every draft.');
		await section.getByRole('radio', { name: level, exact: true }).check();
	}
	await shot(page, info.project.name, 'project-plan');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(page.getByRole('status')).toHaveText('The plan is saved.');
	await expect(page.locator('p', { hasText: 'Plan:' })).toContainText('Done');

	await page.getByRole('link', { name: 'Add a reflection' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a reflection');
	await expect(page.getByRole('heading', { name: 'What members said' })).toBeVisible();
	// Sending without a name shows the problem at the top.
	await page.getByRole('button', { name: 'Save the reflection' }).click();
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expectAccessible(page, 'reflection form with an error');
	await page.getByLabel('What this reflection is for').fill('After the reading group');
	for (const [name] of PRINCIPLES) {
		const section = page.getByRole('region', { name, exact: true });
		await expect(section.getByText('The plan aimed for')).toBeVisible();
		await section.getByLabel('What happened').fill(`What happened for ${name.toLowerCase()}.`);
		await section.getByLabel('Evidence').fill('Notes of the meeting.');
		await section.getByLabel('What to change').fill('Send papers earlier.');
		await section.getByRole('radio').nth(1).check();
	}
	await page.getByRole('button', { name: 'Save the reflection' }).click();
	await expect(page.getByRole('status')).toHaveText('The reflection is saved.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reflection: After the reading group');
	await expectAccessible(page, 'reflection page');
	await shot(page, info.project.name, 'project-reflection');

	await page.getByRole('link', { name: 'Back to the project' }).click();
	await page.getByRole('link', { name: 'Back to projects' }).click();
	await expect(row).toContainText('Done');
	await expect(row).toContainText('After the reading group');
	await expect(
		page.getByRole('table', { name: `Levels over time for ${straight(p.project)}` })
	).toContainText('Co-designing');

	await page.getByRole('link', { name: 'principles' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Co-production principles');
	await expectAccessible(page, 'principles');
	await shot(page, info.project.name, 'project-principles');
});

test('a member gives easy-read feedback by keyboard, without their name', async ({ page }, info) => {
	test.setTimeout(90_000);
	const p = who(info.project.name);
	await signIn(page, p.member);
	await page.goto('/my');
	const link = page.getByRole('link', { name: `Tell us how ${straight(p.activity)} went` });
	await expectAccessible(page, 'home with feedback to give');
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How did it go?');
	await expectAccessible(page, 'standard feedback form');
	await shot(page, info.project.name, 'feedback-standard');

	const easyLink = page.getByRole('link', { name: 'Use the easy read version of this form' });
	await easyLink.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/form=easy/);
	await expect(page.getByText('Choose one answer for each question.')).toBeVisible();
	await expectAccessible(page, 'easy read feedback form');

	// From the link to the standard form, Tab reaches each question in turn.
	await page.getByRole('link', { name: 'Use the standard version of this form' }).focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('radio', { name: 'Yes, it was good' })).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(
		page.getByRole('group', { name: 'Did you get the help you asked for?' }).getByRole('radio').first()
	).toBeFocused();
	await page.keyboard.press('ArrowDown'); // Some of it
	await page.keyboard.press('Tab');
	await expect(
		page.getByRole('group', { name: 'Did people listen to you?' }).getByRole('radio').first()
	).toBeFocused();
	await page.keyboard.press('Space'); // Yes
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Do you want to tell us more? You do not have to.')).toBeFocused();
	const comment = `Big print papers helped (${info.project.name})`;
	await page.keyboard.type(comment);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('radio', { name: 'Yes, tell them my name' })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'No, do not tell them my name' })).toBeChecked();
	await shot(page, info.project.name, 'feedback-easy');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(page.getByRole('status')).toHaveText('Thank you. Your feedback has gone to the project team.');
	await expect(page.getByText('You told us how it went. Thank you.')).toBeVisible();
	await expectAccessible(page, 'feedback list');
	await shot(page, info.project.name, 'feedback-list');

	// It arrived as easy read, without the member.
	const db = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
		auth: { persistSession: false }
	});
	const { data } = await db.from('activity_feedback').select('*').eq('comment', comment);
	expect(data).toEqual([
		expect.objectContaining({
			member_id: null,
			easy_read: true,
			went: 'well',
			adjustments: 'partly',
			listened: 'yes'
		})
	]);
	await page.goto('/my');
	await expect(page.getByRole('link', { name: `Tell us how ${straight(p.activity)} went` })).toHaveCount(0);
});
