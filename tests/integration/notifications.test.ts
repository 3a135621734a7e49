// New-opportunity alerts against the real stack: who is due what (due_opportunity_alerts), who may
// touch the alert tables and settings, and the job that emails them through the real SMTP catcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueAlerts } from '$lib/server/alerts/deliver';
import { readToken } from '$lib/server/alerts/token';
import { sendDueAlerts } from '$lib/server/notifications';
import { sendMail } from '$lib/server/mail';
import { ACCOUNTS, as, mailTo, service, setLanguage } from './helpers';

// Generated demo members no other test uses.
const EMAILS = {
	housing: 'fiona.macleod@example.org',
	events: 'daniel.cohen@example.org',
	everything: 'imran.hussain@example.org',
	weekly: 'sophie.turner@example.org',
	job: 'chidi.okonkwo@example.org'
} as const;
type Who = keyof typeof EMAILS;

interface Settings {
	id: string;
	email: string;
	interests: string[];
	interest_types: string[];
	notify_rhythm: string;
}

const svc = service();
const members = {} as Record<Who, Settings>;
const original: Settings[] = [];
const created: number[] = [];
const stamp = Date.now();

async function publish(title: string, type: string, topics: string[]): Promise<number> {
	const { data, error } = await svc
		.from('opportunities')
		.insert({
			type,
			title: `${title} ${stamp}`,
			summary: 'A test opportunity for the notifications tests.',
			location_type: 'online',
			topics,
			status: 'published',
			closes_at: '2099-12-31T23:59:59Z'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	const id = (data as { id: number }).id;
	created.push(id);
	return id;
}

async function set(who: Who, changes: Partial<Omit<Settings, 'id' | 'email'>>) {
	const { error } = await svc.from('profiles').update(changes).eq('id', members[who].id);
	expect(error).toBeNull();
}

/** The opportunities (of those given) due to a member now. */
async function dueTo(who: Who, among: number[]): Promise<number[]> {
	const { data, error } = await svc.rpc('due_opportunity_alerts');
	expect(error).toBeNull();
	return (data as { member_id: string; opportunity_id: number }[])
		.filter((r) => r.member_id === members[who].id && among.includes(r.opportunity_id))
		.map((r) => r.opportunity_id)
		.sort((a, b) => a - b);
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
	const { data, error } = await svc
		.from('profiles')
		.select('id, email, interests, interest_types, notify_rhythm')
		.in('email', Object.values(EMAILS));
	expect(error).toBeNull();
	for (const row of data as Settings[]) {
		original.push(row);
		const who = (Object.keys(EMAILS) as Who[]).find((k) => EMAILS[k] === row.email)!;
		members[who] = row;
	}
	expect(Object.keys(members)).toHaveLength(5);
	// The weekly member's last seven days start empty (the demo data may have told them of something).
	await svc
		.from('opportunity_alerts')
		.update({ sent_at: daysAgo(10) })
		.eq('member_id', members.weekly.id)
		.gt('sent_at', daysAgo(7));
});

afterAll(async () => {
	for (const { id, interests, interest_types, notify_rhythm } of original) {
		await svc.from('profiles').update({ interests, interest_types, notify_rhythm }).eq('id', id);
	}
	// Archived, so nobody is due them after these tests.
	if (created.length) await svc.from('opportunities').update({ status: 'archived' }).in('id', created);
});

describe('who is due which new opportunities', () => {
	let housingCommittee: number;
	let autismEvent: number;
	let both: number[];

	beforeAll(async () => {
		housingCommittee = await publish('Housing committee', 'committee', ['housing']);
		autismEvent = await publish('Autism event', 'event', ['autism']);
		both = [housingCommittee, autismEvent].sort((a, b) => a - b);
	});

	it('matches any chosen topic, and every topic when none is chosen', async () => {
		await set('housing', {
			interests: ['housing', 'carers'],
			interest_types: [],
			notify_rhythm: 'as_they_come'
		});
		await set('everything', { interests: [], interest_types: [], notify_rhythm: 'as_they_come' });
		expect(await dueTo('housing', both)).toEqual([housingCommittee]);
		expect(await dueTo('everything', both)).toEqual(both);
	});

	it('matches any chosen kind, and every kind when none is chosen', async () => {
		await set('events', {
			interests: [],
			interest_types: ['event', 'training'],
			notify_rhythm: 'as_they_come'
		});
		expect(await dueTo('events', both)).toEqual([autismEvent]);
		// Topic and kind must both match.
		await set('events', { interests: ['housing'], interest_types: ['event'] });
		expect(await dueTo('events', both)).toEqual([]);
	});

	it('tells nobody who chose not to be emailed', async () => {
		await set('everything', { notify_rhythm: 'off' });
		expect(await dueTo('everything', both)).toEqual([]);
		await set('everything', { notify_rhythm: 'as_they_come' });
		expect(await dueTo('everything', both)).toEqual(both);
	});

	it('tells weekly members only when they heard nothing in the last 7 days', async () => {
		await set('weekly', { interests: [], interest_types: [], notify_rhythm: 'weekly' });
		expect(await dueTo('weekly', both)).toEqual(both);

		const other = await publish('Something told three days ago', 'training', []);
		const { error } = await svc
			.from('opportunity_alerts')
			.insert({ member_id: members.weekly.id, opportunity_id: other, sent_at: daysAgo(3) });
		expect(error).toBeNull();
		expect(await dueTo('weekly', both)).toEqual([]);

		await svc
			.from('opportunity_alerts')
			.update({ sent_at: daysAgo(8) })
			.eq('member_id', members.weekly.id)
			.eq('opportunity_id', other);
		expect(await dueTo('weekly', both)).toEqual(both);

		// "As they come" members hear at once, whatever they were told this week.
		await set('weekly', { notify_rhythm: 'as_they_come' });
		await svc
			.from('opportunity_alerts')
			.update({ sent_at: daysAgo(1) })
			.eq('member_id', members.weekly.id)
			.eq('opportunity_id', other);
		expect(await dueTo('weekly', both)).toEqual(both);
	});

	it('never tells a member twice about the same opportunity', async () => {
		const { error } = await svc
			.from('opportunity_alerts')
			.insert({ member_id: members.everything.id, opportunity_id: housingCommittee });
		expect(error).toBeNull();
		expect(await dueTo('everything', both)).toEqual([autismEvent]);
	});

	it('leaves out drafts, and opportunities past their closing date', async () => {
		const draft = await publish('Draft', 'event', []);
		await svc.from('opportunities').update({ status: 'draft' }).eq('id', draft);
		expect(await dueTo('events', [draft])).toEqual([]);
		const { data, error } = await svc
			.from('opportunities')
			.update({ status: 'published', closes_at: daysAgo(1) })
			.eq('id', draft)
			.select('status');
		expect(error).toBeNull();
		expect(data).toEqual([{ status: 'published' }]);
		await set('events', { interests: [], interest_types: [] });
		expect(await dueTo('events', [draft])).toEqual([]);
		const closed = await svc.rpc('close_past_opportunities');
		expect(closed.error).toBeNull();
		expect(closed.data).toBeGreaterThanOrEqual(1);
		const after = await svc.from('opportunities').select('status').eq('id', draft).single();
		expect(after.data).toEqual({ status: 'closed' });
	});
});

describe('who may touch alerts and settings', () => {
	it('members and staff cannot read or write opportunity_alerts', async () => {
		for (const account of [ACCOUNTS.memberA, ACCOUNTS.staff]) {
			const db = as(account);
			const read = await db.from('opportunity_alerts').select('*').limit(1);
			expect(read.error?.code).toBe('42501');
			const write = await db.from('opportunity_alerts').insert({ member_id: account.id, opportunity_id: 1 });
			expect(write.error?.code).toBe('42501');
			const remove = await db.from('opportunity_alerts').delete().eq('member_id', account.id);
			expect(remove.error?.code).toBe('42501');
		}
	});

	it('members and staff cannot call the job functions', async () => {
		for (const account of [ACCOUNTS.memberA, ACCOUNTS.staff]) {
			const due = await as(account).rpc('due_opportunity_alerts');
			expect(due.error?.code).toBe('42501');
			const close = await as(account).rpc('close_past_opportunities');
			expect(close.error?.code).toBe('42501');
		}
	});

	it('a member changes their own topics, kinds and rhythm, and nobody else’s', async () => {
		const a = as(ACCOUNTS.memberA);
		const before = await svc
			.from('profiles')
			.select('id, interests, interest_types, notify_rhythm')
			.in('id', [ACCOUNTS.memberA.id, ACCOUNTS.memberB.id]);
		try {
			const own = await a
				.from('profiles')
				.update({ interests: ['housing'], interest_types: ['event'], notify_rhythm: 'off' })
				.eq('id', ACCOUNTS.memberA.id)
				.select('interests, interest_types, notify_rhythm');
			expect(own.error).toBeNull();
			expect(own.data).toEqual([{ interests: ['housing'], interest_types: ['event'], notify_rhythm: 'off' }]);

			const other = await a
				.from('profiles')
				.update({ interest_types: ['event'], notify_rhythm: 'off' })
				.eq('id', ACCOUNTS.memberB.id)
				.select('id');
			expect(other.error).toBeNull();
			expect(other.data).toEqual([]);
			const b = await svc.from('profiles').select('notify_rhythm').eq('id', ACCOUNTS.memberB.id).single();
			expect(b.data?.notify_rhythm).not.toBe('off');

			const role = await a.from('profiles').update({ role: 'staff' }).eq('id', ACCOUNTS.memberA.id);
			expect(role.error?.code).toBe('42501');
			const bad = await a.from('profiles').update({ notify_rhythm: 'hourly' }).eq('id', ACCOUNTS.memberA.id);
			expect(bad.error?.code).toBe('22P02');
		} finally {
			for (const row of before.data as Settings[]) {
				const { id, interests, interest_types, notify_rhythm } = row;
				await svc.from('profiles').update({ interests, interest_types, notify_rhythm }).eq('id', id);
			}
		}
	});
});

describe('the alert job', () => {
	const origin = process.env.ORIGIN || 'http://localhost:3000';

	async function mailsFor(who: Who, subjectHas: string) {
		return (await mailTo(EMAILS[who])).filter(
			(m) => m.subject.includes(subjectHas) || m.text.includes(subjectHas)
		);
	}

	it('emails a member once, listing what is due, with working change and stop links', async () => {
		await set('job', {
			interests: ['dementia'],
			interest_types: ['committee', 'writing'],
			notify_rhythm: 'as_they_come'
		});
		const first = await publish('Dementia committee', 'committee', ['dementia']);
		const second = await publish('Dementia blog', 'writing', ['dementia', 'carers']);
		await publish('Dementia event', 'event', ['dementia']); // a kind they did not choose

		await sendDueAlerts();
		const mails = await mailsFor('job', `Dementia committee ${stamp}`);
		expect(mails).toHaveLength(1);
		const mail = mails[0]!;
		expect(mail.subject).toBe('2 new opportunities for you');
		expect(mail.text).toContain(
			`Dementia committee ${stamp}\nCommittee\nA test opportunity for the notifications tests.`
		);
		expect(mail.text).toContain('Apply by Thursday 31 December 2099.');
		expect(mail.text).toContain(`Read more and apply: ${origin}/opportunities/${first}\n`);
		expect(mail.text).toContain(`Read more and apply: ${origin}/opportunities/${second}\n`);
		expect(mail.text).not.toContain(`Dementia event ${stamp}`);

		const link = mail.text.match(/(https?:\/\/\S+\/notifications\/(\S+))\n/);
		expect(link).not.toBeNull();
		expect(readToken(process.env.SUPABASE_JWT_SECRET!, link![2]!)).toBe(members.job.id);
		const headers = (mail as unknown as { headers: Record<string, string> }).headers;
		expect(headers['list-unsubscribe']).toBe(`<${link![1]}>`);
		expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		expect(headers['content-language']).toBe('en-GB');
		expect(mail.html).toContain('<html lang="en-GB">');

		const { data } = await svc
			.from('opportunity_alerts')
			.select('opportunity_id, emailed_at')
			.eq('member_id', members.job.id)
			.in('opportunity_id', [first, second]);
		expect(data).toHaveLength(2);
		expect((data as { emailed_at: string | null }[]).every((r) => r.emailed_at)).toBe(true);

		// Run again: nothing new, so nothing sent.
		await sendDueAlerts();
		await new Promise((r) => setTimeout(r, 300));
		expect(await mailsFor('job', `Dementia committee ${stamp}`)).toHaveLength(1);
	});

	it('writes to a member who chose Cymraeg in Welsh, with the Welsh version where staff wrote one', async () => {
		const restore = await setLanguage(members.job.id, 'cy');
		try {
			const welsh = await publish('Dementia panel', 'committee', ['dementia']);
			const { error } = await svc
				.from('opportunities')
				.update({ title_cy: `Panel dementia ${stamp}`, summary_cy: 'Cyfle prawf ar gyfer y profion.' })
				.eq('id', welsh);
			expect(error).toBeNull();
			const english = await publish('Dementia diary', 'writing', ['dementia']);

			const result = await deliverDueAlerts({
				db: svc,
				send: sendMail,
				origin,
				secret: process.env.SUPABASE_JWT_SECRET!,
				members: [members.job.id]
			});
			expect(result).toMatchObject({ emails: 1, alerts: 2, failed: 0 });
			const mails = await mailsFor('job', `Panel dementia ${stamp}`);
			expect(mails).toHaveLength(1);
			const mail = mails[0]!;
			expect(mail.subject).toBe('2 cyfle newydd i chi');
			expect(mail.text).toMatch(/^Helo [^,]+,\n/);
			expect(mail.text).toContain(`Panel dementia ${stamp}\nPwyllgor\nCyfle prawf ar gyfer y profion.`);
			expect(mail.text).not.toContain(`Dementia panel ${stamp}`);
			// No Welsh version: the English title, marked as English in the HTML.
			expect(mail.text).toContain(`Dementia diary ${stamp}`);
			expect(mail.html).toContain(
				`<a href="${origin}/opportunities/${english}" lang="en">Dementia diary ${stamp}</a>`
			);
			expect(mail.text).toContain('Gwnewch gais erbyn Dydd Iau, 31 Rhagfyr 2099.');
			expect(mail.text).toContain(`Darllenwch fwy a gwneud cais: ${origin}/opportunities/${welsh}\n`);
			expect(mail.text).not.toContain('Read more and apply');
			expect(mail.headers['content-language']).toBe('cy');
			expect(mail.headers['list-unsubscribe']).toMatch(/^<https?:\/\/\S+\/notifications\/\S+>$/);
			expect(mail.html).toContain('<html lang="cy">');
		} finally {
			await restore();
		}
	});

	it('sends once when two runs overlap (two servers at once)', async () => {
		const title = `Dementia writing group ${stamp}`;
		await publish('Dementia writing group', 'writing', ['dementia']);
		const [a, b] = await Promise.all([sendDueAlerts(), sendDueAlerts()]);
		expect(a.failed + b.failed).toBe(0);
		await new Promise((r) => setTimeout(r, 300));
		const mails = await mailsFor('job', title);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe(`New opportunity: ${title}`);
	});

	it('gives back the alerts when sending fails, so the next run sends them', async () => {
		const title = `Dementia training ${stamp}`;
		const id = await publish('Dementia training', 'committee', ['dementia']);
		const errors: unknown[][] = [];
		const options = {
			db: svc,
			origin,
			secret: process.env.SUPABASE_JWT_SECRET!,
			members: [members.job.id],
			log: { error: (...args: unknown[]) => errors.push(args) }
		};
		const failed = await deliverDueAlerts({
			...options,
			send: async () => {
				throw new Error('The mail server is down');
			}
		});
		expect(failed).toEqual({ emails: 0, alerts: 0, failed: 1 });
		expect(String(errors[0]?.[0])).toContain('will be tried again');
		const claims = await svc
			.from('opportunity_alerts')
			.select('opportunity_id')
			.eq('member_id', members.job.id)
			.eq('opportunity_id', id);
		expect(claims.data).toEqual([]);

		const sent = await deliverDueAlerts({ ...options, send: sendMail });
		expect(sent).toEqual({ emails: 1, alerts: 1, failed: 0 });
		expect(await mailsFor('job', title)).toHaveLength(1);
	});

	it('reports an alert a stopped job claimed but never confirmed, and does not send it again', async () => {
		const id = await publish('Dementia panel', 'committee', ['dementia']);
		const { error } = await svc.from('opportunity_alerts').insert({
			member_id: members.job.id,
			opportunity_id: id,
			sent_at: new Date(Date.now() - 20 * 60_000).toISOString(),
			emailed_at: null
		});
		expect(error).toBeNull();
		const errors: string[] = [];
		const result = await deliverDueAlerts({
			db: svc,
			origin,
			secret: process.env.SUPABASE_JWT_SECRET!,
			members: [members.job.id],
			send: sendMail,
			log: { error: (...args: unknown[]) => errors.push(args.map(String).join(' ')) }
		});
		expect(result.emails).toBe(0);
		expect(
			errors.some((e) => e.includes(`opportunity ${id} to member ${members.job.id} may not have been sent`))
		).toBe(true);
		expect(await mailsFor('job', `Dementia panel ${stamp}`)).toHaveLength(0);
	});
});
