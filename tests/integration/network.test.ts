// The network and members' data rights: the directory and member pages for staff (each read of
// lived experience or access needs audited), status changes, the audit log for admins only, a
// member's download of everything held about them, deletion carried out by an admin, the retention
// job and the steering group term reminders.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '$lib/server/mail';
import { sendTermReminders } from '$lib/server/term-reminders';
import { ACCOUNTS, as, service } from './helpers';

const alex = () => as(ACCOUNTS.memberA);
const priya = () => as(ACCOUNTS.memberB);
const sam = () => as(ACCOUNTS.staff);
const jo = () => as(ACCOUNTS.finance);
const admin = () => as(ACCOUNTS.admin);

const WORDING =
	'I agree that Together keeps my access needs so the team can arrange adjustments for me. I can change or delete them at any time.';

type Person = { id: string; email: string; role: 'member' };

/** A member made for one test, with a row in every table a member can have rows in. */
async function memberWithEverything(label: string): Promise<{ person: Person; name: string; ids: Ids }> {
	const db = service();
	const id = randomUUID();
	const name = `Zed ${label} Quill`;
	const email = `zed.${label}.${id.slice(0, 8)}@example.org`;
	const person: Person = { id, email, role: 'member' };
	const must = <T>(r: { data: T; error: unknown }, what: string): T => {
		if (r.error) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
		return r.data;
	};
	must(
		await db.from('profiles').insert({
			id,
			email,
			full_name: name,
			preferred_name: 'Zed',
			pronouns: 'they/them',
			phone: '07700 900999',
			interests: ['carers'],
			region: 'Wales',
			display_settings: { textSize: 'large' }
		}),
		'profile'
	);
	const { data: opps } = await db
		.from('opportunities')
		.select('id, type, status, closes_at')
		.eq('status', 'published')
		.not('type', 'in', '(steering_group_role,event,training)')
		.order('id');
	const open = (opps as { id: number }[])[0]!.id;
	const other = (opps as { id: number }[])[1]!.id;
	const me = as(person);
	must(await me.rpc('save_lived_experience', { tags: ['carer', 'mental health'] }), 'lived');
	must(await me.from('saved_opportunities').insert({ member_id: id, opportunity_id: open }), 'saved');
	must(await db.from('opportunity_alerts').insert({ member_id: id, opportunity_id: other }), 'alert');
	const app = must(await me.rpc('start_application', { opportunity: open }), 'application') as { id: number };
	must(
		await me.rpc('save_access_needs', {
			needs: [{ category: 'travel', options: ['taxi'], note: `${name} uses a wheelchair` }],
			share_with_staff: true,
			consent_wording: WORDING
		}),
		'access needs'
	);
	const involvement = must(
		await db
			.from('involvements')
			.insert({ member_id: id, opportunity_id: open, role: 'Committee member', starts_on: '2025-01-01' })
			.select('id')
			.single(),
		'involvement'
	) as { id: number };
	const asked = must(
		await me.rpc('save_adjustment_request', {
			opportunity: open,
			meeting: null,
			items: [{ category: 'travel', options: ['taxi'], note: `Taxi from ${name}'s home` }],
			share_with_organisers: false,
			request_key: randomUUID()
		}),
		'adjustment request'
	) as { id: number };
	const request = { id: asked.id };
	const upload = must(
		await db
			.from('uploads')
			.insert({
				owner_id: id,
				purpose: 'receipt',
				content_type: 'image/png',
				size_bytes: 3,
				sha256: 'a'.repeat(64),
				data: '\\x010203'
			})
			.select('id')
			.single(),
		'upload'
	) as { id: string };
	const claim = must(
		await db
			.from('claims')
			.insert({
				member_id: id,
				involvement_id: involvement.id,
				activity_on: '2025-02-01',
				status: 'submitted',
				payment_method: 'bank',
				start_key: randomUUID(),
				submitted_at: new Date().toISOString(),
				reply: `${name} replied`
			})
			.select('id')
			.single(),
		'claim'
	) as { id: number };
	must(
		await db.from('claim_lines').insert({
			claim_id: claim.id,
			category: 'taxi',
			description: `Taxi for ${name}`,
			amount_pence: 2400,
			receipt_id: upload.id
		}),
		'claim line'
	);
	must(
		await db
			.from('claim_events')
			.insert({ claim_id: claim.id, status: 'submitted', message: `From ${name}` }),
		'claim event'
	);
	must(
		await db
			.from('bank_details')
			.insert({ member_id: id, account_name: name, sort_code: '112233', account_number: '12345678' }),
		'bank'
	);
	must(
		await db.from('accessibility_reports').insert({
			kind: 'problem',
			page: 'Home',
			details: `Reported by ${name}`,
			contact_email: email,
			reporter_id: id
		}),
		'report'
	);
	must(
		await db.from('sessions').insert({
			id: 'f'.repeat(48) + id.replace(/-/g, '').slice(0, 16),
			user_id: id,
			expires_at: '2099-01-01'
		}),
		'session'
	);
	return {
		person,
		name,
		ids: {
			application: app.id,
			involvement: involvement.id,
			request: request.id,
			claim: claim.id,
			upload: upload.id
		}
	};
}

interface Ids {
	application: number;
	involvement: number;
	request: number;
	claim: number;
	upload: string;
}

async function auditSince(
	since: string,
	action: string
): Promise<{ actor_id: string; details: Record<string, unknown> }[]> {
	const { data, error } = await service()
		.from('audit_log')
		.select('actor_id, details')
		.eq('action', action)
		.gte('at', since);
	expect(error).toBeNull();
	return data as { actor_id: string; details: Record<string, unknown> }[];
}

const now = () => new Date(Date.now() - 1000).toISOString();

describe('lived experience and the directory', () => {
	it('members read and change only their own lived experience; staff have no direct read', async () => {
		const { error } = await alex().rpc('save_lived_experience', {
			tags: ['Disabled person', 'carer', 'carer']
		});
		expect(error).toBeNull();
		const { data: mine } = await alex().from('lived_experience').select('member_id, tags');
		expect(mine).toEqual([{ member_id: ACCOUNTS.memberA.id, tags: ['carer', 'disabled person'] }]);
		const { data: theirs } = await priya().from('lived_experience').select('member_id');
		expect((theirs as { member_id: string }[]).every((r) => r.member_id === ACCOUNTS.memberB.id)).toBe(true);
		for (const staff of [sam(), admin()]) {
			const { data } = await staff.from('lived_experience').select('member_id');
			expect(data ?? []).toEqual([]);
		}
	});

	it('each staff read of lived experience or access needs on a member page leaves an audit row', async () => {
		const since = now();
		const { data: tags, error } = await sam().rpc('staff_lived_experience', { member: ACCOUNTS.memberA.id });
		expect(error).toBeNull();
		expect(tags).toContain('carer');
		const lived = await auditSince(since, 'lived experience read');
		expect(lived).toContainEqual(
			expect.objectContaining({
				actor_id: ACCOUNTS.staff.id,
				details: expect.objectContaining({ member_id: ACCOUNTS.memberA.id, via: 'member page' })
			})
		);
		await sam().rpc('staff_member_access_needs', { member: ACCOUNTS.memberA.id });
		const needs = await auditSince(since, 'access needs read');
		expect(needs).toContainEqual(
			expect.objectContaining({
				actor_id: ACCOUNTS.staff.id,
				details: expect.objectContaining({ member_id: ACCOUNTS.memberA.id, via: 'member page' })
			})
		);
		// Jo (finance only) may not read access needs; members may use none of these.
		const { error: refused } = await jo().rpc('staff_member_access_needs', { member: ACCOUNTS.memberA.id });
		expect(refused?.message).toBe('not_allowed');
		const { error: member } = await priya().rpc('staff_lived_experience', { member: ACCOUNTS.memberA.id });
		expect(member?.message).toBe('not_allowed');
	});

	it('the directory filters; filtering by lived experience audits each member listed', async () => {
		const since = now();
		const { data, error } = await sam().rpc('staff_member_directory', { lived: 'carer' });
		expect(error).toBeNull();
		const rows = data as { id: string; full_name: string }[];
		expect(rows.map((r) => r.id)).toContain(ACCOUNTS.memberB.id);
		const audited = await auditSince(since, 'lived experience read');
		expect(new Set(audited.map((a) => a.details.member_id))).toEqual(new Set(rows.map((r) => r.id)));

		const { data: inWales } = await sam().rpc('staff_member_directory', {
			region_is: 'Scotland',
			q: 'eilidh'
		});
		expect((inWales as { full_name: string }[]).map((r) => r.full_name)).toEqual(['Eilidh Campbell']);
		// A member who has never taken part (many demo members have places in past years).
		const { data: members } = await service()
			.from('profiles')
			.select('full_name, involvements!involvements_member_id_fkey (id)')
			.eq('role', 'member')
			.eq('status', 'active');
		const newcomer = (members as { full_name: string; involvements: unknown[] }[]).find(
			(m) => m.involvements.length === 0
		)!;
		const { data: never } = await sam().rpc('staff_member_directory', {
			last_involved: 'never',
			q: newcomer.full_name
		});
		expect((never as { full_name: string }[]).map((r) => r.full_name)).toEqual([newcomer.full_name]);
		const { data: notNever } = await sam().rpc('staff_member_directory', {
			last_involved: 'never',
			q: 'Liam Walsh'
		});
		expect(notNever).toEqual([]);
		const { data: recent } = await sam().rpc('staff_member_directory', { last_involved: 'year', q: 'Liam' });
		expect((recent as { last_involved_on: string }[])[0]!.last_involved_on).toBeTruthy();
		const { error: member } = await alex().rpc('staff_member_directory', {});
		expect(member?.message).toBe('not_allowed');
	});
});

describe('status changes', () => {
	it('staff pause a member, mark them as left and make them active again, each audited; members cannot', async () => {
		const since = now();
		const kofi = (
			(await service().from('profiles').select('id').eq('email', 'kofi.boateng@example.org').single())
				.data as {
				id: string;
			}
		).id;
		for (const status of ['paused', 'left', 'active']) {
			const { error } = await sam().rpc('staff_set_member_status', { member: kofi, new_status: status });
			expect(error).toBeNull();
			const { data } = await service().from('profiles').select('status').eq('id', kofi).single();
			expect((data as { status: string }).status).toBe(status);
		}
		const actions = (
			(await service().from('audit_log').select('action').eq('entity_id', kofi).gte('at', since).order('id'))
				.data as { action: string }[]
		).map((a) => a.action);
		expect(actions).toEqual(['member paused', 'member marked as left', 'member made active']);
		const { error } = await alex().rpc('staff_set_member_status', { member: kofi, new_status: 'left' });
		expect(error?.message).toBe('not_allowed');
		// Staff are changed only by admins.
		const { error: staffOnStaff } = await sam().rpc('staff_set_member_status', {
			member: ACCOUNTS.finance.id,
			new_status: 'paused'
		});
		expect(staffOnStaff?.message).toBe('not_allowed');
		// Members cannot change their own status directly either.
		const { error: direct } = await alex()
			.from('profiles')
			.update({ status: 'left' })
			.eq('id', ACCOUNTS.memberA.id);
		expect(direct).not.toBeNull();
	});

	it('staff mark a member co-opted', async () => {
		const { error } = await sam().rpc('staff_set_co_opted', { member: ACCOUNTS.memberB.id, co_opted: true });
		expect(error).toBeNull();
		const { data } = await service()
			.from('profiles')
			.select('co_opted')
			.eq('id', ACCOUNTS.memberB.id)
			.single();
		expect(data).toEqual({ co_opted: true });
		await sam().rpc('staff_set_co_opted', { member: ACCOUNTS.memberB.id, co_opted: false });
	});
});

describe('the audit log', () => {
	it('only admins read it', async () => {
		for (const db of [alex(), sam(), jo()]) {
			const { data } = await db.from('audit_log').select('id').limit(5);
			expect(data ?? []).toEqual([]);
		}
		const { data } = await admin().from('audit_log').select('id').limit(5);
		expect((data as unknown[]).length).toBeGreaterThan(0);
	});
});

describe('a member’s data', () => {
	let zed: Awaited<ReturnType<typeof memberWithEverything>>;
	beforeAll(async () => {
		zed = await memberWithEverything('export');
	});

	it('the export holds every row of theirs and nothing of anyone else’s', async () => {
		const { data, error } = await as(zed.person).rpc('my_data');
		expect(error).toBeNull();
		const d = data as Record<string, unknown> & {
			profile: { id: string; email: string };
			applications: { id: number }[];
			involvements: { id: number }[];
			adjustment_requests: { id: number; items: unknown[] }[];
			claims: { id: number; lines: unknown[]; events: unknown[] }[];
			uploads: { id: string }[];
			bank_details: Record<string, string>;
			access_needs: { items: unknown[] };
		};
		expect(d.profile.id).toBe(zed.person.id);
		expect(d.profile.email).toBe(zed.person.email);
		expect(d.lived_experience).toEqual(['carer', 'mental health']);
		expect((d.saved_opportunities as unknown[]).length).toBe(1);
		expect((d.opportunity_alerts as unknown[]).length).toBe(1);
		expect(d.applications.map((a) => a.id)).toEqual([zed.ids.application]);
		expect(d.involvements.map((i) => i.id)).toEqual([zed.ids.involvement]);
		expect(d.access_needs.items.length).toBe(1);
		expect((d.access_need_consents as unknown[]).length).toBe(1);
		expect(d.adjustment_requests.map((r) => r.id)).toEqual([zed.ids.request]);
		expect(d.adjustment_requests[0]!.items.length).toBe(1);
		expect(d.claims.map((c) => c.id)).toEqual([zed.ids.claim]);
		expect(d.claims[0]!.lines.length).toBe(1);
		expect(d.claims[0]!.events.length).toBe(1);
		expect(d.uploads.map((u) => u.id)).toEqual([zed.ids.upload]);
		expect(d.bank_details).toMatchObject({ sort_code_ends: '33', account_number_ends: '78' });
		expect(JSON.stringify(d)).not.toContain('12345678');
		expect((d.accessibility_reports as unknown[]).length).toBe(1);
		expect((d.sessions as unknown[]).length).toBe(1);

		// Nothing of anyone else's: no other member's id, email or name, nor any staff id.
		const text = JSON.stringify(d);
		for (const other of [ACCOUNTS.memberA, ACCOUNTS.memberB, ACCOUNTS.staff, ACCOUNTS.admin]) {
			expect(text).not.toContain(other.id);
			expect(text).not.toContain(other.email);
		}
		// And another member's export is theirs alone.
		const { data: alexData } = await alex().rpc('my_data');
		expect(JSON.stringify(alexData)).not.toContain(zed.person.id);
		expect((alexData as { profile: { id: string } }).profile.id).toBe(ACCOUNTS.memberA.id);
	});
});

describe('deletion', () => {
	let zed: Awaited<ReturnType<typeof memberWithEverything>>;
	let requestId: number;
	beforeAll(async () => {
		zed = await memberWithEverything('deleted');
	});

	it('a member asks; asking again gives the same request; another member cannot read it; staff can', async () => {
		const me = as(zed.person);
		const { data, error } = await me.rpc('ask_to_be_deleted', { request_key: randomUUID() });
		expect(error).toBeNull();
		requestId = data as number;
		const { data: again } = await me.rpc('ask_to_be_deleted', { request_key: randomUUID() });
		expect(again).toBe(requestId);
		const { data: seenByPriya } = await priya().from('deletion_requests').select('id').eq('id', requestId);
		expect(seenByPriya).toEqual([]);
		const { data: profileByPriya } = await priya().from('profiles').select('id').eq('id', zed.person.id);
		expect(profileByPriya).toEqual([]);
		const { data: seenBySam } = await sam()
			.from('deletion_requests')
			.select('id, status')
			.eq('id', requestId);
		expect(seenBySam).toEqual([{ id: requestId, status: 'waiting' }]);
	});

	it('only an admin carries it out', async () => {
		for (const db of [sam(), jo(), as(zed.person)]) {
			const { error } = await db.rpc('carry_out_deletion', { request: requestId });
			expect(error?.message).toBe('not_allowed');
		}
	});

	it('deletion leaves no personal data outside the kept payment records', async () => {
		const { data, error } = await admin().rpc('carry_out_deletion', { request: requestId });
		expect(error).toBeNull();
		const result = data as { email: string; payment_records_kept_until: string };
		expect(result.email).toBe(zed.person.email);
		expect(Number(result.payment_records_kept_until.slice(0, 4))).toBe(new Date().getFullYear() + 6);

		const db = service();
		const id = zed.person.id;
		// The profile stays (so counts stay right) with nothing personal in it.
		const { data: profile } = await db.from('profiles').select('*').eq('id', id).single();
		const p = profile as Record<string, unknown>;
		expect(p.full_name).toBe('Deleted member');
		expect(p.email).not.toContain('zed');
		for (const key of ['preferred_name', 'pronouns', 'phone', 'region', 'display_settings'])
			expect(p[key], key).toBeNull();
		expect(p.interests).toEqual([]);
		expect(p.deleted_at).not.toBeNull();

		// Every table with a member, owner, reporter or user column: none of the member's rows remain,
		// except the kept ones (involvements, adjustment requests, claims) and the request itself.
		const byMember: [string, string][] = [
			['saved_opportunities', 'member_id'],
			['opportunity_alerts', 'member_id'],
			['applications', 'member_id'],
			['access_needs', 'member_id'],
			['access_need_items', 'member_id'],
			['access_need_consents', 'member_id'],
			['lived_experience', 'member_id'],
			['bank_details', 'member_id'],
			['bank_change_requests', 'member_id'],
			['accessibility_reports', 'reporter_id'],
			['sessions', 'user_id']
		];
		for (const [table, column] of byMember) {
			const { data: rows, error: e } = await db.from(table).select(column).eq(column, id);
			expect(e, table).toBeNull();
			expect(rows, table).toEqual([]);
		}
		const { data: uploads } = await db.from('uploads').select('id').eq('owner_id', id);
		expect(uploads).toEqual([{ id: zed.ids.upload }]); // the receipt on the kept claim
		const { data: inv } = await db.from('involvements').select('id').eq('member_id', id);
		expect(inv).toEqual([{ id: zed.ids.involvement }]);

		// No name or email anywhere outside the kept payment records.
		const { data: items } = await db.from('adjustment_items').select('*').eq('request_id', zed.ids.request);
		const { data: events } = await db.from('adjustment_events').select('*').eq('request_id', zed.ids.request);
		const { data: reports } = await db
			.from('accessibility_reports')
			.select('*')
			.ilike('details', `%${zed.name}%`);
		const { data: codes } = await db.from('sign_in_codes').select('id').eq('email', zed.person.email);
		const { data: audit } = await db.from('audit_log').select('details').eq('entity_id', id);
		const outside = JSON.stringify({ profile, items, events, reports, codes, audit });
		expect(outside).not.toContain(zed.name);
		expect(outside).not.toContain('Zed');
		expect(outside).not.toContain(zed.person.email);
		expect((items as { note: string }[])[0]!.note).toBe('Removed');

		// Payment records are kept with the name beside them until the period ends.
		const { data: payee } = await db.from('payment_payees').select('full_name').eq('member_id', id);
		expect(payee).toEqual([{ full_name: zed.name }]);
		const { data: claim } = await db.from('claims').select('id, reply').eq('id', zed.ids.claim).single();
		expect(claim).toEqual({ id: zed.ids.claim, reply: `${zed.name} replied` });

		const { data: req } = await db.from('deletion_requests').select('status').eq('id', requestId).single();
		expect(req).toEqual({ status: 'done' });
		const { error: twice } = await admin().rpc('carry_out_deletion', { request: requestId });
		expect(twice?.message).toBe('wrong_status');
	});

	it('the retention job removes audit rows older than their period, and only those', async () => {
		const db = service();
		const old = new Date();
		old.setFullYear(old.getFullYear() - 7);
		const { data: rows, error: insertError } = await db
			.from('audit_log')
			.insert([
				{ at: old.toISOString(), action: 'retention test', entity: 'test', entity_id: 'old' },
				{ at: new Date().toISOString(), action: 'retention test', entity: 'test', entity_id: 'new' }
			])
			.select('id, entity_id');
		expect(insertError).toBeNull();
		expect((rows as unknown[]).length).toBe(2);
		const { data, error } = await db.rpc('apply_retention', {});
		expect(error).toBeNull();
		expect((data as { audit_rows_removed: number }).audit_rows_removed).toBeGreaterThanOrEqual(1);
		const { data: left } = await db.from('audit_log').select('entity_id').eq('action', 'retention test');
		expect(left).toEqual([{ entity_id: 'new' }]);
	});

	it('the retention job anonymises payment records once their period has ended', async () => {
		const db = service();
		const id = zed.person.id;
		// Not yet: nothing changes.
		const { data: early } = await db.rpc('apply_retention', {});
		expect((early as { payment_records_anonymised: number }).payment_records_anonymised).toBe(0);
		// The period ends (as if six years had passed since the last payment).
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		await db.from('payment_payees').update({ kept_until: yesterday }).eq('member_id', id);
		const { data: done, error } = await db.rpc('apply_retention', {});
		expect(error).toBeNull();
		expect(
			(done as { payment_records_anonymised: number }).payment_records_anonymised
		).toBeGreaterThanOrEqual(1);
		const { data: payee } = await db.from('payment_payees').select('member_id').eq('member_id', id);
		expect(payee).toEqual([]);
		const { data: claim } = await db.from('claims').select('reply, message').eq('id', zed.ids.claim).single();
		expect(claim).toEqual({ reply: null, message: null });
		const { data: lines } = await db
			.from('claim_lines')
			.select('description, receipt_id, amount_pence')
			.eq('claim_id', zed.ids.claim);
		expect(lines).toEqual([{ description: null, receipt_id: null, amount_pence: 2400 }]);
		const { data: uploads } = await db.from('uploads').select('id').eq('owner_id', id);
		expect(uploads).toEqual([]);
		const { data: events } = await db.from('claim_events').select('message').eq('claim_id', zed.ids.claim);
		expect(JSON.stringify(events)).not.toContain('Zed');
		// Members and staff cannot run it.
		for (const client of [alex(), admin()] as SupabaseClient[]) {
			const { error: refused } = await client.rpc('apply_retention', {});
			expect(refused).not.toBeNull();
		}
	});
});

describe('steering group terms', () => {
	it('the job emails every active member of staff once about terms ending within the reminder period', async () => {
		const db = service();
		const sent: Message[] = [];
		const send = async (m: Message) => {
			sent.push(m);
		};
		const reminded = await sendTermReminders({ db, send, origin: 'https://together.example' });
		expect(reminded).toBeGreaterThanOrEqual(1);
		const toSam = sent.find((m) => m.to === ACCOUNTS.staff.email)!;
		expect(toSam.text).toContain('Liam Walsh');
		expect(toSam.text).toContain('https://together.example/admin/steering-group');
		expect(sent.some((m) => m.to === ACCOUNTS.memberA.email)).toBe(false);
		// Not again for the same term end.
		sent.length = 0;
		expect(await sendTermReminders({ db, send, origin: 'https://together.example' })).toBe(0);
		expect(sent).toEqual([]);
		// Staff and members cannot ask who is due.
		const { error: refused } = await sam().rpc('due_term_reminders', {});
		expect(refused).not.toBeNull();
	});

	it('a term outside the reminder period is not due yet; the period is a setting only admins change', async () => {
		const { data } = await service().rpc('due_term_reminders', {});
		expect(data).toEqual([]);
		const { data: bySam } = await sam()
			.from('data_settings')
			.update({ term_reminder_days: 90, updated_by: ACCOUNTS.staff.id })
			.eq('id', true)
			.select('id');
		expect(bySam ?? []).toEqual([]);
		const { error } = await admin()
			.from('data_settings')
			.update({ term_reminder_days: 90, updated_by: ACCOUNTS.admin.id })
			.eq('id', true);
		expect(error).toBeNull();
		// The rest of the steering group's terms end in 59 days: due now.
		const { data: due } = await service().rpc('due_term_reminders', {});
		expect((due as unknown[]).length).toBeGreaterThan(5);
		await admin()
			.from('data_settings')
			.update({ term_reminder_days: 30, updated_by: ACCOUNTS.admin.id })
			.eq('id', true);
	});
});
