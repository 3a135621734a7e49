// Bad input sent to the running app, as an attacker or a broken phone would send it: files that are
// not what their name says or are built to hurt whoever opens them, and (with fast-check) form posts
// and JSON requests with wrong types, huge strings, odd Unicode, SQL and HTML, and missing fields.
// Whatever comes in: never a 500, a plain message, and nothing half written.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import { expect, test } from './fixtures';

/** This file's own members, one per project, made here and used by nothing else. */
const PEOPLE = {
	phone: { email: 'bad-input.phone@example.org', name: 'Ceridwen Oyelaran-Pryce' },
	desktop: { email: 'bad-input.desktop@example.org', name: 'Barnaby Ilunga-Hart' }
} as const;

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the browser tests with "npm run test:e2e".`);
	return value;
}

const service = (): SupabaseClient =>
	createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});

function ok<T>(result: { data: T; error: { message: string } | null }, what: string): T {
	if (result.error) throw new Error(`${what}: ${result.error.message}`);
	return result.data;
}

interface Member {
	id: string;
	claimId: number;
	opportunityId: number;
	/** The session token for the cookie (the database keeps only its SHA-256). */
	token: string;
}

/** The project's member with a draft claim and a signed-in session, made if need be. */
async function member(project: string): Promise<Member> {
	const db = service();
	const person = PEOPLE[project === 'phone' ? 'phone' : 'desktop'];
	let profile = ok(
		await db.from('profiles').select('id').eq('email', person.email).maybeSingle(),
		'Finding the member'
	) as { id: string } | null;
	profile ??= ok(
		await db
			.from('profiles')
			.insert({ email: person.email, full_name: person.name, status: 'active' })
			.select('id')
			.single(),
		'Adding the member'
	) as { id: string };
	// Its own opportunity (closed, so no one browsing meets it), to take part in and claim for.
	const title = `Odd input review panel (${project})`;
	const opportunity = (ok(
		await db.from('opportunities').select('id').eq('title', title).maybeSingle(),
		'Finding the opportunity'
	) ??
		ok(
			await db
				.from('opportunities')
				.insert({
					type: 'advisory_group',
					title,
					summary: 'A panel the bad-input browser tests take part in and claim for.',
					location_type: 'online',
					status: 'closed'
				})
				.select('id')
				.single(),
			'Adding the opportunity'
		)) as { id: number };
	const involvement = ok(
		await db
			.from('involvements')
			.insert({ member_id: profile.id, opportunity_id: opportunity.id, role: 'Reviewer of odd input' })
			.select('id')
			.single(),
		'Adding an involvement'
	) as { id: number };
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	const claim = ok(
		await db
			.from('claims')
			.insert({
				member_id: profile.id,
				involvement_id: involvement.id,
				activity_on: yesterday,
				start_key: randomUUID()
			})
			.select('id')
			.single(),
		'Starting a claim'
	) as { id: number };
	const token = await sessionFor(profile.id);
	return { id: profile.id, claimId: claim.id, opportunityId: opportunity.id, token };
}

/**
 * A signed-in session for someone, made straight in the database so no sign-in email is shared with
 * the journeys running beside these tests. Returns the token for the cookie (the database keeps
 * only its SHA-256).
 */
async function sessionFor(userId: string): Promise<string> {
	const token = randomBytes(20).toString('hex');
	ok(
		await service()
			.from('sessions')
			.insert({
				id: createHash('sha256').update(token).digest('hex'),
				user_id: userId,
				expires_at: new Date(Date.now() + 86_400_000).toISOString()
			}),
		'Signing in'
	);
	return token;
}

/** A session for the demo admin (see sessionFor). */
async function adminSession(): Promise<string> {
	const admin = ok(
		await service().from('profiles').select('id').eq('email', 'admin@example.org').single(),
		'Finding the admin'
	) as { id: string };
	return sessionFor(admin.id);
}

const sessionCookie = (token: string, origin: string) => ({
	name: 'together-session',
	value: token,
	domain: new URL(origin).hostname,
	path: '/',
	expires: -1,
	httpOnly: true,
	secure: false,
	sameSite: 'Lax' as const
});

type Counts = Record<'claims' | 'lines' | 'uploads' | 'adjustments' | 'saved', number>;

/** How many rows this member has where a form post could write. */
async function counts(m: Member): Promise<Counts> {
	const db = service();
	const count = async (table: string, column: string, value: string | number) => {
		const { count, error } = await db
			.from(table)
			.select('*', { count: 'exact', head: true })
			.eq(column, value);
		if (error) throw new Error(`Counting ${table}: ${error.message}`);
		return count ?? 0;
	};
	const [claims, lines, uploads, adjustments, saved] = await Promise.all([
		count('claims', 'member_id', m.id),
		count('claim_lines', 'claim_id', m.claimId),
		count('uploads', 'owner_id', m.id),
		count('adjustment_requests', 'member_id', m.id),
		count('saved_opportunities', 'member_id', m.id)
	]);
	return { claims, lines, uploads, adjustments, saved };
}

// Files ------------------------------------------------------------------------------------------

const u32be = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
/** A 60-byte PNG whose header says 50,000 × 50,000: 10 GB to open. */
const PNG_BOMB = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	u32be(13),
	Buffer.from('IHDR'),
	u32be(50_000),
	u32be(50_000),
	Buffer.from([8, 2, 0, 0, 0]),
	u32be(0),
	Buffer.alloc(24)
]);
const PDF_WITH_SCRIPT = Buffer.from(
	'%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n' +
		'2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
		'3 0 obj\n<< /S /JavaScript /JS (app.alert("hello")) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
	'latin1'
);

test.describe('receipts that are not what they say', () => {
	test('each is refused on the claim form with a plain reason, and nothing is stored', async ({
		page
	}, testInfo) => {
		const m = await member(testInfo.project.name);
		await page
			.context()
			.addCookies([sessionCookie(m.token, testInfo.project.use.baseURL ?? env('TEST_ORIGIN'))]);
		const before = await counts(m);
		await page.goto(`/my/claims/${m.claimId}`);

		const files = [
			{
				file: {
					name: 'receipt.jpg',
					mimeType: 'image/jpeg',
					buffer: Buffer.from('<!doctype html><script>alert(1)</script>')
				},
				reason: 'The file you chose is not a photo or PDF we can use'
			},
			{
				file: {
					name: 'receipt.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])
				},
				reason: 'The file you chose is not a photo or PDF we can use'
			},
			{
				file: { name: 'IMG_0001.png', mimeType: 'image/png', buffer: PNG_BOMB },
				reason: 'The photo is too large for us to open'
			},
			{
				file: { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF_WITH_SCRIPT },
				reason: 'The PDF you chose has things in it that run by themselves'
			}
		];
		for (const { file, reason } of files) {
			await page.getByRole('radio', { name: 'Taxi' }).check();
			await page.getByLabel('How much did you pay, in pounds?').fill('9.50');
			await page.getByLabel('Photo or file of the receipt').setInputFiles(file);
			await page.getByRole('button', { name: 'Add this cost' }).click();
			await expect(page.locator('.error-summary'), file.name).toContainText(reason);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		}
		expect(await counts(m)).toEqual(before);
	});
});

// Anything at all, over the endpoints ---------------------------------------------------------------

const NASTY = [
	"' OR '1'='1",
	"'; drop table public.claims; --",
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'{{7*7}}${7*7}',
	'\u0000',
	'a\u0000b',
	'\u202eevil\u202c',
	'\ud800',
	'e\u0301\u0301\u0301',
	'👩🏽‍🦯'.repeat(50),
	'ﷺ'.repeat(300),
	'١٢٫٥٠',
	'-1',
	'1e309',
	'NaN',
	'Infinity',
	'0x10',
	'12,50',
	'99999999999999999999',
	'   ',
	'',
	'null',
	'[object Object]',
	'../../etc/passwd'
];

/** A form value: a nasty string, any string, a number, a huge string, or sometimes a file. */
const value = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...NASTY) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'grapheme' }) },
	{ weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
	{ weight: 1, arbitrary: fc.nat({ max: 5 }).map((n) => 'x'.repeat(10 ** n + 300)) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ file: bytes })) }
);
type Value = string | { file: Uint8Array };

/** Fields a form could have: each one missing, given once, or given twice (a list where one is wanted). */
function fields(names: string[], known: Record<string, string[]> = {}) {
	return fc.record(
		Object.fromEntries(
			names.map((name) => [
				name,
				fc.option(
					fc.oneof(
						{ weight: 3, arbitrary: fc.tuple(value) },
						{ weight: 2, arbitrary: fc.tuple(fc.constantFrom(...(known[name] ?? ['']))) },
						{ weight: 1, arbitrary: fc.tuple(value, value) }
					),
					{ nil: undefined }
				)
			])
		)
	) as fc.Arbitrary<Record<string, Value[] | undefined>>;
}

function multipart(values: Record<string, Value[] | undefined>): FormData {
	const form = new FormData();
	for (const [name, list] of Object.entries(values))
		for (const v of list ?? [])
			if (typeof v === 'string') form.append(name, v);
			else form.append(name, new Blob([new Uint8Array(v.file)]), 'receipt.jpg');
	return form;
}

/** The form actions a member may post to, with their fields and some values that would pass. */
function actions(m: Member) {
	const claim = `/my/claims/${m.claimId}`;
	return [
		{
			path: `${claim}?/cost`,
			fields: fields(['category', 'description', 'amount', 'taxi_agreed_adjustment', 'key', 'receipt'], {
				category: ['taxi', 'food', 'other'],
				amount: ['12.50', '0'],
				key: [randomUUID()]
			})
		},
		{
			path: `${claim}?/mileage`,
			fields: fields(['miles', 'vehicle', 'journey'], { miles: ['12.5'], vehicle: ['car', 'bicycle'] })
		},
		{ path: `${claim}?/fee`, fields: fields(['hours', 'minutes'], { hours: ['2'], minutes: ['30'] }) },
		{ path: `${claim}?/receipt`, fields: fields(['line', 'receipt-1']) },
		{ path: `${claim}?/remove`, fields: fields(['line']) },
		{ path: `${claim}?/reply`, fields: fields(['message', 'key']) },
		{
			path: '/my/claims/new',
			fields: fields(['activity', 'involvement', 'day', 'key'], { activity: ['other', 'meeting-1-1'] })
		},
		{
			path: '/my/profile',
			fields: fields(['full_name', 'preferred_name', 'pronouns', 'phone', 'contact_methods', 'region'], {
				contact_methods: ['email', 'text']
			})
		},
		{
			path: `/my/adjustments/new?opportunity=${m.opportunityId}&meeting=all&/send`,
			fields: fields(['meeting', 'share_with_organisers', 'request_key', 'other'], {
				meeting: ['all'],
				share_with_organisers: ['yes', 'no']
			})
		},
		{ path: `/opportunities/${m.opportunityId}?/save`, fields: fields(['opportunity']) },
		{ path: `/opportunities/${m.opportunityId}?/unsave`, fields: fields(['opportunity']) },
		{ path: '/my/saved?/remove', fields: fields(['opportunity']) },
		{
			path: '/settings/display',
			fields: fields(['from', 'language', 'textSize', 'theme', 'font', 'lineSpacing', 'motion', 'easyRead'], {
				language: ['en', 'cy'],
				from: ['/my', '//evil.example', 'javascript:alert(1)']
			})
		}
	];
}

/** A page that failed the member's input says why, in words, beside the form. */
function explains(status: number, body: string): boolean {
	if (status !== 400) return true;
	return /class="error-summary"|class="error-message"/.test(body);
}

test.describe('bad input over the endpoints', () => {
	test.describe.configure({ timeout: 150_000 });

	let m: Member;
	let origin: string;
	/** A request as the member's browser would send it, without following redirects. */
	let send: (path: string, init?: RequestInit) => Promise<Response>;
	// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument written as a pattern
	test.beforeAll(async ({}, testInfo) => {
		m = await member(testInfo.project.name);
		origin = testInfo.project.use.baseURL ?? env('TEST_ORIGIN');
		send = (path, init = {}) =>
			fetch(new URL(path, origin), {
				...init,
				redirect: 'manual',
				// Form posts from the app's own pages carry its origin; SvelteKit refuses others.
				headers: {
					origin,
					cookie: `together-session=${m.token}`,
					...(init.headers as Record<string, string>)
				}
			});
	});

	test('form actions answer anything with a plain message or success, and write all or nothing', async () => {
		const started = Date.now();
		for (const action of actions(m)) {
			await fc.assert(
				fc.asyncProperty(action.fields, async (values) => {
					const before = await counts(m);
					// As a browser without JavaScript posts a form (with "*/*", SvelteKit would answer in JSON).
					const res = await send(action.path, {
						method: 'POST',
						body: multipart(values),
						headers: { accept: 'text/html,application/xhtml+xml' }
					});
					const body = await res.text();
					expect(res.status, `${action.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
					expect(explains(res.status, body), `${action.path}: a 400 without a message`).toBe(true);
					const after = await counts(m);
					for (const key of Object.keys(before) as (keyof Counts)[]) {
						const added = after[key] - before[key];
						// Only a success (the next page, or this one again) may add or remove a row, and one at most.
						if (res.status !== 303 && res.status !== 200)
							expect(added, `${action.path}: ${key} changed, answered ${res.status}`).toBe(0);
						else expect(Math.abs(added), `${action.path}: ${key}`).toBeLessThanOrEqual(1);
					}
					// A stored receipt always belongs to a line: none is left over when the line fails.
					expect(
						after.uploads - before.uploads,
						`${action.path}: a receipt without a line`
					).toBeLessThanOrEqual(Math.max(0, after.lines - before.lines));
				}),
				{ numRuns: 12, endOnFailure: true }
			);
		}
		console.log(
			`Bad input over ${actions(m).length} form actions: ${Math.round((Date.now() - started) / 1000)} s`
		);
	});

	test('text with U+0000 in it is saved without it, not refused with a 500', async () => {
		// Postgres text cannot hold U+0000; a form carrying it once failed the save with a 500.
		const res = await send('/my/profile', {
			method: 'POST',
			body: multipart({
				full_name: ['Ceri\u0000 Odd-Input'],
				preferred_name: ['\u0000'],
				pronouns: ['they\u0000/them'],
				contact_methods: ['email']
			}),
			headers: { accept: 'text/html,application/xhtml+xml' }
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/my/profile?saved');
		const saved = ok(
			await service().from('profiles').select('full_name, preferred_name, pronouns').eq('id', m.id).single(),
			'Reading the profile back'
		);
		expect(saved).toEqual({ full_name: 'Ceri Odd-Input', preferred_name: null, pronouns: 'they/them' });
	});

	test('words typed into a search, in the address, answer anything without a 500', async () => {
		// Staff searches too.
		const staffToken = await adminSession();
		const searches = [
			'/opportunities?q=',
			'/opportunities?page=2&q=',
			'/admin/applications?q=',
			'/admin/claims?q=',
			'/admin/members?q=',
			'/admin/members?interest='
		];
		for (const words of NASTY) {
			const typed = encodeURIComponent(words.replace(/[\ud800-\udfff]/g, '\ufffd'));
			for (const search of searches) {
				const res = await send(search + typed, { headers: { cookie: `together-session=${staffToken}` } });
				// The list answers, or (a page past the end) sends the member to the last page.
				expect(res.status, `${search}${typed.slice(0, 60)}`).toBeLessThan(400);
			}
		}
	});

	test("staff forms sent with a record number past the database's or a date that does not exist", async () => {
		// A tampered or very old form: each is answered in plain words, never a 500, and nothing changes.
		const db = service();
		const staffToken = await adminSession();
		const adjustment = ok(
			await db.from('adjustment_requests').select('id').limit(1).single(),
			'Finding an adjustment request'
		) as { id: number };
		const term = ok(
			await db
				.from('involvements')
				.select('id, opportunity:opportunities!inner(type)')
				.eq('opportunity.type', 'steering_group_role')
				.limit(1)
				.single(),
			'Finding a steering group term'
		) as { id: number };
		const huge = '99999999999999999999';
		const own = `/admin/opportunities/${m.opportunityId}`;
		const posts: [string, Record<string, string>, RegExp][] = [
			[`${own}/bookings/attendance`, { booking: huge, attended: 'yes' }, /out of date/],
			[`${own}/bookings?/arrange`, { booking: huge, [`arranged-${huge}`]: 'A ramp' }, /out of date/],
			['/admin/adjustments/papers?/ready', { request: huge, meeting: huge }, /out of date/],
			[`/admin/adjustments/${adjustment.id}?/cost`, { item: huge, estimated: '12.50' }, /out of date/],
			[`${own}?/project`, { project_id: huge }, /Choose a project/],
			['/admin/settings/easy-read?/remove', { id: huge }, /not on the list/],
			[`${own}?/project`, { project_id: '2147483000' }, /could not find that opportunity or that project/],
			[
				`/admin/steering-group/${term.id}`,
				{ starts_on: '2026-02-30', ends_on: '2027-02-31' },
				/The date the term starts must be a real date/
			]
		];
		const before = await db.from('opportunities').select('project_id').eq('id', m.opportunityId).single();
		for (const [path, fields, says] of posts) {
			const body = new FormData();
			for (const [name, value] of Object.entries(fields)) body.append(name, value);
			const res = await send(path, {
				method: 'POST',
				body,
				headers: { cookie: `together-session=${staffToken}`, accept: 'text/html' }
			});
			expect(res.status, path).toBeGreaterThanOrEqual(400);
			expect(res.status, path).toBeLessThan(500);
			expect(await res.text(), path).toMatch(says);
		}
		const after = await db.from('opportunities').select('project_id').eq('id', m.opportunityId).single();
		expect(after.data).toEqual(before.data);
	});

	test('JSON and file endpoints answer anything without a 500', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.json(), fc.constantFrom(...NASTY), fc.string({ maxLength: 200, unit: 'binary' })),
				fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
				fc.constantFrom(...NASTY, randomUUID(), '123', '%00', '%2e%2e%2f'),
				async (body, type, id) => {
					const data = typeof body === 'string' ? body : JSON.stringify(body);
					const session = await send('/session', {
						method: 'POST',
						body: data,
						headers: { 'content-type': type }
					});
					expect(session.status).toBeLessThan(500);
					if (session.status === 200) expect(Object.keys(await session.json())).toEqual(['secondsLeft']);
					const crossSite = await send('/session', {
						method: 'POST',
						body: data,
						headers: { 'content-type': type, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
					});
					expect(crossSite.status).toBe(403);
					const path = encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'));
					for (const url of [`/uploads/${path}`, `/my/bookings/${path}/calendar.ics`, `/my/claims/${path}`]) {
						const res = await send(url);
						expect(res.status, url).toBeLessThan(500);
					}
				}
			),
			{ numRuns: 25, endOnFailure: true }
		);
	});
});
