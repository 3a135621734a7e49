// The rules of applying and deciding, as the database enforces them through the API, each tried with
// the JWT of the role it concerns.
import { createHash, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, as, draftInput } from './helpers';

const staff = () => as(ACCOUNTS.staff);
const memberA = () => as(ACCOUNTS.memberA);
const memberB = () => as(ACCOUNTS.memberB);

interface Application {
	id: number;
	status: string;
	member_id: string;
	opportunity_id: number;
}

async function opportunity(title: string, fields: Record<string, unknown> = {}): Promise<number> {
	const { data, error } = await staff()
		.from('opportunities')
		.insert({ ...draftInput(title), status: 'published', ...fields })
		.select('id')
		.single();
	expect(error).toBeNull();
	return (data as { id: number }).id;
}

async function questions(opportunityId: number): Promise<{ required: number; optional: number }> {
	const { data, error } = await staff()
		.from('application_questions')
		.insert([
			{
				opportunity_id: opportunityId,
				position: 1,
				kind: 'text',
				prompt: 'Why would you like to do this?',
				required: true
			},
			{
				opportunity_id: opportunityId,
				position: 2,
				kind: 'yes_no',
				prompt: 'Can we phone you?',
				required: false
			}
		])
		.select('id, position')
		.order('position');
	expect(error).toBeNull();
	const rows = data as { id: number }[];
	return { required: rows[0]!.id, optional: rows[1]!.id };
}

async function start(db: SupabaseClient, opportunityId: number): Promise<Application> {
	const { data, error } = await db.rpc('start_application', { opportunity: opportunityId });
	expect(error).toBeNull();
	return data as Application;
}

async function answer(db: SupabaseClient, application: number, question: number, text: string) {
	return db
		.from('application_answers')
		.upsert({ application_id: application, question_id: question, mode: 'written', answer: text });
}

async function submit(db: SupabaseClient, application: number, key = randomUUID()) {
	return db.rpc('submit_application', { application, request_key: key });
}

function decide(db: SupabaseClient, ids: number[], decision: string, extra: Record<string, unknown> = {}) {
	return db.rpc('decide_applications', {
		application_ids: ids,
		decision,
		request_key: randomUUID(),
		subject: 'About {opportunity}',
		body: 'Dear {name}, thank you for applying for {opportunity}.',
		...extra
	});
}

async function statusOf(id: number): Promise<string> {
	const { data } = await staff().from('applications').select('status').eq('id', id).single();
	return (data as { status: string }).status;
}

async function auditFor(id: number): Promise<string[]> {
	const { data } = await as(ACCOUNTS.admin)
		.from('audit_log')
		.select('action')
		.eq('entity', 'application')
		.eq('entity_id', String(id))
		.order('id');
	return (data as { action: string }[]).map((r) => r.action);
}

let open: number;
let q: { required: number; optional: number };
let submittedA: Application;

beforeAll(async () => {
	open = await opportunity('Applications rules test');
	q = await questions(open);
	const app = await start(memberA(), open);
	expect((await answer(memberA(), app.id, q.required, 'Because I care about this.')).error).toBeNull();
	const { data, error } = await submit(memberA(), app.id);
	expect(error).toBeNull();
	submittedA = data as Application;
});

describe('applying', () => {
	it('a member has one application per opportunity, however often they start', async () => {
		const id = await opportunity('Applications rules test: start twice');
		const [first, second] = await Promise.all([start(memberB(), id), start(memberB(), id)]);
		expect(first.id).toBe(second.id);
		expect(first).toMatchObject({ status: 'draft', member_id: ACCOUNTS.memberB.id });
	});

	it('refuses applications to a closed, past-its-date or unpublished opportunity, saying why', async () => {
		const closed = await opportunity('Applications rules test: closed', { status: 'closed' });
		const past = await opportunity('Applications rules test: past date', {
			closes_at: new Date(Date.now() - 60_000).toISOString()
		});
		const draft = (
			await staff()
				.from('opportunities')
				.insert(draftInput('Applications rules test: draft'))
				.select('id')
				.single()
		).data as { id: number };
		for (const id of [closed, past, draft.id]) {
			const { data, error } = await memberB().rpc('start_application', { opportunity: id });
			expect(data).toBeNull();
			expect(error?.message).toBe('opportunity_closed');
		}
	});

	it('refuses to send a draft, or change its answers, once the opportunity has closed', async () => {
		const id = await opportunity('Applications rules test: closes while drafting');
		const { required } = await questions(id);
		const app = await start(memberB(), id);
		expect((await answer(memberB(), app.id, required, 'My first go.')).error).toBeNull();
		await staff().from('opportunities').update({ status: 'closed' }).eq('id', id);

		const sent = await submit(memberB(), app.id);
		expect(sent.error?.message).toBe('opportunity_closed');
		const changed = await answer(memberB(), app.id, required, 'A change after closing.');
		expect(changed.error).not.toBeNull();
		const { data } = await memberB().from('applications').select('status').eq('id', app.id).single();
		expect(data).toEqual({ status: 'draft' });
	});

	it('will not send an application with a required question unanswered', async () => {
		const id = await opportunity('Applications rules test: required');
		await questions(id);
		const app = await start(memberB(), id);
		const { error } = await submit(memberB(), app.id);
		expect(error?.message).toBe('answers_missing');
	});

	it('sending twice (a double tap or a retry) makes one application', async () => {
		const id = await opportunity('Applications rules test: double tap');
		const { required } = await questions(id);
		const app = await start(memberB(), id);
		await answer(memberB(), app.id, required, 'Sent twice by accident.');
		const key = randomUUID();
		const results = await Promise.all([submit(memberB(), app.id, key), submit(memberB(), app.id, key)]);
		for (const r of results) expect(r.error).toBeNull();
		expect(results.map((r) => (r.data as Application).id)).toEqual([app.id, app.id]);

		const again = await submit(memberB(), app.id, randomUUID());
		expect((again.data as Application).status).toBe('submitted');
		const { data: apps } = await memberB().from('applications').select('id').eq('opportunity_id', id);
		expect(apps).toHaveLength(1);
		const { data: events } = await memberB()
			.from('application_events')
			.select('status')
			.eq('application_id', app.id);
		expect(events).toEqual([{ status: 'submitted' }]);
	});

	it("a member cannot answer, send or withdraw someone else's application", async () => {
		const id = await opportunity('Applications rules test: not yours');
		const { required } = await questions(id);
		const theirs = await start(memberA(), id);

		const written = await answer(memberB(), theirs.id, required, 'Writing in your application.');
		expect(written.error).not.toBeNull();
		expect((await submit(memberB(), theirs.id)).error?.message).toBe('not_found');
		const withdrawn = await memberB().rpc('withdraw_application', { application: submittedA.id });
		expect(withdrawn.error?.message).toBe('not_found');
		const direct = await memberA()
			.from('applications')
			.update({ status: 'accepted' })
			.eq('id', submittedA.id);
		expect(direct.error).not.toBeNull();
		expect(await statusOf(submittedA.id)).toBe('submitted');
	});
});

describe('what each person sees', () => {
	it('a member sees only their own applications, answers and messages', async () => {
		const b = memberB();
		const apps = (await b.from('applications').select('member_id')).data as { member_id: string }[];
		expect(apps.length).toBeGreaterThan(0);
		expect(new Set(apps.map((a) => a.member_id))).toEqual(new Set([ACCOUNTS.memberB.id]));
		expect(
			(await b.from('application_answers').select('*').eq('application_id', submittedA.id)).data
		).toEqual([]);
		expect((await b.from('application_events').select('*').eq('application_id', submittedA.id)).data).toEqual(
			[]
		);
		expect(
			(await b.from('involvements').select('member_id').neq('member_id', ACCOUNTS.memberB.id)).data
		).toEqual([]);
	});

	it('a member never sees staff notes, panels or panel scores, and cannot write notes', async () => {
		const note = await staff()
			.from('application_notes')
			.insert({ application_id: submittedA.id, author_id: ACCOUNTS.staff.id, body: 'Private: phone first.' });
		expect(note.error).toBeNull();
		const a = memberA();
		expect((await a.from('application_notes').select('*')).data).toEqual([]);
		expect((await a.from('panel_scores').select('*')).data).toEqual([]);
		expect((await a.from('panel_members').select('*')).data).toEqual([]);
		const written = await a
			.from('application_notes')
			.insert({ application_id: submittedA.id, author_id: ACCOUNTS.memberA.id, body: 'Me too' });
		expect(written.error).not.toBeNull();
		expect(await auditFor(submittedA.id)).toContain('application note added');
	});

	it('staff see sent applications but never a draft', async () => {
		const id = await opportunity('Applications rules test: drafts are private');
		const draft = await start(memberB(), id);
		const { data } = await staff().from('applications').select('id').in('id', [draft.id, submittedA.id]);
		expect(data).toEqual([{ id: submittedA.id }]);
	});

	it("audio answers are readable by their owner and staff only, and usable only in the owner's answers", async () => {
		const bytes = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1');
		const upload = {
			owner_id: ACCOUNTS.memberA.id,
			purpose: 'application_answer',
			content_type: 'audio/wav',
			size_bytes: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			data: `\\x${bytes.toString('hex')}`
		};
		const mine = await memberA().from('uploads').insert(upload).select('id').single();
		expect(mine.error).toBeNull();
		const id = (mine.data as { id: string }).id;

		const forged = await memberB().from('uploads').insert(upload);
		expect(forged.error).not.toBeNull();
		expect((await memberB().from('uploads').select('id').eq('id', id)).data).toEqual([]);
		const seen = await staff().from('uploads').select('data').eq('id', id).single();
		expect((seen.data as { data: string }).data).toBe(`\\x${bytes.toString('hex')}`);

		const other = await opportunity('Applications rules test: audio');
		const { required } = await questions(other);
		const draftB = await start(memberB(), other);
		const borrowed = await memberB()
			.from('application_answers')
			.insert({ application_id: draftB.id, question_id: required, mode: 'audio', upload_id: id });
		expect(borrowed.error).not.toBeNull();
	});
});

describe('deciding', () => {
	it('only staff decide', async () => {
		const { error } = await decide(memberA(), [submittedA.id], 'offered');
		expect(error?.message).toBe('not_allowed');
		expect(await statusOf(submittedA.id)).toBe('submitted');
	});

	it('a decision is all or nothing: one application that cannot take it stops the lot', async () => {
		const id = await opportunity('Applications rules test: all or nothing');
		const { required } = await questions(id);
		const ok = await start(memberA(), id);
		await answer(memberA(), ok.id, required, 'Ready.');
		await submit(memberA(), ok.id);
		const withdrawn = await start(memberB(), id);
		await answer(memberB(), withdrawn.id, required, 'I will withdraw.');
		await submit(memberB(), withdrawn.id);
		await memberB().rpc('withdraw_application', { application: withdrawn.id });
		const auditBefore = await auditFor(ok.id);

		const { error } = await decide(staff(), [ok.id, withdrawn.id], 'shortlisted');
		expect(error?.message).toBe('wrong_status');
		expect(await statusOf(ok.id)).toBe('submitted');
		const { data: events } = await staff()
			.from('application_events')
			.select('status')
			.eq('application_id', ok.id);
		expect(events).toEqual([{ status: 'submitted' }]);
		expect(await auditFor(ok.id)).toEqual(auditBefore);
	});

	it('a decision changes the status, writes the message and an audit row together, once per request', async () => {
		const key = randomUUID();
		const args = {
			application_ids: [submittedA.id],
			decision: 'interview',
			request_key: key,
			subject: 'Invitation: {opportunity}',
			body: 'Dear {name}, please come and talk to us.',
			interview_at: '2027-01-12T11:00:00Z',
			interview_place: 'On Zoom'
		};
		const first = await staff().rpc('decide_applications', args);
		expect(first.error).toBeNull();
		expect(first.data).toHaveLength(1);
		const retry = await staff().rpc('decide_applications', args);
		expect(retry.error).toBeNull();
		expect(retry.data).toEqual([]);

		const { data: app } = await memberA()
			.from('applications')
			.select('status, interview_place')
			.eq('id', submittedA.id)
			.single();
		expect(app).toEqual({ status: 'interview', interview_place: 'On Zoom' });
		const { data: events } = await memberA()
			.from('application_events')
			.select('status, message_subject, message_body')
			.eq('application_id', submittedA.id)
			.order('id');
		expect(events).toEqual([
			{ status: 'submitted', message_subject: null, message_body: null },
			{
				status: 'interview',
				message_subject: 'Invitation: Applications rules test',
				message_body: 'Dear Alex, please come and talk to us.'
			}
		]);
		expect((await auditFor(submittedA.id)).filter((a) => a === 'application interview')).toHaveLength(1);
	});

	it('an interview needs a time and a place', async () => {
		const { error } = await decide(staff(), [submittedA.id], 'interview');
		expect(error?.message).toBe('interview_missing');
	});

	it('accepting a place records the involvement with the offered term, in the same step', async () => {
		const offer = await decide(staff(), [submittedA.id], 'offered', {
			term_starts_on: '2027-01-01',
			term_ends_on: '2028-12-31'
		});
		expect(offer.error).toBeNull();
		expect(
			(await memberA().from('involvements').select('id').eq('application_id', submittedA.id)).data
		).toEqual([]);

		const { error } = await memberA().rpc('answer_offer', { application: submittedA.id, accept: true });
		expect(error).toBeNull();
		const { data } = await memberA()
			.from('involvements')
			.select('member_id, opportunity_id, role, starts_on, ends_on')
			.eq('application_id', submittedA.id);
		expect(data).toEqual([
			{
				member_id: ACCOUNTS.memberA.id,
				opportunity_id: open,
				role: 'Applications rules test',
				starts_on: '2027-01-01',
				ends_on: '2028-12-31'
			}
		]);
		expect(await auditFor(submittedA.id)).toContain('offer accepted');

		const late = await memberA().rpc('withdraw_application', { application: submittedA.id });
		expect(late.error?.message).toBe('wrong_status');
	});

	it('staff may record an acceptance given by phone, and the involvement follows', async () => {
		const id = await opportunity('Applications rules test: accepted by phone');
		const { required } = await questions(id);
		const app = await start(memberB(), id);
		await answer(memberB(), app.id, required, 'Call me.');
		await submit(memberB(), app.id);
		expect((await decide(staff(), [app.id], 'offered')).error).toBeNull();
		expect((await decide(staff(), [app.id], 'accepted')).error).toBeNull();
		const { data } = await memberB()
			.from('involvements')
			.select('opportunity_id')
			.eq('application_id', app.id);
		expect(data).toEqual([{ opportunity_id: id }]);
	});
});
