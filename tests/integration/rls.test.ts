// Row Level Security through the real API: each role with its own JWT.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, draftInput, service, url } from './helpers';

let draftId: number;

beforeAll(async () => {
	const { data, error } = await as(ACCOUNTS.staff)
		.from('opportunities')
		.insert(draftInput('RLS test draft'))
		.select('id')
		.single();
	expect(error).toBeNull();
	draftId = (data as { id: number }).id;
});

describe('the gateway', () => {
	it('refuses requests without a project API key', async () => {
		const res = await fetch(`${url()}/rest/v1/opportunities`);
		expect(res.status).toBe(401);
	});

	it('refuses a JWT signed with another secret', async () => {
		const { SignJWT } = await import('jose');
		const forged = await new SignJWT({ role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(ACCOUNTS.staff.id)
			.setExpirationTime('5m')
			.sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
		const res = await fetch(`${url()}/rest/v1/opportunities?status=eq.draft`, {
			headers: { apikey: process.env.SUPABASE_ANON_KEY ?? '', authorization: `Bearer ${forged}` }
		});
		expect(res.status).toBe(401);
	});
});

describe('the public (anon)', () => {
	it('reads published and closed opportunities, never drafts or archived ones', async () => {
		const { data, error } = await anon().from('opportunities').select('id, status');
		expect(error).toBeNull();
		const statuses = new Set((data ?? []).map((o) => o.status));
		expect(statuses.has('published')).toBe(true);
		expect([...statuses].every((s) => s === 'published' || s === 'closed')).toBe(true);
		const { data: draft } = await anon().from('opportunities').select('id').eq('id', draftId);
		expect(draft).toEqual([]);
	});

	it('cannot read profiles, sessions, codes or the audit log', async () => {
		for (const table of ['profiles', 'sessions', 'sign_in_codes', 'audit_log', 'rate_limit_hits']) {
			const { data, error } = await anon().from(table).select('*').limit(1);
			expect(data ?? [], table).toEqual([]);
			expect(error?.code, table).toBe('42501');
		}
	});

	it('cannot write opportunities', async () => {
		const { error } = await anon().from('opportunities').insert(draftInput('anon attempt'));
		expect(error?.code).toBe('42501');
	});

	it('cannot use the sign-in functions', async () => {
		const { error } = await anon().rpc('take_rate_limit', {
			bucket_key: 'x',
			max_hits: 1,
			window_seconds: 1
		});
		expect(error?.code).toBe('42501');
	});
});

describe('a member', () => {
	const a = () => as(ACCOUNTS.memberA);

	it('reads only their own profile', async () => {
		const { data, error } = await a().from('profiles').select('id, email');
		expect(error).toBeNull();
		expect(data).toEqual([{ id: ACCOUNTS.memberA.id, email: ACCOUNTS.memberA.email }]);
	});

	it("cannot read another member's profile by id", async () => {
		const { data } = await a().from('profiles').select('*').eq('id', ACCOUNTS.memberB.id);
		expect(data).toEqual([]);
	});

	it('edits their own profile', async () => {
		const { data, error } = await a()
			.from('profiles')
			.update({ pronouns: 'they/them' })
			.eq('id', ACCOUNTS.memberA.id)
			.select('pronouns');
		expect(error).toBeNull();
		expect(data).toEqual([{ pronouns: 'they/them' }]);
	});

	it("cannot change another member's profile", async () => {
		const { data, error } = await a()
			.from('profiles')
			.update({ full_name: 'Changed by A' })
			.eq('id', ACCOUNTS.memberB.id)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		const { data: b } = await service()
			.from('profiles')
			.select('full_name')
			.eq('id', ACCOUNTS.memberB.id)
			.single();
		expect(b?.full_name).not.toBe('Changed by A');
	});

	it('cannot make themselves staff, or change their email', async () => {
		const role = await a().from('profiles').update({ role: 'admin' }).eq('id', ACCOUNTS.memberA.id);
		expect(role.error?.code).toBe('42501');
		const email = await a()
			.from('profiles')
			.update({ email: 'new@example.org' })
			.eq('id', ACCOUNTS.memberA.id);
		expect(email.error?.code).toBe('42501');
		const { data } = await service()
			.from('profiles')
			.select('role, email')
			.eq('id', ACCOUNTS.memberA.id)
			.single();
		expect(data).toEqual({ role: 'member', email: ACCOUNTS.memberA.email });
	});

	it('cannot invite people', async () => {
		const { error } = await a().from('profiles').insert({
			email: 'sneaky@example.org',
			full_name: 'Sneaky',
			status: 'invited',
			invited_by: ACCOUNTS.memberA.id
		});
		expect(error?.code).toBe('42501');
	});

	it('cannot see drafts', async () => {
		const { data } = await a().from('opportunities').select('id').eq('status', 'draft');
		expect(data).toEqual([]);
	});

	it('cannot create, change or delete opportunities', async () => {
		const insert = await a().from('opportunities').insert(draftInput('member attempt'));
		expect(insert.error?.code).toBe('42501');

		const { data: published } = await a()
			.from('opportunities')
			.select('id, title')
			.eq('status', 'published')
			.limit(1)
			.single();
		const update = await a()
			.from('opportunities')
			.update({ title: 'Changed by a member' })
			.eq('id', published!.id)
			.select('id');
		expect(update.data).toEqual([]);
		const del = await a().from('opportunities').delete().eq('id', draftId).select('id');
		expect(del.data).toEqual([]);

		const { data: still } = await service()
			.from('opportunities')
			.select('title')
			.eq('id', published!.id)
			.single();
		expect(still?.title).toBe(published!.title);
		const { data: draft } = await service().from('opportunities').select('id').eq('id', draftId);
		expect(draft).toHaveLength(1);
	});

	it('cannot read sessions, codes or the audit log', async () => {
		for (const table of ['sessions', 'sign_in_codes', 'rate_limit_hits']) {
			const { error } = await a().from(table).select('*').limit(1);
			expect(error?.code, table).toBe('42501');
		}
		const { data } = await a().from('audit_log').select('*');
		expect(data).toEqual([]);
	});
});

describe('staff', () => {
	const staff = () => as(ACCOUNTS.staff);

	it('read every profile and every opportunity, drafts included', async () => {
		const { count } = await staff().from('profiles').select('*', { count: 'exact', head: true });
		expect(count).toBeGreaterThanOrEqual(70);
		const { data } = await staff().from('opportunities').select('id').eq('id', draftId);
		expect(data).toEqual([{ id: draftId }]);
	});

	it('publish, change and close an opportunity, and each step is audited', async () => {
		const s = staff();
		const pub = await s
			.from('opportunities')
			.update({ status: 'published' })
			.eq('id', draftId)
			.select('status, published_at')
			.single();
		expect(pub.error).toBeNull();
		expect(pub.data?.status).toBe('published');
		expect(pub.data?.published_at).toBeTruthy();

		const { data: seen } = await anon().from('opportunities').select('id').eq('id', draftId);
		expect(seen).toEqual([{ id: draftId }]);

		await s.from('opportunities').update({ summary: 'A changed summary for the test.' }).eq('id', draftId);
		await s.from('opportunities').update({ status: 'closed' }).eq('id', draftId);

		const { data: log } = await as(ACCOUNTS.admin)
			.from('audit_log')
			.select('action, actor_id, details')
			.eq('entity', 'opportunity')
			.eq('entity_id', String(draftId))
			.order('id');
		expect(log?.map((l) => l.action)).toEqual([
			'opportunity created',
			'opportunity published',
			'opportunity updated',
			'opportunity closed'
		]);
		expect(log?.every((l) => l.actor_id === ACCOUNTS.staff.id)).toBe(true);
		expect(log?.[2]?.details.changed).toEqual(['summary']);
	});

	it('cannot read the audit log (admins only)', async () => {
		const { data } = await staff().from('audit_log').select('*');
		expect(data).toEqual([]);
	});

	it('invite a member, but cannot give them a staff role', async () => {
		const ok = await staff()
			.from('profiles')
			.insert({
				email: 'invited.by.test@example.org',
				full_name: 'Invited By Test',
				status: 'invited',
				invited_by: ACCOUNTS.staff.id
			})
			.select('status, role')
			.single();
		expect(ok.error).toBeNull();
		expect(ok.data).toEqual({ status: 'invited', role: 'member' });
		const bad = await staff().from('profiles').insert({
			email: 'staff.by.test@example.org',
			full_name: 'X',
			status: 'invited',
			invited_by: ACCOUNTS.staff.id,
			role: 'admin'
		});
		expect(bad.error?.code).toBe('42501');
	});

	it('cannot store a badly shaped easy read version', async () => {
		const { error } = await staff()
			.from('opportunities')
			.insert({ ...draftInput('Bad easy read'), easy_read: [{ text: '', pictogram: 'meeting' }] });
		expect(error?.code).toBe('23514');
	});
});
