// The member's side of applying, through the server module against the real API: a draft and its
// answers (written, recorded, phone call), sending once however often Send is pressed, the
// confirmation email claimed once, uploads readable only by their owner and staff.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ApplicationError,
	answerOffer,
	applyContext,
	getApplication,
	listAnswers,
	saveAnswer,
	startApplication,
	submitApplication,
	withdrawApplication
} from '$lib/server/applications';
import { readUpload } from '$lib/server/uploads';
import { ACCOUNTS, as, draftInput, service } from './helpers';

const A = ACCOUNTS.memberA;
const B = ACCOUNTS.memberB;

/** A tiny but real WAV file (8 kHz, mono, 16-bit), `samples` long. */
function wav(samples = 800): Uint8Array {
	const data = Buffer.alloc(samples * 2);
	for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin(i / 3) * 6000), i * 2);
	const h = Buffer.alloc(44);
	h.write('RIFF', 0);
	h.writeUInt32LE(36 + data.length, 4);
	h.write('WAVE', 8);
	h.write('fmt ', 12);
	h.writeUInt32LE(16, 16);
	h.writeUInt16LE(1, 20);
	h.writeUInt16LE(1, 22);
	h.writeUInt32LE(8000, 24);
	h.writeUInt32LE(16000, 28);
	h.writeUInt16LE(2, 32);
	h.writeUInt16LE(16, 34);
	h.write('data', 36);
	h.writeUInt32LE(data.length, 40);
	return new Uint8Array(Buffer.concat([h, data]));
}

let open: number;
let closed: number;
let questions: { id: number; position: number }[];

beforeAll(async () => {
	const staff = as(ACCOUNTS.staff);
	const make = async (title: string, closes_at: string) => {
		const { data, error } = await staff
			.from('opportunities')
			.insert({ ...draftInput(title), status: 'published', closes_at })
			.select('id')
			.single();
		if (error) throw new Error(error.message);
		return (data as { id: number }).id;
	};
	open = await make('Apply test, open', new Date(Date.now() + 30 * 86_400_000).toISOString());
	closed = await make('Apply test, closing soon', new Date(Date.now() + 30 * 86_400_000).toISOString());
	const { data, error } = await staff
		.from('application_questions')
		.insert([
			{
				opportunity_id: open,
				position: 1,
				kind: 'text',
				prompt: 'Why would you like to take part?',
				required: true
			},
			{
				opportunity_id: open,
				position: 2,
				kind: 'text',
				prompt: 'Tell us about your experience.',
				required: true
			},
			{
				opportunity_id: open,
				position: 3,
				kind: 'yes_no',
				prompt: 'Can we phone you?',
				required: false
			},
			{ opportunity_id: closed, position: 1, kind: 'text', prompt: 'What would you bring?', required: true }
		])
		.select('id, position, opportunity_id')
		.order('position');
	if (error) throw new Error(error.message);
	questions = (data as { id: number; position: number; opportunity_id: number }[]).filter(
		(q) => q.opportunity_id === open
	);
});

describe('applying', () => {
	let applicationId: number;

	it('starts one draft per member, however often Start is pressed', async () => {
		const db = as(A);
		const first = await startApplication(db, open);
		const again = await startApplication(db, open);
		expect(first.status).toBe('draft');
		expect(again.id).toBe(first.id);
		applicationId = first.id;
		const context = await applyContext(db, A.id, open);
		expect(context?.application?.id).toBe(applicationId);
		expect(context?.questions.map((q) => q.position)).toEqual([1, 2, 3]);
		expect(context?.open).toBe(true);
	});

	it('saves written, recorded and phone-call answers, and removes a recording it replaces', async () => {
		const db = as(A);
		const [q1, q2] = questions;
		await saveAnswer(db, A.id, applicationId, q1!.id, { store: 'written', answer: 'To help others.' });
		await saveAnswer(db, A.id, applicationId, q2!.id, {
			store: 'audio',
			file: { contentType: 'audio/wav', bytes: wav() }
		});
		let answers = await listAnswers(db, applicationId);
		const recorded = answers.find((a) => a.question_id === q2!.id)!;
		expect(recorded.mode).toBe('audio');
		const upload = await readUpload(db, recorded.upload_id!);
		expect(upload?.contentType).toBe('audio/wav');
		expect(Buffer.from(upload!.bytes).equals(Buffer.from(wav()))).toBe(true);
		expect(upload?.sha256).toMatch(/^[0-9a-f]{64}$/);

		// A second recording replaces the first, which is then removed.
		await saveAnswer(
			db,
			A.id,
			applicationId,
			q2!.id,
			{ store: 'audio', file: { contentType: 'audio/wav', bytes: wav(400) } },
			recorded
		);
		answers = await listAnswers(db, applicationId);
		const replaced = answers.find((a) => a.question_id === q2!.id)!;
		expect(replaced.upload_id).not.toBe(recorded.upload_id);
		expect(await readUpload(db, recorded.upload_id!)).toBeNull();
		const { data: gone } = await service().from('uploads').select('id').eq('id', recorded.upload_id!);
		expect(gone).toEqual([]);

		// Asking for a phone call instead removes the recording too.
		await saveAnswer(db, A.id, applicationId, q2!.id, { store: 'phone_call' }, replaced);
		answers = await listAnswers(db, applicationId);
		expect(answers.find((a) => a.question_id === q2!.id)).toMatchObject({
			mode: 'phone_call',
			upload_id: null
		});
		expect(await readUpload(db, replaced.upload_id!)).toBeNull();
	});

	it('lets nobody else write to the draft, or read its recordings', async () => {
		const [q1] = questions;
		await expect(
			saveAnswer(as(B), B.id, applicationId, q1!.id, { store: 'written', answer: 'Not mine' })
		).rejects.toThrow(ApplicationError);
		const db = as(A);
		await saveAnswer(db, A.id, applicationId, questions[2]!.id, {
			store: 'audio',
			file: { contentType: 'audio/wav', bytes: wav() }
		});
		const upload = (await listAnswers(db, applicationId)).find(
			(a) => a.question_id === questions[2]!.id
		)!.upload_id!;
		expect(await readUpload(as(B), upload)).toBeNull();
		expect((await readUpload(as(ACCOUNTS.staff), upload))?.contentType).toBe('audio/wav');
		expect(await readUpload(db, 'not-a-uuid')).toBeNull();
		await saveAnswer(db, A.id, applicationId, questions[2]!.id, { store: 'written', answer: 'yes' });
	});

	it('sends once for a double press, and claims the confirmation email once', async () => {
		const db = as(A);
		const key = crypto.randomUUID();
		const [one, two] = await Promise.all([
			submitApplication(db, applicationId, key),
			submitApplication(as(A), applicationId, key)
		]);
		expect(one.application.status).toBe('submitted');
		expect(two.application.id).toBe(one.application.id);
		expect([one.confirm, two.confirm].sort()).toEqual([false, true]);

		// A retry later, with another key, changes nothing and sends no second email.
		const retry = await submitApplication(db, applicationId, crypto.randomUUID());
		expect(retry.confirm).toBe(false);
		const detail = await getApplication(db, applicationId);
		expect(detail?.events.map((e) => e.status)).toEqual(['submitted']);

		const { data: claimed } = await as(B).rpc('claim_submission_email', { application: applicationId });
		expect(claimed).toBe(false);
	});

	it('stops answers changing once sent', async () => {
		await expect(
			saveAnswer(as(A), A.id, applicationId, questions[0]!.id, { store: 'written', answer: 'Changed' })
		).rejects.toThrow(ApplicationError);
	});

	it('withdraws, once, and cannot answer an offer it was never made', async () => {
		const db = as(A);
		await expect(answerOffer(db, applicationId, true)).rejects.toMatchObject({ key: 'wrong_status' });
		expect((await withdrawApplication(db, applicationId)).status).toBe('withdrawn');
		expect((await withdrawApplication(db, applicationId)).status).toBe('withdrawn');
		const detail = await getApplication(db, applicationId);
		expect(detail?.events.map((e) => e.status)).toEqual(['submitted', 'withdrawn']);
	});

	it("does not show one member's application to another", async () => {
		expect(await getApplication(as(B), applicationId)).toBeNull();
		await expect(withdrawApplication(as(B), applicationId)).rejects.toMatchObject({ key: 'not_found' });
	});
});

describe('an offer', () => {
	async function offered(member: { id: string; role: string }) {
		const db = as(member);
		const draft = await startApplication(db, open);
		for (const q of questions.slice(0, 2))
			await saveAnswer(db, member.id, draft.id, q.id, { store: 'written', answer: 'Yes please.' });
		await submitApplication(db, draft.id, crypto.randomUUID());
		const { error } = await as(ACCOUNTS.staff).rpc('decide_applications', {
			application_ids: [draft.id],
			decision: 'offered',
			request_key: crypto.randomUUID(),
			subject: 'A place for you',
			body: 'Dear {name},\n\nWe would like to offer you a place on {opportunity}.'
		});
		expect(error).toBeNull();
		return draft.id;
	}

	it('is declined as a withdrawal, shown with the message staff sent', async () => {
		const id = await offered(B);
		expect((await answerOffer(as(B), id, false)).status).toBe('withdrawn');
		const detail = await getApplication(as(B), id);
		expect(detail?.events.map((e) => e.status)).toEqual(['submitted', 'offered', 'withdrawn']);
		expect(detail?.events[1]?.message_body).toMatch(
			/^Dear .+,\n\nWe would like to offer you a place on Apply test, open\.$/
		);
	});

	it('is accepted once, recording the place as an involvement', async () => {
		const { data } = await service()
			.from('profiles')
			.select('id')
			.eq('email', 'tendai.chikwanha@example.org')
			.single();
		const member = { id: (data as { id: string }).id, role: 'member' };
		const id = await offered(member);
		expect((await answerOffer(as(member), id, true)).status).toBe('accepted');
		expect((await answerOffer(as(member), id, true)).status).toBe('accepted');
		const { data: places } = await as(member).from('involvements').select('application_id, role');
		expect(places).toEqual([{ application_id: id, role: 'Apply test, open' }]);
		await expect(withdrawApplication(as(member), id)).rejects.toMatchObject({ key: 'wrong_status' });
	});
});

describe('a closed opportunity', () => {
	it('refuses new applications, and answers to a draft started before it closed', async () => {
		const draft = await startApplication(as(B), closed);
		const { error } = await service()
			.from('opportunities')
			.update({ closes_at: new Date(Date.now() - 60_000).toISOString() })
			.eq('id', closed);
		expect(error).toBeNull();
		await expect(startApplication(as(A), closed)).rejects.toMatchObject({
			key: 'opportunity_closed',
			message: 'This opportunity has closed, so it is not taking applications now.'
		});
		const { data: q } = await service()
			.from('application_questions')
			.select('id')
			.eq('opportunity_id', closed)
			.single();
		await expect(
			saveAnswer(as(B), B.id, draft.id, (q as { id: number }).id, { store: 'written', answer: 'Late' })
		).rejects.toMatchObject({ key: 'opportunity_closed' });
		await expect(submitApplication(as(B), draft.id, crypto.randomUUID())).rejects.toMatchObject({
			key: 'opportunity_closed'
		});
		expect((await applyContext(as(B), B.id, closed))?.open).toBe(false);
	});
});
