// Together on a bus with no signal: installable, pages a member looked at open offline (marked as
// saved), forms sent offline wait in the outbox and arrive exactly once, and signing out leaves
// nothing of the member on the phone.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

// Members used by no other browser test; one set per project, as phone and desktop run at once.
const ACCOUNTS = {
	phone: { applies: 'joanne.pearson@example.org', claims: 'shona.mckenzie@example.org' },
	desktop: { applies: 'robert.greenwood@example.org', claims: 'katarzyna.wojcik@example.org' }
} as const;
const accountsFor = (project: string) => (project === 'phone' ? ACCOUNTS.phone : ACCOUNTS.desktop);
const BLOG = 'Write a blog about your experience of care';

const service = () =>
	createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false }
	});

async function memberId(email: string): Promise<string> {
	const { data, error } = await service().from('profiles').select('id').eq('email', email).single();
	if (error) throw error;
	return data.id as string;
}

/** A new open opportunity with no questions (a copy of the blog one), so applying is one press. */
async function newOpportunity(title: string): Promise<number> {
	const db = service();
	const { data: blog, error } = await db.from('opportunities').select('*').eq('title', BLOG).single();
	if (error) throw error;
	const copy = { ...blog, title, topics: [], closes_at: new Date(Date.now() + 30 * 864e5).toISOString() };
	for (const k of ['id', 'search', 'search_cy', 'created_at', 'updated_at'])
		delete (copy as Record<string, unknown>)[k];
	const { data, error: e2 } = await db.from('opportunities').insert(copy).select('id').single();
	if (e2) throw e2;
	return data.id as number;
}

async function applications(member: string, opportunity: number) {
	const { data, error } = await service()
		.from('applications')
		.select('id, status')
		.eq('member_id', member)
		.eq('opportunity_id', opportunity);
	if (error) throw error;
	return data;
}

/** No signal for the page and for the service worker's own requests alike. */
async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
}
async function goOnline(context: BrowserContext) {
	await context.unroute('**/*');
	await context.setOffline(false);
}

/** The built file holding one page's code (from the build's own list of files). */
function pageCode(page: string): string {
	const built = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Record<
		string,
		{ file: string }
	>;
	const node = Object.entries(built).find(
		([key]) => key.includes('/nodes/') && readFileSync(key, 'utf8').includes(`/${page}"`)
	);
	if (!node) throw new Error(`No built code for ${page}`);
	return node[1].file;
}

/** Waits until the service worker controls the page (it takes over on its first install). */
async function workerInControl(page: Page) {
	// The first install fetches every file to keep: allow for a busy machine.
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 45_000 });
}

// Each journey installs the worker afresh and goes on and off line: slower than most.
test.describe.configure({ timeout: 120_000 });

const waiting = (page: Page) => page.getByRole('link', { name: /^Waiting to send \(\d+\)$/ });

test.afterAll(async () => {
	await service().from('opportunities').update({ status: 'archived' }).like('title', 'Offline check:%');
});

test('installable: a manifest with no errors, a worker in control, its file compressed with the list', async ({
	page,
	request
}) => {
	await page.goto('/');
	await workerInControl(page);
	const cdp = await page.context().newCDPSession(page);
	const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
	expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
	expect(manifest.errors).toEqual([]);
	const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
		installabilityErrors: { errorId: string }[];
	};
	// Test browsers run in a private window, where Chromium never installs: that one is not the app's.
	expect(installability.installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

	// As a browser fetches it: the brotli copy, with the list of files to keep.
	const worker = await request.get('/service-worker.js', { headers: { 'accept-encoding': 'br' } });
	expect(worker.ok()).toBe(true);
	expect(worker.headers()['content-encoding']).toBe('br');
	const code = await worker.text();
	expect(code).toContain('"url":"/offline"');
	expect(code).toMatch(/_app\/immutable\/[^"]+\.js/);
	expect(code).not.toContain('self.__WB_MANIFEST');
	// A member page's code is in the list; a staff page's is not.
	expect(code.includes(`"${pageCode('src/routes/my/claims/+page.svelte')}"`), 'member code kept').toBe(true);
	expect(code.includes(pageCode('src/routes/admin/+page.svelte')), 'staff code left out').toBe(false);

	await page.goto('/install');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Put Together on your phone');
	await expectAccessible(page, 'install help');
	await page.goto('/offline');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have no signal');
	await expectAccessible(page, 'offline page');
});

test('an opportunity looked at opens with no signal, marked as saved on this phone', async ({
	page,
	context
}, info) => {
	const email = accountsFor(info.project.name).applies;
	await signIn(page, email);
	await workerInControl(page);
	await page.goto('/opportunities');
	await page.getByRole('link', { name: BLOG }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(BLOG);
	const url = page.url();
	await page.goto(url); // a full load, so the worker keeps it
	// The mark appears once the page's code has started: slow on a busy machine.
	const savedMark = page.getByText(/^Saved on this phone — last updated \d\d:\d\d today$/);

	// Weak signal: the phone thinks it is online, but nothing gets through. Following a link opens
	// the kept copy rather than an error.
	await page.goto('/opportunities');
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
	await page.getByRole('link', { name: BLOG }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(BLOG);
	await expect(savedMark).toBeVisible({ timeout: 15_000 });
	await context.unroute('**/*');

	await goOffline(context);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(BLOG);
	await expect(savedMark).toBeVisible({ timeout: 15_000 });
	await expectAccessible(page, 'opportunity served from the phone');

	// A page never looked at: the offline page instead.
	await page.goto('/my/claims');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have no signal');
	await goOnline(context);
});

async function applyOffline(page: Page, context: BrowserContext, id: number) {
	await page.goto(`/opportunities/${id}/apply`);
	await page.getByRole('button', { name: 'Start your application' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Check your answers before sending your application'
	);
	await page.reload(); // a full load, so the worker keeps the page
	// Sent before the page's code has started, the form would be a plain post, which needs signal.
	await expect(page.locator('html[data-started]')).toHaveCount(1);
	await goOffline(context);
	await page.getByRole('button', { name: 'Send application' }).click();
	await expect(waiting(page)).toHaveText('Waiting to send (1)');
}

test('apply with no signal: waits in the outbox, then arrives exactly once', async ({
	page,
	context
}, info) => {
	test.setTimeout(120_000);
	const email = accountsFor(info.project.name).applies;
	const member = await memberId(email);
	const stamp = `${info.project.name} ${Date.now()}`;
	await signIn(page, email);
	await workerInControl(page);

	// 1. Plainly: offline, then online.
	const first = await newOpportunity(`Offline check: travel survey (${stamp})`);
	await applyOffline(page, context, first);
	await page.getByRole('link', { name: 'Waiting to send (1)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting to send');
	await expect(
		page.getByRole('heading', { level: 2, name: /Your application: Offline check: travel/ })
	).toBeVisible();
	await expectAccessible(page, 'waiting to send, one application');
	await goOnline(context);
	await expect(waiting(page)).toHaveCount(0, { timeout: 15_000 });
	await expect(page.getByText('Nothing is waiting on this phone.')).toBeVisible();
	await expect
		.poll(async () => (await applications(member, first)).map((a) => a.status))
		.toEqual(['submitted']);

	// 2. The first two tries fail at the network: still one application.
	const second = await newOpportunity(`Offline check: newsletter ideas (${stamp})`);
	await applyOffline(page, context, second);
	let tries = 0;
	await context.route(`**/opportunities/${second}/apply/check`, (route) =>
		route.request().method() === 'POST' && ++tries <= 2 ? route.abort('connectionreset') : route.continue()
	);
	await goOnline(context);
	await expect(waiting(page)).toHaveCount(0, { timeout: 30_000 });
	expect(tries).toBeGreaterThanOrEqual(3);
	await expect
		.poll(async () => (await applications(member, second)).map((a) => a.status))
		.toEqual(['submitted']);
	await context.unroute(`**/opportunities/${second}/apply/check`);

	// 3. Reloaded while offline: the outbox is still there, and it arrives once.
	const third = await newOpportunity(`Offline check: claim form testing (${stamp})`);
	await applyOffline(page, context, third);
	await page.reload();
	// The count shows once the page's code has started and read the outbox: slower on a busy machine.
	await expect(waiting(page)).toHaveText('Waiting to send (1)', { timeout: 15_000 });
	await goOnline(context);
	await expect(waiting(page)).toHaveCount(0, { timeout: 15_000 });
	await expect
		.poll(async () => (await applications(member, third)).map((a) => a.status))
		.toEqual(['submitted']);

	// 4. Closed meanwhile: the member is told, and the draft is kept.
	const fourth = await newOpportunity(`Offline check: closing soon (${stamp})`);
	await applyOffline(page, context, fourth);
	await service()
		.from('opportunities')
		.update({ closes_at: new Date(Date.now() - 1000).toISOString() })
		.eq('id', fourth);
	await goOnline(context);
	await expect(page.getByRole('link', { name: 'Not sent (1): see why' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('link', { name: 'Not sent (1): see why' }).click();
	await expect(page.getByText(/This opportunity closed before your application arrived/)).toBeVisible();
	expect((await applications(member, fourth)).map((a) => a.status)).toEqual(['draft']);
	await expectAccessible(page, 'waiting to send, one not accepted');
	await goOnline(context);

	// 5. Sent as a plain form before the page's code had started (a slow phone): the phone says
	// plainly that nothing was sent, and going back finds the page as it was.
	const fifth = await newOpportunity(`Offline check: sent too early (${stamp})`);
	await page.goto(`/opportunities/${fifth}/apply`);
	await page.getByRole('button', { name: 'Start your application' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Check your answers before sending your application'
	);
	await page.reload(); // a full load, so the worker keeps the page
	await goOffline(context);
	// form.submit() sends it as the browser does without the page's code: no submit event to catch.
	await page.evaluate(() =>
		HTMLFormElement.prototype.submit.call(document.querySelector<HTMLFormElement>('form[data-outbox]')!)
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This was not sent: you have no signal');
	await expectAccessible(page, 'a form sent with no signal before the page had started');
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Check your answers before sending your application'
	);
	expect((await applications(member, fifth)).map((a) => a.status)).toEqual(['draft']);
	await goOnline(context);
});

test('sent with no signal before the offline code has loaded, an application still waits in the outbox', async ({
	browser,
	baseURL
}, info) => {
	// No service worker here, so the page's own requests can be held back: the code for working
	// offline loads after the page has started (see src/routes/+layout.svelte), and on a slow phone a
	// member can press "Send application" before it has.
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		const email = accountsFor(info.project.name).applies;
		const member = await memberId(email);
		await signIn(page, email);
		const id = await newOpportunity(`Offline check: early send (${info.project.name} ${Date.now()})`);
		await page.goto(`/opportunities/${id}/apply`);
		await page.getByRole('button', { name: 'Start your application' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending your application'
		);

		// The page's files come through the test (so also with no signal, as a service worker would
		// give them); the offline code's own file is handed over only when released.
		const built = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Record<
			string,
			{ file: string }
		>;
		const offlineCode = built['src/lib/components/OfflineStatus.svelte']!.file;
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			const response = await route.fetch();
			if (route.request().url().endsWith(offlineCode)) await released;
			await route.fulfill({ response });
		});
		await page.reload();
		await expect(page.locator('html[data-started]')).toHaveCount(1);
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Send application' }).click();
		// Held on the phone, not tried on the network: no error page, nothing sent.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending your application'
		);
		release();
		await expect(waiting(page)).toHaveText('Waiting to send (1)');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending your application'
		);
		expect((await applications(member, id)).map((a) => a.status)).toEqual(['draft']);

		await context.setOffline(false);
		await expect(waiting(page)).toHaveCount(0, { timeout: 15_000 });
		await expect
			.poll(async () => (await applications(member, id)).map((a) => a.status))
			.toEqual(['submitted']);
	} finally {
		await context.close();
	}
});

/** Starts a claim through the pages and returns its id, on its page. */
async function startClaim(page: Page): Promise<number> {
	await page.goto('/my/claims/new');
	const choices = page.getByRole('group', { name: 'What are you claiming for?' }).getByRole('radio');
	await choices.first().check();
	if ((await choices.first().getAttribute('value')) === 'other') {
		await page.getByLabel('What were you taking part in?').selectOption({ index: 1 });
		const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
		await page.getByLabel('The date you did it').fill(today);
	}
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/my\/claims\/\d+$/);
	return Number(new URL(page.url()).pathname.split('/').pop());
}

test('a cost with a receipt added with no signal arrives once, the receipt intact', async ({
	page,
	context
}, info) => {
	const email = accountsFor(info.project.name).claims;
	await signIn(page, email);
	await workerInControl(page);
	const claim = await startClaim(page);
	await page.reload(); // a full load, so the worker keeps the page
	await expect(page.locator('html[data-started]')).toHaveCount(1);

	const receipt = readFileSync('static/icons/icon-192.png');
	await goOffline(context);
	await page.getByRole('group', { name: 'What was it for?' }).getByRole('radio').first().check();
	await page.getByLabel('How much did you pay, in pounds?').fill('4.60');
	await page.getByLabel('What it was (optional)').fill('Bus there and back');
	await page.getByLabel('Photo or file of the receipt').setInputFiles({
		name: 'bus-ticket.png',
		mimeType: 'image/png',
		buffer: receipt
	});
	await page.getByRole('button', { name: 'Add this cost' }).click();
	await expect(waiting(page)).toHaveText('Waiting to send (1)');
	await page.reload(); // the receipt survives on the phone
	await expect(waiting(page)).toHaveText('Waiting to send (1)', { timeout: 15_000 });

	await goOnline(context);
	// Sent when the signal comes back, and tried again (2, 4, 8… s apart) if a try fails: on a busy
	// machine a receipt's upload can take a second try.
	await expect(waiting(page)).toHaveCount(0, { timeout: 30_000 });
	const db = service();
	const { data: claims } = await db
		.from('claims')
		.select('id')
		.eq('member_id', await memberId(email))
		.eq('id', claim);
	expect(claims).toHaveLength(1);
	const { data: lines } = await db
		.from('claim_lines')
		.select('category, amount_pence, receipt_id')
		.eq('claim_id', claim)
		.not('receipt_id', 'is', null);
	expect(lines).toHaveLength(1);
	expect(lines![0]!.amount_pence).toBe(460);
	const { data: upload } = await db
		.from('uploads')
		.select('sha256, data')
		.eq('id', lines![0]!.receipt_id)
		.single();
	const sent = createHash('sha256').update(receipt).digest('hex');
	expect(upload!.sha256).toBe(sent);
	const stored = Buffer.from(String(upload!.data).replace(/^\\x/, ''), 'hex');
	expect(createHash('sha256').update(stored).digest('hex')).toBe(sent);
});

test('signing out leaves no page of the member on the phone, offline or online', async ({
	page,
	context
}, info) => {
	const email = accountsFor(info.project.name).claims;
	await signIn(page, email);
	await workerInControl(page);
	await page.goto('/my/claims');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My claims');
	const member = await memberId(email);
	await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`together-pages-v1-${member}`);

	await page.goto('/sign-out');
	await expectAccessible(page, 'sign out');
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
	expect(
		(await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('together-pages-'))
	).not.toContain(`together-pages-v1-${member}`);

	await goOffline(context);
	await page.goto('/my/claims');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have no signal');
	await goOnline(context);
	await page.goto('/my/claims');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy%2Fclaims$/);
});

/**
 * Together as it would be after a new version is put live: a proxy in front of the app (its own
 * origin, so its own worker) that serves a changed worker once `release()` is called.
 */
async function deployable(target: string) {
	const { createServer } = await import('node:http');
	let released = false;
	const server = createServer(async (req, res) => {
		const upstream = await fetch(new URL(req.url ?? '/', target), {
			method: req.method,
			headers: { cookie: req.headers.cookie ?? '', accept: req.headers.accept ?? '*/*' },
			redirect: 'manual'
		});
		let body: Buffer | string = Buffer.from(await upstream.arrayBuffer());
		if (released && req.url?.startsWith('/service-worker.js')) body = `${body}\n// the next version\n`;
		const headers = Object.fromEntries(
			[...upstream.headers].filter(
				([k]) =>
					!['connection', 'content-encoding', 'content-length', 'keep-alive', 'transfer-encoding'].includes(k)
			)
		);
		res.writeHead(upstream.status, headers);
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		origin: `http://localhost:${port}`,
		release: () => (released = true),
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

test('a new version waits for the member to reload; nothing typed is lost', async ({ page, baseURL }) => {
	const together = await deployable(baseURL!);
	try {
		await page.goto(`${together.origin}/opportunities`);
		await workerInControl(page);
		const search = page.getByLabel('Search');
		await search.fill('carers');

		together.release();
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const reload = page.getByRole('button', { name: 'Reload' });
		await expect(page.getByText('A new version is ready.')).toBeVisible({ timeout: 30_000 });
		await expect(search).toHaveValue('carers');
		await expectAccessible(page, 'a new version ready');

		// The member chooses: the new version takes over and the page loads again in it.
		await reload.click();
		await expect(reload).toBeHidden({ timeout: 30_000 });
		await expect
			.poll(() =>
				page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return registration?.waiting === null && navigator.serviceWorker.controller !== null;
				})
			)
			.toBe(true);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	} finally {
		await together.close();
	}
});
