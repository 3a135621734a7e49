// A member claims a fee, mileage and a taxi with a photographed receipt, chooses vouchers and sends
// it; with JavaScript and without. axe checks every page and state on the way.
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	nextMail,
	seenBy,
	signIn,
	test,
	askForCode,
	codeIn
} from './fixtures';

/** The members these journeys use: one per project, so two runs at once never share an account. */
const CLAIMERS = { phone: 'stephen.clarke@example.org', desktop: 'margaret.hall@example.org' } as const;
const WITHOUT_JS = 'ben.whitaker@example.org';

/** A tiny but real JPEG (1×1 pixel), for the run without JavaScript. */
const TINY_JPEG = Buffer.from(
	'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
	'hex'
);

/** A photo of a receipt as a phone camera would give it: drawn on a canvas, saved as JPEG. */
async function photographReceipt(page: Page): Promise<Buffer> {
	const bytes = await page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 360;
		canvas.height = 540;
		const g = canvas.getContext('2d')!;
		g.fillStyle = '#f8f5ee';
		g.fillRect(0, 0, canvas.width, canvas.height);
		g.fillStyle = '#222';
		g.font = '24px sans-serif';
		g.fillText('CARDIFF CABS', 30, 60);
		g.font = '18px sans-serif';
		g.fillText('Central Station to Riverside Hub', 30, 110);
		g.fillText('Fare  £18.50', 30, 150);
		const base64 = canvas.toDataURL('image/jpeg', 0.85).split(',')[1]!;
		return Array.from(atob(base64), (c) => c.charCodeAt(0));
	});
	const buffer = Buffer.from(bytes);
	expect(buffer.subarray(0, 3).toString('hex')).toBe('ffd8ff');
	return buffer;
}

test.describe('claims with JavaScript', () => {
	test('claim a fee, mileage and a taxi with a photographed receipt, paid in vouchers', async ({
		page
	}, info) => {
		test.setTimeout(240_000); // a long journey, with axe at every step
		const email = CLAIMERS[info.project.name as keyof typeof CLAIMERS];
		await signIn(page, email);
		await page.goto('/my');
		await page.getByRole('link', { name: 'My claims' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My claims');
		// Paid last tax year and this one: the totals show.
		await expect(page.getByRole('row', { name: /This tax year/ })).toContainText('£150.00');
		await expect(page.getByRole('row', { name: /Last tax year/ })).toContainText('£150.00');
		await expectAccessible(page, 'my claims');

		await page.getByRole('link', { name: 'Start a new claim' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a claim');
		await expectAccessible(page, 'start a claim');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('.error-summary')).toContainText('Choose what you are claiming for');
		await expectAccessible(page, 'start a claim, nothing chosen');

		await page.getByRole('radio', { name: /^Steering group meeting/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/my\/claims\/\d+$/);
		await expect(page.getByText('The fee for this meeting is £150')).toBeVisible();
		await expectAccessible(page, 'a new claim');

		await page.getByRole('button', { name: 'Add the fee of £150' }).click();
		await expect(page.getByText('The involvement fee is added.')).toBeVisible();

		await page.getByLabel('How many miles?').fill('12.5');
		await page.getByRole('button', { name: 'Add the mileage' }).click();
		await expect(page.getByText('Your mileage is added.')).toBeVisible();
		await expect(page.locator('.lines li', { hasText: 'Mileage' })).toContainText('£5.63'); // 12.5 × 45p, half up

		// A taxi without its receipt first: the claim shows what is missing and why.
		await page.getByRole('radio', { name: 'Taxi' }).check();
		await page.getByLabel('How much did you pay, in pounds?').fill('18.50');
		await page.getByLabel('For a taxi: it was agreed with us as an adjustment for you').check();
		await page.getByRole('button', { name: 'Add this cost' }).click();
		await expect(page.getByText('Your cost is added.')).toBeVisible();
		const taxi = page.locator('.lines li', { hasText: 'Taxi' });
		await expect(taxi).toContainText('Needs a receipt. This kind of cost always needs a receipt.');
		await expectAccessible(page, 'a claim with a missing receipt');

		// A file that is not a photo is refused, whatever its name.
		await taxi.getByLabel('Photo or file of the receipt').setInputFiles({
			name: 'receipt.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('not really a photo')
		});
		await taxi.getByRole('button', { name: 'Add the receipt' }).click();
		await expect(page.locator('.error-summary')).toContainText('not a photo or PDF we can use');
		await expectAccessible(page, 'a receipt that is not a photo');

		await page
			.locator('.lines li', { hasText: 'Taxi' })
			.getByLabel('Photo or file of the receipt')
			.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await photographReceipt(page) });
		await page
			.locator('.lines li', { hasText: 'Taxi' })
			.getByRole('button', { name: 'Add the receipt' })
			.click();
		await expect(page.getByText('The receipt is added.')).toBeVisible();
		await expect(page.locator('.lines li', { hasText: 'Taxi' })).toContainText('See the receipt');
		await expect(page.locator('.totals')).toContainText('£174.13'); // 150 + 5.63 + 18.50

		await page.getByRole('link', { name: 'Continue to check and send' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check and send your claim');
		await expect(page.getByText('An involvement fee counts as income.')).toBeVisible();
		await expectAccessible(page, 'check your claim');
		await page.getByRole('radio', { name: 'Paid in shopping vouchers' }).check();
		await page.getByRole('button', { name: 'Send the claim' }).click();
		await expect(page.locator('.error-summary')).toContainText('Tick the box to confirm');
		await expectAccessible(page, 'check your claim, no declaration');

		await page.getByRole('radio', { name: 'Paid in shopping vouchers' }).check();
		await page.getByLabel(/I confirm that I took part/).check();
		// A double tap sends once.
		await page.getByRole('button', { name: 'Send the claim' }).dblclick();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claim sent');
		const reference = (await page.locator('.reference').textContent())!.trim();
		expect(reference).toMatch(/^CL-\d{5}$/);
		await expect(page.getByText('we pay within 21 days')).toBeVisible();
		await expectAccessible(page, 'claim sent');

		await page.getByRole('link', { name: 'My claims' }).first().click();
		const card = page.locator('.card', { hasText: reference });
		await expect(card).toHaveCount(1);
		await expect(card).toContainText('Sent');
		await expect(card).toContainText('£174.13');
		await expect(page.getByRole('row', { name: /This tax year/ })).toContainText('£174.13');

		await card.getByRole('link').first().click();
		await expect(page.getByText('Paid in shopping vouchers')).toBeVisible();
		await expectAccessible(page, 'a sent claim');

		await page.getByRole('link', { name: 'Back to My claims' }).click();
		await page.locator('.card', { hasText: 'Paid on' }).first().getByRole('link').first().click();
		await expect(page.locator('dt', { hasText: 'Payment reference' })).toBeVisible();
		await expectAccessible(page, 'a paid claim');
	});

	test('bank details are masked and change only with the emailed code', async ({ page }, info) => {
		const email = CLAIMERS[info.project.name as keyof typeof CLAIMERS];
		await signIn(page, email);
		await page.goto('/my/claims/bank-details');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your bank details');
		await expect(page.getByText(/^Ending \d\d$/).first()).toBeVisible();
		await expectAccessible(page, 'bank details');

		await page.getByRole('button', { name: 'Email me a code' }).click();
		await expect(page.locator('.error-summary')).toContainText('Enter the sort code');
		await expectAccessible(page, 'bank details with errors');

		const seen = await seenBy(email);
		await page.getByLabel('Name on the account').fill('Test Account Holder');
		await page.getByLabel('Sort code').fill('20-00-00');
		await page.getByLabel('Account number').fill('55779911');
		await page.getByRole('button', { name: 'Email me a code' }).click();
		await expect(page.getByText('We have emailed you a code.')).toBeVisible();
		const mail = await nextMail(email, seen);
		const code = mail.text.match(/is (\d{3} \d{3})/)![1]!;
		expect(mail.text).not.toContain('55779911');
		await expectAccessible(page, 'bank details code');

		await page.getByLabel('Code from the email').fill('000 000');
		await page.getByRole('button', { name: 'Save my bank details' }).click();
		await expect(page.locator('.error-summary')).toContainText('That code is not right');
		await page.getByLabel('Code from the email').fill(code);
		const seenBefore = await seenBy(email);
		await page.getByRole('button', { name: 'Save my bank details' }).click();
		await expect(page.getByText('Your bank details are changed.')).toBeVisible();
		await expect(page.getByText('Ending 11')).toBeVisible();
		await expect(page.getByText('55779911')).toHaveCount(0);
		const notice = await nextMail(email, seenBefore);
		expect(notice.subject).toBe('Your bank details for Together have changed');
		expect(notice.text).not.toMatch(/\d{2}/);
		await expectAccessible(page, 'bank details changed');

		await page.goto('/my/claims/summary');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Payments to');
		await expect(page.locator('.letter')).toContainText('Involvement fees');
		await expectAccessible(page, 'yearly payment summary');
	});
});

test.describe('claims without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('claim a fee, mileage and a taxi with a receipt, paid in vouchers, sending twice', async ({
		page
	}, info) => {
		test.skip(info.project.name !== 'desktop', 'one member for this journey, so it runs in one project');
		test.setTimeout(240_000);
		await page.goto('/sign-in');
		const mail = await askForCode(page, WITHOUT_JS);
		await page.getByLabel('Enter the code').fill(codeIn(await mail()));
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/my$/);

		await page.getByRole('link', { name: 'My claims' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My claims');
		// A question from the team, answered from the list.
		const queried = page.locator('.card', { hasText: 'We have a question' });
		await expect(queried).toContainText('Was the £6.40 for lunch');
		await expectAccessibleWithoutJs(page, 'my claims with a question');
		await queried.getByRole('button', { name: 'Send your reply' }).click();
		await expect(page.locator('.error-summary')).toContainText('Enter your reply');
		await expectAccessibleWithoutJs(page, 'a reply left empty');
		await page.getByLabel('Your reply').fill('It was lunch at the Riverside Hub café before the meeting.');
		await page.getByRole('button', { name: 'Send your reply' }).click();
		await expect(page.getByText('Your reply is sent.')).toBeVisible();
		await expect(page.locator('.card', { hasText: 'We have a question' })).toHaveCount(0);
		await page.locator('.card', { hasText: 'September' }).getByRole('link').first().click();
		await expect(page.getByText('You replied')).toBeVisible();
		await expectAccessibleWithoutJs(page, 'a claim after a reply');
		await page.getByRole('link', { name: 'Back to My claims' }).click();
		await page.getByRole('link', { name: 'Start a new claim' }).click();
		await page.getByRole('radio', { name: /^Steering group meeting/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/my\/claims\/\d+$/);
		await expectAccessibleWithoutJs(page, 'a new claim');

		await page.getByRole('button', { name: 'Add the fee of £150' }).click();
		await expect(page.getByText('The involvement fee is added.')).toBeVisible();
		await page.getByLabel('How many miles?').fill('10.1');
		await page.getByRole('button', { name: 'Add the mileage' }).click();
		await expect(page.locator('.lines li', { hasText: 'Mileage' })).toContainText('£4.55'); // 454.5p, half up

		await page.getByRole('radio', { name: 'Taxi' }).check();
		await page.getByLabel('How much did you pay, in pounds?').fill('twelve');
		await page.getByRole('button', { name: 'Add this cost' }).click();
		await expect(page.locator('.error-summary')).toContainText('Enter the amount in pounds and pence');
		await expectAccessibleWithoutJs(page, 'a cost with errors');

		await page.getByRole('radio', { name: 'Taxi' }).check();
		await page.getByLabel('How much did you pay, in pounds?').fill('12');
		await page
			.getByLabel('Photo or file of the receipt')
			.setInputFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG });
		await page.getByRole('button', { name: 'Add this cost' }).click();
		await expect(page.getByText('Your cost is added.')).toBeVisible();
		await expect(page.locator('.lines li', { hasText: 'Taxi' })).toContainText('See the receipt');

		await page.getByRole('link', { name: 'Continue to check and send' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check and send your claim');
		await expectAccessibleWithoutJs(page, 'check your claim');
		const checkUrl = page.url();
		const key = await page.locator('input[name="key"]').inputValue();
		await page.getByRole('radio', { name: 'Paid in shopping vouchers' }).check();
		await page.getByLabel(/I confirm that I took part/).check();
		await page.getByRole('button', { name: 'Send the claim' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claim sent');
		const reference = (await page.locator('.reference').textContent())!.trim();
		await expectAccessibleWithoutJs(page, 'claim sent');

		// The same form arriving again (a double tap, a retry) changes nothing.
		const again = await page.request.post(checkUrl, {
			form: { key, method: 'vouchers', declaration: 'yes' },
			headers: { origin: new URL(checkUrl).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(again.status()).toBe(303);
		expect(again.headers().location).toMatch(/\/sent$/);

		await page.goto('/my/claims');
		const card = page.locator('.card', { hasText: reference });
		await expect(card).toContainText('Sent');
		await expect(card).toContainText('£166.55'); // 150 + 4.55 + 12
		// One claim, however many times it was sent.
		await expect(page.locator('.card', { hasText: '£166.55' })).toHaveCount(1);
	});
});
