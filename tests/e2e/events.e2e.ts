// Events: a member books a place in one tap (sharing one part of their access needs), gets the email
// with the calendar file, and cancels; the next person on the waiting list is offered the place and
// takes it. Staff see who is coming and mark who came on a phone, without JavaScript.
import {
	expect,
	expectAccessible,
	expectAccessibleWithoutJs,
	nextMail,
	seenBy,
	signIn,
	test
} from './fixtures';

// Each project works on its own events and people (supabase/seeds/60_events.sql).
const JOURNEY = {
	phone: {
		event: 'Workshop: writing in easy read (Cardiff)',
		booker: 'olga.nowak@example.org',
		waiter: 'oliver.bennett@example.org',
		staff: 'events.staff@example.org',
		came: 'Nadia Rahman'
	},
	desktop: {
		event: 'Workshop: writing in easy read (Swansea)',
		booker: 'patrick.doyle@example.org',
		waiter: 'ravi.patel@example.org',
		staff: 'events.staff2@example.org',
		came: "Niamh O'Connor"
	}
} as const;

async function eventId(title: string): Promise<number> {
	const res = await fetch(
		`${process.env.SUPABASE_URL}/rest/v1/opportunities?select=id&title=eq.${encodeURIComponent(title)}`,
		{ headers: { apikey: process.env.SUPABASE_ANON_KEY! } }
	);
	const rows = (await res.json()) as { id: number }[];
	return rows[0]!.id;
}

interface MailWithFiles {
	subject: string;
	text: string;
	attachments?: { filename: string; contentType: string; content: string }[];
}

test('book a place, get the calendar file, cancel, and the next person is offered it', async ({
	browser
}, info) => {
	test.setTimeout(180_000);
	const j = JOURNEY[info.project.name as 'phone' | 'desktop'];
	const id = await eventId(j.event);
	const size = info.project.use.viewport!;
	const booker = await (await browser.newContext({ viewport: size })).newPage();
	const waiter = await (await browser.newContext({ viewport: size })).newPage();

	// The booker: one place left; they share their travel needs only.
	await signIn(booker, j.booker);
	// An event that takes bookings has no application: the apply address leads back to booking.
	await booker.goto(`/opportunities/${id}/apply`);
	await expect(booker).toHaveURL(new RegExp(`/opportunities/${id}$`));
	const panel = booker.locator('#booking');
	await expect(panel).toContainText('1 place left of 2');
	await expect(booker.getByRole('link', { name: 'Apply' })).toHaveCount(0);
	await expectAccessible(booker, 'booking panel for a signed-in member');
	const share = panel.getByRole('group', { name: /Which of your access needs/ });
	await share.getByLabel(/Travel/).check();
	await expect(share.getByLabel(/Papers/)).not.toBeChecked();
	const seenBooker = await seenBy(j.booker);
	await panel.getByRole('button', { name: 'Book a place' }).click();
	await expect(booker.getByRole('status').filter({ hasText: 'You have a place' })).toBeVisible();
	await expect(panel).toContainText('This event is full');
	await expectAccessible(booker, 'booked');

	const confirmation = (await nextMail(j.booker, seenBooker)) as MailWithFiles;
	expect(confirmation.subject).toBe(`You have a place: ${j.event}`);
	expect(confirmation.text).toContain('Travel: A taxi');
	expect(confirmation.text).not.toContain('Large print');
	const ics = confirmation.attachments?.find((a) => a.filename === 'event.ics');
	expect(ics?.contentType).toContain('text/calendar');
	expect(ics?.content).toContain('BEGIN:VCALENDAR');
	expect(ics?.content).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T100000/);

	// The next person joins the waiting list.
	await signIn(waiter, j.waiter);
	await waiter.goto(`/opportunities/${id}`);
	const seenWaiter = await seenBy(j.waiter);
	await waiter.locator('#booking').getByRole('button', { name: 'Join the waiting list' }).click();
	await expect(waiter.getByRole('status').filter({ hasText: 'you are on the waiting list' })).toBeVisible();
	await expect(waiter.locator('#booking')).toContainText('You are number 1 on the waiting list');
	await expectAccessible(waiter, 'on the waiting list');
	await nextMail(j.waiter, seenWaiter); // "You are on the waiting list"
	const seenWaiter2 = await seenBy(j.waiter);

	// The booker cancels in one step.
	await booker.getByRole('button', { name: 'Cancel my place' }).click();
	await expect(booker.getByRole('status').filter({ hasText: 'Your booking is cancelled' })).toBeVisible();

	// The waiter is offered the place by email, and takes it.
	const offer = await nextMail(j.waiter, seenWaiter2);
	expect(offer.subject).toBe(`A place is free for you: ${j.event}`);
	const link = offer.text.match(/https?:\/\/\S+(\/my\/bookings\/\d+)/)![1]!;
	await waiter.goto(link);
	await expect(waiter.getByRole('heading', { level: 1 })).toHaveText(`Your booking: ${j.event}`);
	await expectAccessible(waiter, 'a place offered');
	await waiter.getByRole('button', { name: 'Yes, I want the place' }).click();
	await expect(waiter.getByRole('status').filter({ hasText: 'You have a place' })).toBeVisible();
	await waiter.goto('/my/bookings');
	await expect(waiter.getByRole('link', { name: j.event })).toBeVisible();
	await expectAccessible(waiter, 'my bookings');

	await booker.context().close();
	await waiter.context().close();
});

test('staff see who is coming and mark who came on a phone, without JavaScript', async ({
	page,
	browser
}, info) => {
	test.setTimeout(120_000);
	const j = JOURNEY[info.project.name as 'phone' | 'desktop'];
	const id = await eventId("Carers' network get-together");
	await signIn(page, j.staff);
	await page.goto(`/admin/opportunities/${id}/bookings`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Booking: Carers' network get-together");
	// What Samuel chose to share reaches the organiser; nothing he did not share.
	const samuel = page.getByRole('row', { name: /Samuel Adebayo/ });
	await expect(samuel).toContainText('Travel:');
	await expect(samuel).not.toContainText('Communication');
	await expect(page.getByText('Not a member').first()).toBeVisible();
	await expectAccessible(page, 'who is coming');

	// At the door, on a phone, with no JavaScript.
	const noJs = await browser.newContext({
		storageState: await page.context().storageState(),
		viewport: info.project.use.viewport,
		javaScriptEnabled: false
	});
	const door = await noJs.newPage();
	await door.goto(`/admin/opportunities/${id}/bookings/attendance`);
	await door.getByLabel('Find someone by name').fill(j.came.split(' ')[0]!);
	await door.getByRole('button', { name: 'Find' }).click();
	await expect(door.locator('.people li')).toHaveCount(1);
	await door.getByRole('button', { name: `Here: ${j.came}` }).click();
	await expect(door.getByRole('status').filter({ hasText: `${j.came}: marked as here` })).toBeVisible();
	await expect(door.locator('.people li')).toContainText('Here');
	await expectAccessibleWithoutJs(door, 'marking who came');
	await noJs.close();

	await page.goto(`/admin/opportunities/${id}/bookings`);
	await expect(page.getByRole('row', { name: new RegExp(j.came) })).toContainText('Yes');
	await page.goto('/admin/events');
	await expect(page.getByRole('link', { name: "Carers' network get-together" })).toBeVisible();
	await expectAccessible(page, 'events and bookings');
});

test('a guest books the festival with a short form, gets the calendar file, and cancels from the email', async ({
	page
}, info) => {
	test.setTimeout(90_000);
	const id = await eventId('Co-production week festival');
	const email = `guest.${info.project.name}.${Date.now()}@example.net`;
	await page.goto(`/opportunities/${id}`);
	const panel = page.locator('#booking');
	await expect(panel.getByRole('link', { name: 'Sign in to book' })).toBeVisible();
	await expectAccessible(page, 'booking panel for a visitor');
	// Mistakes are said at once, and nothing typed is lost.
	await panel.getByLabel('Your name').fill(`Guest ${info.project.name}`);
	await panel.getByLabel('Your email address').fill('not an email');
	await panel.getByRole('button', { name: 'Book as a guest' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Book a place: Co-production week festival'
	);
	await expect(page.locator('.error-summary')).toContainText('Enter an email address in the right format');
	await expect(page.getByLabel('Your name')).toHaveValue(`Guest ${info.project.name}`);
	await expectAccessible(page, 'guest booking with a mistake');
	await page.getByLabel('Your email address').fill(email);
	await page.getByLabel(/Which workshops/).fill('Sharing your story');
	await page.getByRole('button', { name: 'Book as a guest' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'You have a place' })).toBeVisible();
	const mail = (await nextMail(email, new Set())) as MailWithFiles;
	expect(mail.subject).toBe('You have a place: Co-production week festival');
	expect(mail.text).toContain('Which workshops would you like to go to? Sharing your story');
	expect(mail.attachments?.[0]?.content).toContain('BEGIN:VEVENT');

	// The email's own link opens the guest's booking, where they cancel in one step.
	const link = /https?:\/\/\S+\/bookings\/[0-9a-f-]{36}/.exec(mail.text);
	expect(link, 'a link to the guest’s booking in the email').not.toBeNull();
	await page.goto(new URL(link![0]).pathname);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your place: Co-production week festival');
	await expect(page.getByText(`Hello Guest ${info.project.name}.`)).toBeVisible();
	await expectAccessible(page, 'a guest’s own booking page');
	await page.getByRole('button', { name: 'Cancel my place' }).click();
	await expect(page.getByText('Your place is cancelled.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Cancel my place' })).toHaveCount(0);
	await expectAccessible(page, 'a guest’s booking, cancelled');
});
