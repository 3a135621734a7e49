import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Where browsers cannot be downloaded (CI here), use Debian's Chromium; elsewhere Playwright's own.
const chromium =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: process.env.TEST_ORIGIN ?? 'http://localhost:4173',
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage']
		}
	},
	projects: [
		{
			name: 'phone',
			use: { browserName: 'chromium', viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true }
		},
		{ name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } }
	]
});
