// Staff and finance pay a member's claim: the member's claim (sent through the API with their own
// JWT, to keep this journey about staff: the member's own pages have their journey in claims.e2e.ts),
// staff ask a question, the member answers on their claim's page, staff approve, finance makes a
// payment run, exports the file (the only place with full bank details) and marks it paid; the member
// sees "paid" and the tax-year total on their pages. axe on every page and state.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { formatPence } from '$lib/payments';
import { expect, expectAccessible, nextMail, seenBy, signIn, signOut, test } from './fixtures';

const PEOPLE = {
	phone: {
		member: { email: 'callum.fraser@example.org', name: 'Callum Fraser', method: 'bank' },
		staff: 'ewan.quinn@example.org',
		finance: 'priti.desai@example.org'
	},
	desktop: {
		member: { email: 'tariq.mahmood@example.org', name: 'Tariq Mahmood', method: 'vouchers' },
		staff: 'harriet.okoro@example.org',
		finance: 'lucas.ferreira@example.org'
	}
} as const;

const env = (name: string) => {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run with npm run test:e2e`);
	return value;
};
const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/** The member's own database client, as the app gives them: their id in a short-lived JWT. */
async function memberClient(email: string): Promise<{ db: SupabaseClient }> {
	const service = createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), options);
	const { data } = await service.from('profiles').select('id').eq('email', email).single();
	const id = (data as { id: string }).id;
	const token = await new SignJWT({ role: 'authenticated', app_role: 'member', aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(id)
		.setIssuedAt()
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(env('SUPABASE_JWT_SECRET')));
	return {
		db: createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
			...options,
			accessToken: async () => token
		})
	};
}

function taxYearNow(): number {
	const d = new Date();
	const y = d.getUTCFullYear();
	return d.getUTCMonth() > 3 || (d.getUTCMonth() === 3 && d.getUTCDate() >= 6) ? y : y - 1;
}

test('staff question and approve a claim; finance pays it in a run', async ({ page, browser }, info) => {
	test.setTimeout(300_000);
	const who = PEOPLE[info.project.name as 'phone' | 'desktop'];
	const { db: member } = await memberClient(who.member.email);

	// The member claims the fee and mileage for the steering group meeting 19 days ago.
	const { data: meetings } = await member.rpc('claimable_meetings');
	const meeting = (
		meetings as { involvement_id: number; meeting_id: number; claim_id: number | null; starts_at: string }[]
	)
		.filter((m) => m.claim_id === null)
		.sort((a, b) => b.starts_at.localeCompare(a.starts_at))[0]!;
	const { data: started, error: startError } = await member.rpc('start_claim', {
		involvement: meeting.involvement_id,
		meeting: meeting.meeting_id,
		activity_on: null,
		request_key: randomUUID()
	});
	expect(startError).toBeNull();
	const claim = started as { id: number; reference: string };
	for (const line of [
		{ category: 'fee' },
		{ category: 'mileage', miles: 12.4, vehicle: 'car', description: 'Home to the Riverside Hub and back' }
	]) {
		const { error } = await member
			.from('claim_lines')
			.insert({ claim_id: claim.id, amount_pence: 0, ...line });
		expect(error).toBeNull();
	}
	const { data: sent, error: submitError } = await member.rpc('submit_claim', {
		claim: claim.id,
		method: who.member.method,
		request_key: randomUUID()
	});
	expect(submitError).toBeNull();
	expect((sent as { status: string }).status).toBe('submitted');
	const { data: totalsBefore } = await member.rpc('member_claim_totals');
	const paidBefore = (
		totalsBefore as { tax_year: number; fees_paid_pence: number; expenses_paid_pence: number }[]
	).find((t) => t.tax_year === taxYearNow()) ?? { fees_paid_pence: 0, expenses_paid_pence: 0 };

	// Staff find it in the queue.
	await signIn(page, who.staff);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home');
	await expect(page.getByRole('link', { name: 'Payment runs' })).toHaveCount(0);
	await expect(page.locator('.card').filter({ hasText: 'Claims' })).toContainText(
		/\d+ claims? (is|are) waiting for approval/
	);
	await expectAccessible(page, 'staff home with claims');
	await page.getByRole('link', { name: 'Claims', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
	await expectAccessible(page, 'claims queue');
	await page.getByLabel('Member’s name').fill(who.member.name.split(' ')[0]!);
	await page.getByRole('button', { name: 'Show claims' }).click();
	await expect(page).toHaveURL(/q=/);
	await expectAccessible(page, 'claims queue filtered');
	await page.getByRole('link', { name: claim.reference }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Claim ${claim.reference}`);
	await expect(page.getByText('12.4 miles by car or van')).toBeVisible();
	await expect(page.getByText('Waiting for approval')).toBeVisible();
	await expectAccessible(page, 'claim page');

	// Nothing chosen, then a question with no words: plain errors.
	await page.getByRole('button', { name: 'Save decision' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary.getByRole('link')).toHaveText(['Choose what to do with this claim']);
	await expect(page).toHaveTitle(/^Error: /);
	await expectAccessible(page, 'claim decision with errors');
	await page
		.getByRole('group', { name: 'What do you want to do?' })
		.getByLabel('Ask the member a question')
		.check();
	await page.getByRole('button', { name: 'Save decision' }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'Write a message to the member: your question, or why the claim is rejected'
	]);
	const question = `How did you travel 12.4 miles? (${info.project.name})`;
	const seen = await seenBy(who.member.email);
	await page.getByLabel('Message to the member').fill(question);
	await page.getByRole('button', { name: 'Save decision' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Your question is sent. We have emailed the member to look in Together.'
	);
	await expect(page.getByText('Question for the member')).toBeVisible();
	await expectAccessible(page, 'claim with a question');
	const mail = await nextMail(who.member.email, seen);
	expect(mail.subject).toBe('You have a question about your claim — see the portal');
	expect(mail.text).not.toContain(question);

	// The member answers on their claim's page, in their own browser.
	const memberContext = await browser.newContext({
		viewport: page.viewportSize(),
		isMobile: info.project.name === 'phone',
		hasTouch: info.project.name === 'phone'
	});
	const memberPage = await memberContext.newPage();
	await signIn(memberPage, who.member.email);
	await memberPage.goto(`/my/claims/${claim.id}`);
	await expect(memberPage.locator('.notice').getByText(question)).toBeVisible();
	await memberPage.getByLabel('Your reply').fill('By car, there and back.');
	await memberPage.getByRole('button', { name: 'Send your reply' }).click();
	await expect(memberPage.getByText('Your reply is sent. We will look at your claim again.')).toBeVisible();

	await page.reload();
	await expect(page.getByText('By car, there and back.')).toBeVisible();
	await expect(page.getByText('Waiting for approval').first()).toBeVisible();
	await page.getByRole('group', { name: 'What do you want to do?' }).getByLabel('Approve it').check();
	await page.getByRole('button', { name: 'Save decision' }).click();
	await expect(page.getByRole('status')).toHaveText('Claim approved. It will go in the next payment run.');
	await expectAccessible(page, 'claim approved');

	// Only finance may see payment runs.
	const refused = await page.goto('/admin/payment-runs');
	expect(refused?.status()).toBe(403);
	await expect(page.getByText('Only the finance team can do this.')).toBeVisible();
	await expectAccessible(page, 'payment runs refused');
	expect((await page.goto('/admin/settings'))?.status()).toBe(403);
	await expect(page.getByText('Only admins can change payment settings.')).toBeVisible();
	await signOut(page);

	// Finance makes the run.
	await signIn(page, who.finance);
	await page.getByRole('link', { name: 'Payment runs' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment runs');
	await expectAccessible(page, 'payment runs');
	await page.getByRole('button', { name: 'Make the payment run' }).click();
	await expect(summary.getByRole('link')).toHaveText(['Choose which claims to put in the run']);
	await expectAccessible(page, 'payment run with errors');
	await page
		.getByRole('group', { name: 'Which approved claims go in the run?' })
		.getByLabel(who.member.method === 'bank' ? /^Bank transfer/ : /^Vouchers/)
		.check();
	await page.getByRole('button', { name: 'Make the payment run' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Payment run RUN-\d{4}$/);
	const runReference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
		'Payment run ',
		''
	);
	await expect(page.getByRole('link', { name: claim.reference })).toBeVisible();
	await expectAccessible(page, 'payment run made');

	// The file: one row per claim; full bank details only in a bank file, and only here.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export the file (CSV)' }).click();
	const file = await readFile(await (await download).path(), 'utf8');
	const rows = file.trim().split('\r\n');
	const ours = rows.find((r) => r.includes(claim.reference))!;
	expect(ours).toBeTruthy();
	const { data: approved } = await member.from('claims').select('total_pence').eq('id', claim.id).single();
	const total = (approved as { total_pence: number }).total_pence;
	const money = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
	if (who.member.method === 'bank') {
		expect(rows[0]).toBe(
			'"Account name","Sort code","Account number","Amount","Payment reference","Member","Claim"'
		);
		const cells = ours.split('","').map((c) => c.replace(/"/g, ''));
		expect(cells[1]).toMatch(/^\d{6}$/);
		expect(cells[2]).toMatch(/^\d{8}$/);
		expect(cells[3]).toBe(money);
		expect(cells[4]).toBe(`${runReference} ${claim.reference}`);
		// The pages never show them.
		expect(await page.content()).not.toContain(cells[2]!);
	} else {
		expect(rows[0]).toBe('"Member","Email","Amount","Payment reference","Claim"');
		expect(ours).toBe(
			`"${who.member.name}","${who.member.email}","${money}","${runReference} ${claim.reference}","${claim.reference}"`
		);
	}

	// Marked paid: a missing reference first, then done.
	await page.getByRole('button', { name: 'Mark as paid' }).click();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter the payment reference from the bank or voucher supplier'
	]);
	await expectAccessible(page, 'mark paid with errors');
	const bankReference = `BACS ${info.project.name} ${Date.now() % 100000}`;
	await page.getByLabel('Payment reference').fill(bankReference);
	await page.getByRole('button', { name: 'Mark as paid' }).click();
	await expect(page.getByRole('status')).toHaveText('Payment run marked paid. Members can see it now.');
	await expectAccessible(page, 'payment run paid');

	// The member sees it paid at once, and in this tax year's total.
	const { data: paid } = await member
		.from('claims')
		.select('status, paid_reference')
		.eq('id', claim.id)
		.single();
	expect(paid).toEqual({ status: 'paid', paid_reference: bankReference });
	const { data: totalsAfter } = await member.rpc('member_claim_totals');
	const year = (
		totalsAfter as { tax_year: number; fees_paid_pence: number; expenses_paid_pence: number }[]
	).find((t) => t.tax_year === taxYearNow())!;
	expect(year.fees_paid_pence + year.expenses_paid_pence).toBe(
		paidBefore.fees_paid_pence + paidBefore.expenses_paid_pence + total
	);
	await memberPage.goto(`/my/claims/${claim.id}`);
	await expect(memberPage.locator('dd').filter({ hasText: /^Paid$/ })).toBeVisible();
	await expect(memberPage.getByText(bankReference)).toBeVisible();
	await expectAccessible(memberPage, 'member sees the claim paid');
	await memberPage.goto('/my/claims');
	const thisYear = memberPage.getByRole('row', { name: /^This tax year/ });
	await expect(thisYear.getByRole('cell')).toHaveText([
		formatPence(year.fees_paid_pence),
		formatPence(year.expenses_paid_pence),
		/^£/
	]);
	await memberContext.close();

	// The year's totals on the payment runs page include it.
	await page.getByRole('link', { name: 'All payment runs' }).click();
	await expect(page.getByRole('heading', { name: 'Money paid in the financial year' })).toBeVisible();
	await expectAccessible(page, 'payment runs with the year’s totals');
});
