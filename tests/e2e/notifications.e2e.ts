// A member chooses what they hear about; a real alert email's stop link turns the emails off with
// JavaScript off; a mail client's one-click unsubscribe (RFC 8058) works from another site.
import { createClient } from '@supabase/supabase-js';
import nodemailer from 'nodemailer';
import { deliverDueAlerts } from '../../src/lib/server/alerts/deliver';
import { expect, expectAccessible, expectAccessibleWithoutJs, mailTo, signIn, test } from './fixtures';

// Generated demo members no other browser test uses: one per project, as the two run at once.
const MEMBERS = { phone: 'hye-jin.park@example.org', desktop: 'tendai.chikwanha@example.org' } as const;
const memberFor = (project: string) => (project === 'phone' ? MEMBERS.phone : MEMBERS.desktop);
// A topic each, so the opportunity one project publishes is never due to the other's member.
const topicFor = (project: string) => (project === 'phone' ? 'housing' : 'research');

function service() {
	return createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

async function profileOf(email: string) {
	const { data, error } = await service()
		.from('profiles')
		.select('id, interests, interest_types, notify_rhythm')
		.eq('email', email)
		.single();
	expect(error).toBeNull();
	return data as { id: string; interests: string[]; interest_types: string[]; notify_rhythm: string };
}

test('a member chooses what they hear about', async ({ page }, info) => {
	const email = memberFor(info.project.name);
	await signIn(page, email);

	await page.goto('/my/profile');
	await expectAccessible(page, 'profile with the link to what you hear about');
	await page.getByRole('link', { name: 'Change what you hear about' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What you hear about');
	await expect(page).toHaveTitle('What you hear about – Together');
	await expectAccessible(page, 'what you hear about');

	// A form that somehow arrives without an answer to "how often" is told so in plain words.
	await page.evaluate(() => {
		for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="rhythm"]'))
			radio.checked = false;
	});
	await page.getByRole('button', { name: 'Save your choices' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Choose how often we should email you about new opportunities');
	await expect(page).toHaveTitle('Error: What you hear about – Together');
	await expectAccessible(page, 'what you hear about with an error');

	const topics = page.getByRole('group', { name: 'Topics' });
	for (const box of await topics.getByRole('checkbox').all()) await box.uncheck();
	await topics.getByLabel('Housing').check();
	await topics.getByLabel('Mental health').check();
	const kinds = page.getByRole('group', { name: 'Kinds of opportunity' });
	for (const box of await kinds.getByRole('checkbox').all()) await box.uncheck();
	await kinds.getByLabel('Committee', { exact: true }).check();
	const often = page.getByRole('group', { name: 'How often should we email you about new opportunities?' });
	await often.getByLabel('As they come').check();
	await expect(
		page.getByText('we always email you about your own applications, claims and adjustments')
	).toBeVisible();
	await page.getByRole('button', { name: 'Save your choices' }).click();

	const saved = page.getByRole('status');
	await expect(saved).toContainText('Your choices are saved');
	await expect(saved).toContainText(
		'We will email you soon after each new opportunity that matches is published.'
	);
	await expect(saved).toContainText(
		'You hear about the topics you chose and the kinds of opportunity you chose.'
	);
	await expect(page.locator('.error-summary')).toHaveCount(0);
	await expectAccessible(page, 'what you hear about, saved');

	await page.reload();
	await expect(topics.getByLabel('Housing')).toBeChecked();
	await expect(topics.getByLabel('Carers')).not.toBeChecked();
	await expect(kinds.getByLabel('Committee', { exact: true })).toBeChecked();
	await expect(often.getByLabel('As they come')).toBeChecked();
	const row = await profileOf(email);
	expect(row.interests.sort()).toEqual(['housing', 'mental health']);
	expect(row.interest_types).toEqual(['committee']);
	expect(row.notify_rhythm).toBe('as_they_come');

	// The profile shows the topics and sends people here to change them.
	await page.goto('/my/profile');
	await expect(page.getByText('housing, mental health')).toBeVisible();
});

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('the stop link in a real alert email stops the emails', async ({ page, request }, info) => {
		const email = memberFor(info.project.name);
		const db = service();
		const member = await profileOf(email);
		await db
			.from('profiles')
			.update({
				interests: [topicFor(info.project.name)],
				interest_types: ['committee'],
				notify_rhythm: 'weekly'
			})
			.eq('id', member.id);
		// Nothing told to them in the last week, so a weekly member is due at once.
		await db
			.from('opportunity_alerts')
			.update({ sent_at: new Date(Date.now() - 10 * 86_400_000).toISOString() })
			.eq('member_id', member.id);

		const title = `Advice committee (${info.project.name} ${Date.now()})`;
		const created = await db
			.from('opportunities')
			.insert({
				type: 'committee',
				title,
				summary: 'Help us give better advice to people looking for a home.',
				location_type: 'online',
				topics: [topicFor(info.project.name)],
				status: 'published',
				closes_at: '2099-12-31T23:59:59Z'
			})
			.select('id')
			.single();
		expect(created.error).toBeNull();
		const opportunity = (created.data as { id: number }).id;

		try {
			// The alert job, as the server runs it, for this member only (no other account gets mail mid-test).
			const transport = nodemailer.createTransport(process.env.SMTP_URL!);
			const result = await deliverDueAlerts({
				db,
				origin: new URL(info.project.use.baseURL!).origin,
				secret: process.env.SUPABASE_JWT_SECRET!,
				members: [member.id],
				send: async (m) => {
					await transport.sendMail({ from: 'Together <together@example.org>', ...m });
				}
			});
			expect(result).toEqual({ emails: 1, alerts: 1, failed: 0 });
			const mail = (await mailTo(email)).find((m) => m.subject === `New opportunity: ${title}`);
			expect(mail).toBeDefined();
			expect(mail!.text).toContain('Apply by Thursday 31 December 2099.');
			const stop = mail!.text.match(/(https?:\/\/\S+\/notifications\/\S+)\n/)![1]!;
			expect(mail!.headers?.['list-unsubscribe']).toBe(`<${stop}>`);
			expect(mail!.headers?.['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

			await page.goto(stop);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Stop emails about new opportunities?'
			);
			await expect(page.getByText('At the moment we email you at most once a week')).toBeVisible();
			await expectAccessibleWithoutJs(page, 'stop emails?');
			await page.getByRole('button', { name: 'Stop these emails' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'You will not get emails about new opportunities'
			);
			await expect(page.getByRole('status')).toHaveText(
				'Done. We will not email you about new opportunities.'
			);
			await expectAccessibleWithoutJs(page, 'emails stopped');
			expect((await profileOf(email)).notify_rhythm).toBe('off');

			await page.getByRole('button', { name: 'Email me as they come' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Stop emails about new opportunities?'
			);
			await expect(page.getByRole('status')).toHaveText(
				'Done. We will email you soon after each new opportunity that matches is published.'
			);
			await expectAccessibleWithoutJs(page, 'emails started again');
			expect((await profileOf(email)).notify_rhythm).toBe('as_they_come');
			await expect(page.getByRole('link', { name: 'sign in and go to What you hear about' })).toHaveAttribute(
				'href',
				'/sign-in?next=/my/notifications'
			);

			// One-click unsubscribe: the mail client POSTs from elsewhere, with no Origin header.
			const oneClick = await request.post(stop, { form: { 'List-Unsubscribe': 'One-Click' } });
			expect(oneClick.status()).toBe(200);
			expect((await profileOf(email)).notify_rhythm).toBe('off');

			// Every other form still refuses posts from other sites.
			for (const headers of [{ origin: 'https://elsewhere.example' }, {}] as Record<string, string>[]) {
				const forged = await request.post('/my/notifications', { form: { rhythm: 'as_they_come' }, headers });
				expect(forged.status()).toBe(403);
			}
			expect((await profileOf(email)).notify_rhythm).toBe('off');

			// A tampered link says plainly that it does not work.
			const response = await page.goto(stop.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
			expect(response?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
			await expect(page).toHaveTitle('This link does not work – Together');
			await expectAccessibleWithoutJs(page, 'a link that does not work');
			const post = await request.post(`${stop}x`, { form: { 'List-Unsubscribe': 'One-Click' } });
			expect(post.status()).toBe(404);
		} finally {
			await db.from('opportunities').update({ status: 'archived' }).eq('id', opportunity);
		}
	});
});
