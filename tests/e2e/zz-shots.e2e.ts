// Scratch (not committed): phone screenshots of the staff adjustments pages.
import { signIn, signOut, test } from './fixtures';

test('shots', async ({ page }, info) => {
	test.skip(info.project.name !== 'phone');
	test.setTimeout(120_000);
	const shot = (name: string) => page.screenshot({ path: `/tmp/as-shots/${name}.png`, fullPage: true });
	await signIn(page, 'staff@example.org');
	await shot('admin-home');
	await page.goto('/admin/adjustments?show=all');
	await shot('queue-all');
	const first = page.locator('tbody a').first();
	await first.click();
	await page.waitForURL(/adjustments\/\d+/);
	await shot('request');
	await page.goto('/admin/adjustments/papers');
	await shot('papers');
	await page.goto('/admin/adjustments/costs');
	await shot('costs');
	await page.goto('/admin/opportunities');
	await page.getByRole('link', { name: /moving from children/ }).first().click();
	await page.waitForURL(/admin\/opportunities\/\d+/);
	const id = page.url().match(/opportunities\/(\d+)/)![1];
	await page.getByRole('link', { name: /^Meetings \(/ }).click();
	await shot('meetings');
	await page.locator('a', { hasText: 'Change or remove' }).first().click();
	await shot('meeting-edit');
	await page.goto(`/opportunities/${id}`);
	await shot('public-opportunity');
	await signOut(page);
	await signIn(page, 'admin@example.org');
	await page.goto('/admin/audit');
	await shot('audit');
});
