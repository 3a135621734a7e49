// Matching and members' ideas: staff invite a suggested member, who reads the invitation on their home
// page and accepts it; a member shares their skills; a member sends an idea and staff answer it.
// Each run (phone, desktop) uses its own seeded accounts (supabase/seeds/91_matching.sql).
import type { Page } from '@playwright/test';
import { expect, expectAccessible, nextMail, seenBy, signIn, signOut, test } from './fixtures';

const OPPORTUNITY = 'Advisory group on easy read information';

const ACCOUNTS = {
	phone: {
		member: { email: 'matching.member.phone@example.org', name: 'Cerys Lloyd' },
		ideas: { email: 'ideas.member.phone@example.org', name: 'Lowri Price' },
		staff: 'matching.staff.phone@example.org'
	},
	desktop: {
		member: { email: 'matching.member.desktop@example.org', name: 'Dev Anand' },
		ideas: { email: 'ideas.member.desktop@example.org', name: 'Sami Okafor' },
		staff: 'matching.staff.desktop@example.org'
	}
} as const;

const accounts = (project: string) => (project === 'phone' ? ACCOUNTS.phone : ACCOUNTS.desktop);

/** A picture of the page as it is, when SCREENSHOT_DIR asks for them. */
async function picture(page: Page, name: string, project: string) {
	const dir = process.env.SCREENSHOT_DIR;
	if (dir) await page.screenshot({ path: `${dir}/${name}-${project}.png`, fullPage: true });
}

test('staff invite a suggested member, who accepts and goes on to apply', async ({ page }, info) => {
	test.setTimeout(240_000);
	const a = accounts(info.project.name);
	await signIn(page, a.staff);
	await page.goto('/admin/opportunities?status=published');
	await page.getByRole('link', { name: OPPORTUNITY }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(OPPORTUNITY);
	const skills = page.getByRole('group', { name: 'Skills (optional)' });
	await expect(skills.getByLabel('Reviewing documents')).toBeChecked();
	await expect(skills.getByLabel('Chairing meetings')).toBeChecked();
	await skills.scrollIntoViewIfNeeded();
	await picture(page, 'opportunity-looks-for', info.project.name);

	await page.getByRole('link', { name: 'Suggested members' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suggested members');
	const row = page.getByRole('row').filter({ hasText: a.member.name });
	await expect(row).toContainText('Lived experience: learning disability.');
	await expect(row).toContainText('Good at: reviewing documents.');
	await expect(row).toContainText('Wants to develop: chairing meetings.');
	await expectAccessible(page, 'suggested members');
	await picture(page, 'suggested-members', info.project.name);

	const seen = await seenBy(a.member.email);
	await row.getByRole('button', { name: `Invite ${a.member.name} to apply` }).click();
	await expect(page.getByRole('status')).toHaveText(
		`We have invited ${a.member.name} and sent them an email.`
	);
	await expect(page.getByRole('row').filter({ hasText: a.member.name })).toContainText(
		'Invited, no answer yet'
	);
	await expectAccessible(page, 'suggested members after inviting');
	const mail = await nextMail(a.member.email, seen);
	expect(mail.subject).toBe(`We think you would be good for: ${OPPORTUNITY}`);
	expect(mail.text).toContain('Saying no is fine.');
	await signOut(page);

	await signIn(page, a.member.email);
	await page.goto('/my');
	const invitations = page.locator('h2', { hasText: 'Invitations for you' });
	await expect(invitations).toBeVisible();
	await expect(page.getByText(`The team invites you to apply for ${OPPORTUNITY}.`)).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Opportunities that fit you' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: OPPORTUNITY })).toBeVisible();
	await expectAccessible(page, 'home page with an invitation');
	await picture(page, 'my-home-fits-you', info.project.name);

	await page.getByRole('link', { name: 'See the invitation' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('An invitation to apply');
	await expect(page.getByText('You are good at: Reviewing documents')).toBeVisible();
	await expectAccessible(page, 'invitation');
	await picture(page, 'invitation', info.project.name);
	await page.getByRole('button', { name: 'Yes, I want to apply' }).click();
	await expect(page).toHaveURL(/\/opportunities\/\d+\/apply$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(OPPORTUNITY);

	// Their skills and experience: always theirs to change or remove.
	await page.goto('/my/skills');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your skills and experience');
	await expectAccessible(page, 'skills and experience');
	await picture(page, 'my-skills', info.project.name);
	await page
		.getByRole('group', { name: 'What are you good at? (optional)' })
		.getByLabel('Speaking at events')
		.check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Your skills and experience are saved.');
	await expect(
		page.getByRole('group', { name: 'What are you good at? (optional)' }).getByLabel('Speaking at events')
	).toBeChecked();
	await expectAccessible(page, 'skills saved');
});

test('a member sends an idea, and staff tell them what happened to it', async ({ page }, info) => {
	test.setTimeout(240_000);
	const a = accounts(info.project.name);
	const title = `Walking meetings (${info.project.name})`;
	await signIn(page, a.ideas.email);
	await page.goto('/ideas');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your ideas for our work');
	await expectAccessible(page, 'ideas');
	await picture(page, 'ideas', info.project.name);
	await page.getByRole('link', { name: 'What should we work on together next year?' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'What should we work on together next year?'
	);
	// A published idea is shown without who sent it.
	await expect(page.getByRole('heading', { level: 3, name: 'A peer support café for carers' })).toBeVisible();
	await expect(page.getByText('Alex')).toHaveCount(0);

	await page.getByRole('button', { name: 'Send your idea' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Enter a short name for your idea');
	await expect(summary).toContainText('Write your idea');
	await expectAccessible(page, 'idea with errors');
	await page.getByLabel('A short name for your idea').fill(title);
	await page
		.getByLabel('Your idea, if you are writing it')
		.fill('Meet outdoors in a park for some meetings, walking and talking, for people who find rooms hard.');
	await picture(page, 'send-idea', info.project.name);
	await page.getByRole('button', { name: 'Send your idea' }).click();
	await expect(page.getByRole('status')).toHaveText('Thank you. We have your idea.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('We have your idea', { exact: true })).toBeVisible();
	await expectAccessible(page, 'idea sent');
	await picture(page, 'my-idea', info.project.name);
	await signOut(page);

	await signIn(page, a.staff);
	await page.goto('/admin/ideas');
	await expectAccessible(page, 'staff ideas');
	await picture(page, 'staff-ideas', info.project.name);
	await page.getByRole('link', { name: 'What should we work on together next year?' }).click();
	await expectAccessible(page, 'staff call for ideas');
	await picture(page, 'staff-call', info.project.name);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('group', { name: 'Where is this idea?' }).getByLabel('Shortlisted').check();
	await page.getByRole('group', { name: 'Share it with members?' }).getByLabel('Yes, publish it').check();
	await page
		.getByLabel('Message to the member about their idea')
		.fill('Thank you. Your idea is on our shortlist. We will decide in two weeks.');
	await expectAccessible(page, 'staff idea');
	await picture(page, 'staff-idea', info.project.name);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText(`Saved: ${title}.`);
	const seen = await seenBy(a.ideas.email);
	await page.getByRole('button', { name: 'Tell members what happened to their ideas' }).click();
	await expect(page.getByRole('status')).toContainText('what happened to their idea.');
	const mail = await nextMail(a.ideas.email, seen);
	expect(mail.subject).toBe(`What happened to your idea: ${title}`);
	expect(mail.text).toContain('Your idea is on our shortlist.');
	await signOut(page);

	await signIn(page, a.ideas.email);
	await page.goto('/ideas');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByText('On the shortlist')).toBeVisible();
	await expect(page.getByText('Your idea is on our shortlist.')).toBeVisible();
	await expectAccessible(page, 'idea with a message');
	await picture(page, 'my-idea-message', info.project.name);
});
