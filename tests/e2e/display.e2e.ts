// Display settings and read aloud: every theme and easy read pass axe on every member page, pages
// reflow at 320 px and 200 % text, text spacing loses nothing, forced colours keep focus and
// controls visible, reduced motion stops animation, settings follow the member to a new device,
// the form works without JavaScript, and the Listen control appears only where it can work.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { codeIn, expect, expectAccessible, nextMail, seenBy, signIn, signOut, test } from './fixtures';
import {
	COOKIE_NAME,
	DEFAULT_SETTINGS,
	FONTS,
	LANGUAGES,
	MOTIONS,
	PICTURES,
	TEXT_SIZES,
	THEMES,
	serialiseCookie,
	type DisplaySettings
} from '../../src/lib/preferences/display';

/** This file's accounts: a different member per project, so the two projects never share one. */
const MEMBERS = {
	phone: { saved: 'marcus.campbell-reid@example.org', changes: 'sinead.gallagher@example.org' },
	desktop: { saved: 'eleanor.brooks@example.org', changes: 'mohammed.farouk@example.org' }
} as const;
const membersFor = (project: string) => (project === 'phone' ? MEMBERS.phone : MEMBERS.desktop);

const PUBLIC_PAGES = ['/', '/opportunities', '/steering-group', '/accessibility', '/settings/display'];
const MEMBER_PAGES = [
	'/my',
	'/my/profile',
	'/my/applications',
	'/my/saved',
	'/my/notifications',
	'/my/bookings',
	'/my/claims',
	'/my/adjustments',
	'/my/access-needs',
	'/my/feedback',
	'/my/skills',
	'/my/ideas',
	'/my/data',
	'/my/waiting',
	'/ideas'
];

/** An opportunity with an easy-read version: the first steering group one, as in the browse test. */
async function anOpportunity(page: Page): Promise<string> {
	await page.goto('/opportunities?q=steering+group');
	const href = await page.locator('.card h2 a').first().getAttribute('href');
	expect(href).toMatch(/^\/opportunities\/\d+$/);
	return href!;
}

async function useCookie(context: BrowserContext, settings: Partial<DisplaySettings>) {
	await context.addCookies([
		{
			name: COOKIE_NAME,
			value: serialiseCookie({ ...DEFAULT_SETTINGS, ...settings }),
			url: test.info().project.use.baseURL ?? process.env.TEST_ORIGIN ?? 'http://localhost:4173'
		}
	]);
}

/** Chooses settings on the settings page (mouse or touch) and saves them. */
async function choose(page: Page, settings: Partial<DisplaySettings>) {
	await page.goto('/settings/display');
	const labels: Record<keyof DisplaySettings, [string, Record<string, string>]> = {
		textSize: ['Text size', TEXT_SIZES],
		theme: ['Colours', THEMES],
		font: ['Font', FONTS],
		lineSpacing: ['Space between lines', { standard: 'Standard', wide: 'Wide', wider: 'Wider' }],
		letterSpacing: ['Space between letters and words', { standard: 'Standard', wide: 'Wide' }],
		motion: ['Moving things', MOTIONS],
		easyRead: ['Show easy read first', { on: 'On', off: 'Off' }],
		readAloud: ['Read pages aloud', { on: 'On', off: 'Off' }],
		pictures: ['Pictures beside easy read', PICTURES],
		language: ['Language', LANGUAGES]
	};
	for (const [key, value] of Object.entries(settings) as [keyof DisplaySettings, string][]) {
		const [legend, options] = labels[key];
		await page
			.getByRole('group', { name: legend, exact: true })
			.getByLabel(options[value]!, { exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Your display settings are saved')).toBeVisible();
}

/** No sideways scrolling (WCAG 1.4.10); if there is, which elements stick out. */
async function expectNoSidewaysScroll(page: Page, state: string) {
	const { scroll, client, wide } = await page.evaluate(() => {
		const client = document.documentElement.clientWidth;
		const wide: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			const box = el.getBoundingClientRect();
			if (
				box.right > client + 1 &&
				!(el.parentElement && el.parentElement.getBoundingClientRect().right > client + 1)
			)
				wide.push(
					`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.width)} px) "${el.textContent?.trim().slice(0, 30)}"`
				);
		}
		return { scroll: document.documentElement.scrollWidth, client, wide };
	});
	expect(scroll, `sideways scrolling on ${state}: ${wide.join('; ')}`).toBeLessThanOrEqual(client);
}

/**
 * Adds a stylesheet as a member's own style sheet or a text-spacing bookmarklet would: a constructed
 * sheet, which the page's Content-Security-Policy (style-src-elem) rightly does not cover, where an
 * inline <style> from outside the page would be refused.
 */
async function addUserStyle(page: Page, css: string) {
	await page.evaluate((text) => {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(text);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	}, css);
}

/** WCAG 1.4.12: with wider text spacing forced on, no box cuts its content off. */
async function expectTextSpacingKeepsContent(page: Page, state: string) {
	await addUserStyle(
		page,
		`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
			p { margin-bottom: 2em !important; }`
	);
	const clipped = await page.evaluate(() => {
		const found: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			if (el.closest('.visually-hidden, .skip-link, .table-wrap, [hidden]')) continue;
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			const hides = (o: string) => o === 'hidden' || o === 'clip';
			const x = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
			const y = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
			if (x || y)
				found.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 40)}"`);
		}
		return found;
	});
	expect(clipped, `content cut off with text spacing on ${state}`).toEqual([]);
	await expectNoSidewaysScroll(page, `${state} with text spacing`);
}

async function newDevice(browser: Browser, page: Page): Promise<Page> {
	const context = await browser.newContext({
		viewport: page.viewportSize(),
		isMobile: test.info().project.name === 'phone',
		hasTouch: test.info().project.name === 'phone',
		locale: 'en-GB',
		timezoneId: 'Europe/London'
	});
	return context.newPage();
}

test('settings saved in the profile reach a new device at sign-in', async ({ page }, info) => {
	const { saved } = membersFor(info.project.name);
	// Before signing in, this fresh device shows the standard look.
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'standard');
	await signIn(page, saved);
	if (info.project.name === 'phone') {
		// Marcus: 200 % text, yellow on black, Atkinson Hyperlegible, reduced motion and read aloud.
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'yellow');
		await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
		await expect(page.locator('html')).toHaveAttribute('data-font', 'atkinson');
		const size = await page.locator('html').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBe(32);
		const colour = await page.locator('main h1').evaluate((el) => getComputedStyle(el).color);
		expect(colour).toBe('rgb(255, 255, 0)');
		await expect(page.getByRole('group', { name: 'Listen to this page' })).toBeVisible();
		// The font comes from this site, only as woff2, because it was chosen.
		const fonts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((n) => /atkinson/i.test(n))
		);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font).toMatch(new RegExp(`^${new URL(page.url()).origin}/.*\\.woff2$`));
	} else {
		// Eleanor: cream background, 125 % text, and easy read first.
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'cream');
		await expect(page.locator('html')).toHaveAttribute('data-text-size', '125');
		const href = await anOpportunity(page);
		await page.goto(href);
		await expect(page.getByRole('link', { name: 'Easy read', exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		expect(await page.locator('.easy-read li').count()).toBeGreaterThan(0);
		await expectAccessible(page, 'opportunity opening in easy read');
		await page.getByRole('link', { name: 'Standard', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'About this opportunity' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Standard', exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}
	// Signing out leaves this device looking the same.
	await signOut(page);
	await expect(page.locator('html')).toHaveAttribute(
		'data-theme',
		info.project.name === 'phone' ? 'yellow' : 'cream'
	);
});

const VARIANTS: [string, Partial<DisplaySettings>][] = [
	['standard', { ...DEFAULT_SETTINGS }],
	['high contrast dark', { ...DEFAULT_SETTINGS, theme: 'dark', readAloud: 'on' }],
	['yellow on black', { ...DEFAULT_SETTINGS, theme: 'yellow', font: 'atkinson', readAloud: 'on' }],
	['soft cream', { ...DEFAULT_SETTINGS, theme: 'cream', lineSpacing: 'wider', letterSpacing: 'wide' }],
	['easy read first', { ...DEFAULT_SETTINGS, easyRead: 'on', textSize: '150' }]
];

for (const [name, settings] of VARIANTS) {
	test(`${name}: axe finds nothing on any member page, and nothing scrolls sideways`, async ({
		page
	}, info) => {
		// Themes and easy read are checked at 360×800; the standard look at desktop size as well.
		test.skip(name !== 'standard' && info.project.name !== 'phone', 'checked on the phone');
		test.setTimeout(300_000);
		await signIn(page, membersFor(info.project.name).saved);
		await choose(page, settings);
		await expect(page.locator('html')).toHaveAttribute('data-theme', settings.theme!);
		const opportunity = await anOpportunity(page);
		for (const path of [...PUBLIC_PAGES, ...MEMBER_PAGES, opportunity, `${opportunity}?view=easy-read`]) {
			await page.goto(path);
			if (path === opportunity) {
				// Easy read first opens the easy-read view; otherwise the standard one.
				const easy = page.getByRole('link', { name: 'Easy read', exact: true });
				if (settings.easyRead === 'on') await expect(easy).toHaveAttribute('aria-current', 'page');
				else await expect(easy).not.toHaveAttribute('aria-current');
			}
			await expectAccessible(page, `${path} in ${name}`);
			await expectNoSidewaysScroll(page, `${path} in ${name}`);
			if (path === '/settings/display' || path === opportunity)
				await page.screenshot({ path: info.outputPath(`${name}${path.replaceAll('/', '-')}.png`) });
		}
	});
}

test('the sign-in page passes axe in every theme', async ({ page, context }) => {
	for (const theme of Object.keys(THEMES) as DisplaySettings['theme'][]) {
		await useCookie(context, { theme });
		await page.goto('/sign-in');
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		await expectAccessible(page, `sign in in ${theme}`);
	}
});

test('at 320 px wide and 200 % text nothing scrolls sideways, and text spacing loses nothing', async ({
	page
}, info) => {
	test.setTimeout(240_000);
	await page.setViewportSize({ width: 320, height: 640 });
	const { saved } = membersFor(info.project.name);
	await signIn(page, saved);
	await choose(page, { textSize: '200', theme: 'yellow', lineSpacing: 'wider', letterSpacing: 'wide' });
	const opportunity = await anOpportunity(page);
	for (const path of [...PUBLIC_PAGES, ...MEMBER_PAGES, opportunity, `${opportunity}?view=easy-read`]) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
		await expectNoSidewaysScroll(page, `${path} at 200 %`);
		await expectTextSpacingKeepsContent(page, `${path} at 200 %`);
	}
	// And signed out, on the sign-in page.
	await signOut(page);
	await page.goto('/sign-in');
	await expectNoSidewaysScroll(page, '/sign-in at 200 %');
	await expectTextSpacingKeepsContent(page, '/sign-in at 200 %');
	// Leave Marcus and Eleanor as the seed had them, for anyone running the demo after.
});

test('a keyboard-only member signs in, changes settings and browses; the settings follow them to a new device', async ({
	page,
	browser
}, info) => {
	test.setTimeout(120_000);
	const { changes } = membersFor(info.project.name);
	const tabTo = async (target: ReturnType<Page['locator']>, most = 60) => {
		for (let i = 0; i < most && !(await target.evaluate((el) => el === document.activeElement)); i++) {
			await page.keyboard.press('Tab');
		}
		await expect(target).toBeFocused();
		// The focused control is in view and not covered (2.4.11).
		await expect(target).toBeInViewport();
	};

	await page.goto('/');
	await tabTo(page.getByRole('link', { name: 'Sign in' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const email = page.getByLabel('Your email address');
	await tabTo(email);
	const seen = await seenBy(changes);
	await page.keyboard.type(changes);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
	const mail = await nextMail(changes, seen);
	const code = page.getByLabel('Enter the code');
	await tabTo(code);
	await page.keyboard.type(codeIn(mail));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible();

	await tabTo(page.getByRole('link', { name: 'Display settings' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Display settings' })).toBeVisible();
	// Radios: Tab into a group, arrow keys to choose.
	await tabTo(page.getByRole('group', { name: 'Text size' }).getByRole('radio', { checked: true }));
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('150%', { exact: true })).toBeChecked();
	await tabTo(page.getByRole('group', { name: 'Colours' }).getByRole('radio', { checked: true }));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel(THEMES.dark, { exact: true })).toBeChecked();
	await tabTo(page.getByRole('button', { name: 'Save' }), 80);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Your display settings are saved')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(page.locator('html')).toHaveAttribute('data-text-size', '150');

	// Back to where they were, then browse to an opportunity.
	await tabTo(page.getByRole('link', { name: 'Go back to the page you were on' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/my$/);
	await tabTo(page.getByRole('link', { name: 'Opportunities', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Opportunities' })).toBeVisible();
	const first = page.locator('.card h2 a').first();
	await tabTo(first, 80);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: 'Easy read', exact: true })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

	await signOut(page);
	// A new device: standard until they sign in, then their settings.
	const other = await newDevice(browser, page);
	try {
		await other.goto('/');
		await expect(other.locator('html')).toHaveAttribute('data-theme', 'standard');
		await signIn(other, changes);
		await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(other.locator('html')).toHaveAttribute('data-text-size', '150');
		await other.goto('/settings/display');
		await expect(other.getByLabel(THEMES.dark, { exact: true })).toBeChecked();
	} finally {
		await other.context().close();
	}
});

test('the settings form works without JavaScript and leads back to the page', async ({ browser, page }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: page.viewportSize() });
	try {
		const noJs = await context.newPage();
		await noJs.goto('/opportunities');
		await noJs.getByRole('link', { name: 'Display settings' }).click();
		await expect(noJs).toHaveURL(/\/settings\/display\?from=%2Fopportunities$/);
		await noJs.getByLabel(THEMES.yellow, { exact: true }).check();
		await noJs.getByLabel('175%', { exact: true }).check();
		await noJs.getByRole('group', { name: 'Moving things' }).getByLabel(MOTIONS.reduce).check();
		await noJs.getByRole('button', { name: 'Save' }).click();
		await expect(noJs.getByRole('status')).toContainText('Your display settings are saved');
		await expect(noJs.locator('html')).toHaveAttribute('data-theme', 'yellow');
		await expect(noJs.locator('html')).toHaveAttribute('data-text-size', '175');
		await expect(noJs.locator('html')).toHaveAttribute('data-motion', 'reduce');
		await expect(noJs.getByLabel(THEMES.yellow, { exact: true })).toBeChecked();
		await noJs.getByRole('link', { name: 'Go back to the page you were on' }).click();
		await expect(noJs).toHaveURL(/\/opportunities$/);
		// The first byte is already right: the server sends the settings on <html>.
		const res = await noJs.request.get('/opportunities');
		expect(await res.text()).toMatch(/<html lang="en-GB" [^>]*data-theme="yellow"/);
		// A settings form with a choice that does not exist shows an error, not a broken page.
		const bad = await noJs.request.post('/settings/display', {
			form: { ...DEFAULT_SETTINGS, theme: 'purple', from: '/' },
			headers: { origin: new URL(noJs.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(bad.status(), await bad.text()).toBe(400);
	} finally {
		await context.close();
	}
});

test('forced colours (Windows high contrast) keep focus and controls visible', async ({ page }) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await page.goto('/settings/display');
	const forced = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
	expect(forced).toBe(true);
	// Buttons keep a visible edge.
	const save = page.getByRole('button', { name: 'Save' });
	const edge = await save.evaluate((el) => {
		const s = getComputedStyle(el);
		return { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth) };
	});
	expect(edge.style).not.toBe('none');
	expect(edge.width).toBeGreaterThanOrEqual(1);
	// Focus is shown by an outline, which forced colours keep (shadows and backgrounds are dropped).
	for (const target of [
		save,
		page.getByRole('link', { name: 'Display settings' }),
		page.getByLabel('150%', { exact: true })
	]) {
		await target.focus();
		const outline = await target.evaluate((el) => {
			const s = getComputedStyle(el);
			return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
		});
		expect(outline.style).not.toBe('none');
		expect(outline.width).toBeGreaterThanOrEqual(2);
		expect(outline.colour).not.toBe('rgba(0, 0, 0, 0)');
	}
	await expectAccessible(page, 'settings in forced colours');
});

test('reduce motion stops animation and transitions, by setting and by the device', async ({
	page,
	context
}) => {
	const moving = `.button, button { transition: transform 2s linear; animation: together-spin 3s infinite; }
		@keyframes together-spin { to { transform: rotate(1turn); } }`;
	const timing = () =>
		page.getByRole('button', { name: 'Save' }).evaluate((el) => {
			const s = getComputedStyle(el);
			return {
				transition: parseFloat(s.transitionDuration),
				animation: s.animationName,
				duration: parseFloat(s.animationDuration)
			};
		});
	// Nothing asked: things may move.
	await page.goto('/settings/display');
	await addUserStyle(page, moving);
	expect((await timing()).transition).toBe(2);

	// The device asks for reduced motion: followed by default.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	let t = await timing();
	expect(t.transition).toBeLessThan(0.001);
	expect(t.duration).toBeLessThan(0.001);
	await page.emulateMedia({ reducedMotion: 'no-preference' });

	// The setting: no animation at all, whatever the device says.
	await useCookie(context, { motion: 'reduce' });
	await page.goto('/settings/display');
	await addUserStyle(page, moving);
	t = await timing();
	expect(t.transition).toBe(0);
	expect(t.animation).toBe('none');
});

test('landmarks and headings of key pages stay as they are', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('body')).toMatchAriaSnapshot(`
		- link "Skip to main content"
		- banner:
		  - link "Together"
		  - navigation "Main":
		    - list:
		      - listitem:
		        - link "Opportunities"
		      - listitem:
		        - link "Display settings"
		      - listitem:
		        - link "Sign in"
		- main:
		  - heading "Together" [level=1]
		  - heading "Closing soon" [level=2]
		- contentinfo:
		  - heading "Help and information" [level=2]
	`);
	await page.goto('/opportunities');
	await expect(page.locator('main')).toMatchAriaSnapshot(`
		- main:
		  - heading "Opportunities" [level=1]
		  - search
		  - status
		  - list:
		    - listitem:
		      - heading [level=2]
	`);
	const href = await anOpportunity(page);
	await page.goto(href);
	await expect(page.locator('main')).toMatchAriaSnapshot(`
		- main:
		  - link /Back to opportunities/
		  - heading [level=1]
		  - navigation "How to read this page":
		    - list:
		      - listitem:
		        - link "Standard"
		      - listitem:
		        - link "Easy read"
		  - heading "About this opportunity" [level=2]
	`);
	await page.goto('/settings/display');
	await expect(page.locator('main')).toMatchAriaSnapshot(`
		- main:
		  - link /Back to the page you were on/
		  - heading "Display settings" [level=1]
		  - group "Text size"
		  - group "Colours"
		  - group "Font"
		  - group "Space between lines"
		  - group "Space between letters and words"
		  - group "Moving things"
		  - group "Show easy read first"
		  - group "Read pages aloud"
		  - button "Save"
	`);
});

test('Listen: shown only when read aloud is on and the browser can speak; reads the main content', async ({
	page,
	context,
	browser
}) => {
	// Off by default: no Listen control, and its script is not loaded.
	await page.goto('/');
	await expect(page.locator('main h1')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('button', { name: 'Listen' })).toHaveCount(0);

	// On, in a browser without speech: still nothing.
	const mute = await browser.newContext({ viewport: page.viewportSize() });
	try {
		await useCookie(mute, { readAloud: 'on' });
		await mute.addInitScript(() => {
			delete (window as { speechSynthesis?: unknown }).speechSynthesis;
			delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
		});
		const p = await mute.newPage();
		await p.goto('/opportunities');
		await expect(p.locator('main h1')).toBeVisible();
		await p.waitForLoadState('networkidle');
		await expect(p.getByRole('button', { name: 'Listen' })).toHaveCount(0);
	} finally {
		await mute.close();
	}

	// On, with the browser's real speech: the control is there and answers (headless Chromium may
	// have no voices, so it either reads or says plainly that it cannot).
	await useCookie(context, { readAloud: 'on' });
	await page.goto('/opportunities');
	await page.getByRole('button', { name: 'Listen' }).click();
	await expect(
		page
			.getByRole('button', { name: 'Pause' })
			.or(page.getByRole('alert').filter({ hasText: 'could not read' }))
	).toBeVisible();
	await page.goto('/');

	// With a speech engine the test controls: what is read, in what order, highlighted, paused,
	// resumed, slowed and stopped.
	await context.addInitScript(() => {
		const w = window as unknown as {
			spoken: { text: string; rate: number }[];
			current: SpeechSynthesisUtterance | null;
			finishSentence: () => void;
		};
		w.spoken = [];
		w.current = null;
		window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
			w.spoken.push({ text: u.text, rate: u.rate });
			w.current = u;
		};
		window.speechSynthesis.cancel = () => {
			const u = w.current;
			w.current = null;
			u?.onerror?.(new SpeechSynthesisErrorEvent('error', { utterance: u, error: 'interrupted' }));
		};
		w.finishSentence = () => {
			const u = w.current;
			w.current = null;
			u?.onend?.(new SpeechSynthesisEvent('end', { utterance: u }));
		};
	});
	type Spoken = { text: string; rate: number }[];
	const spoken = () => page.evaluate(() => (window as unknown as { spoken: Spoken }).spoken);
	const highlighted = () =>
		page.evaluate(() => {
			const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('read-aloud');
			return h ? [...h].map((r) => r.toString().trim()) : [];
		});
	const href = await anOpportunity(page);
	await page.goto(`${href}?view=easy-read`);
	const listen = page.getByRole('button', { name: 'Listen' });
	await expect(listen).toBeVisible();
	// Before the page's own content.
	expect(
		await page.evaluate(() =>
			document.querySelector('main')!.firstElementChild!.classList.contains('read-aloud')
		)
	).toBe(true);
	await expectAccessible(page, 'Listen control');
	const title = (await page.locator('main h1').innerText()).trim();
	const firstPoint = (await page.locator('.easy-read li').first().innerText()).trim();

	await listen.click();
	await expect.poll(spoken).toEqual([{ text: title, rate: 1 }]);
	expect(await highlighted()).toEqual([title]);
	const pause = page.getByRole('button', { name: 'Pause' });
	await expect(pause).toBeFocused();
	await expectAccessible(page, 'reading aloud');

	// Sentence after sentence until the first easy-read point: never the navigation or the control.
	const finish = () =>
		page.evaluate(() => (window as unknown as { finishSentence: () => void }).finishSentence());
	for (let i = 0; i < 8 && !(await spoken()).some(({ text }) => firstPoint.includes(text)); i++) {
		const before = (await spoken()).length;
		await finish();
		await expect.poll(async () => (await spoken()).length).toBe(before + 1);
	}
	const read = await spoken();
	expect(read.some(({ text }) => firstPoint.includes(text))).toBe(true);
	expect(await highlighted()).toEqual([read.at(-1)!.text]);
	for (const { text } of read)
		expect(text).not.toMatch(/Skip to main content|Display settings|Listen|^Standard/);

	await pause.click();
	const resume = page.getByRole('button', { name: 'Resume' });
	await expect(resume).toBeVisible();
	const whenPaused = (await spoken()).length;
	await resume.click();
	await expect(pause).toBeVisible();
	// Resuming starts the same sentence again.
	await expect.poll(async () => (await spoken()).at(-1)).toEqual(read.at(-1));
	expect((await spoken()).length).toBe(whenPaused + 1);

	await page.getByLabel('Speed').selectOption({ label: 'Slow' });
	await expect.poll(async () => (await spoken()).at(-1)?.rate).toBe(0.75);

	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(listen).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
	expect(await highlighted()).toEqual([]);
});
