// Staff review against the real stack: the question editor, the queue and its filters, one
// application with its answers and notes, and decisions (one or several in one transaction, a retry
// deciding nothing twice, the email sent or kept for later). The members here are made for these
// tests, so the demo applications the browser tests use are left as they are.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	addQuestion,
	getQuestion,
	listQuestions,
	moveQuestion,
	removeQuestion,
	updateQuestion
} from '$lib/server/question-editor';
import {
	DecisionError,
	addNote,
	closedToApplications,
	decide,
	decisionEvents,
	emailDecision,
	getApplication,
	getApplicationPage,
	getDecisionTargets,
	listQueue,
	opportunitiesWithApplications
} from '$lib/server/review';
import type { DecisionInput } from '$lib/validation/decision';
import { ACCOUNTS, as, mailTo, nextMail, service, setLanguage } from './helpers';

const staff = () => as(ACCOUNTS.staff);
const run = Date.now();
const day = 86_400_000;

interface Member {
	id: string;
	email: string;
	name: string;
	db: SupabaseClient;
}

async function makeMember(first: string, last: string): Promise<Member> {
	const email = `${first}.${last}.review${run}@example.org`.toLowerCase();
	const { data, error } = await service()
		.from('profiles')
		.insert({
			email,
			full_name: `${first} ${last}`,
			phone: '07700 900999',
			contact_methods: ['email', 'phone'],
			role: 'member',
			status: 'active',
			// Not part of anyone's new-opportunity emails in other tests.
			notify_rhythm: 'off'
		})
		.select('id')
		.single();
	if (error) throw error;
	const id = (data as { id: string }).id;
	return { id, email, name: `${first} ${last}`, db: as({ id, role: 'member' }) };
}

async function makeOpportunity(title: string, closesAt: string | null, type = 'advisory_group') {
	const { data, error } = await staff()
		.from('opportunities')
		.insert({
			type,
			title,
			summary: 'An opportunity made by the review tests.',
			location_type: 'online',
			status: 'published',
			closes_at: closesAt,
			// Published "long ago", so no member is due an email about it in other tests.
			published_at: new Date(Date.now() - 60 * day).toISOString()
		})
		.select('id, title, type, status, closes_at')
		.single();
	if (error) throw error;
	return data as { id: number; title: string; type: string; status: 'published'; closes_at: string | null };
}

async function apply(member: Member, opportunityId: number, answers: Record<number, string>, send = true) {
	const started = await member.db.rpc('start_application', { opportunity: opportunityId });
	if (started.error) throw started.error;
	const app = started.data as { id: number };
	for (const [questionId, answer] of Object.entries(answers)) {
		const { error } = await member.db
			.from('application_answers')
			.insert({ application_id: app.id, question_id: Number(questionId), mode: 'written', answer });
		if (error) throw error;
	}
	if (send) {
		const sent = await member.db.rpc('submit_application', {
			application: app.id,
			request_key: randomUUID()
		});
		if (sent.error) throw sent.error;
	}
	return app.id;
}

const message = (decision: DecisionInput['decision'], extra: Partial<DecisionInput> = {}): DecisionInput => ({
	decision,
	requestKey: randomUUID(),
	subject: 'About {opportunity}',
	body: 'Dear {name},\n\nA message from the review tests.',
	interviewAt: null,
	interviewPlace: null,
	termStartsOn: null,
	termEndsOn: null,
	...extra
});

let opportunity: Awaited<ReturnType<typeof makeOpportunity>>;
let questions: { why: number; travel: number; how: number };
let ada: Member;
let ben: Member;
let cara: Member;
let adaApp: number;
let benApp: number;

beforeAll(async () => {
	[ada, ben, cara] = await Promise.all([
		makeMember('Ada', 'Reviewtest'),
		makeMember('Ben', 'Reviewtest'),
		makeMember('Cara', 'Reviewtest')
	]);
	opportunity = await makeOpportunity(
		`Review test group ${run}`,
		new Date(Date.now() + 30 * day).toISOString()
	);
	const db = staff();
	const why = await addQuestion(db, opportunity.id, {
		kind: 'text',
		prompt: 'Why would you like to join?',
		hint: null,
		options: [],
		required: true
	});
	const travel = await addQuestion(db, opportunity.id, {
		kind: 'yes_no',
		prompt: 'Could you travel to London?',
		hint: 'We pay for travel.',
		options: [],
		required: true
	});
	const how = await addQuestion(db, opportunity.id, {
		kind: 'choice',
		prompt: 'How would you like to take part?',
		hint: null,
		options: ['In person', 'Online'],
		required: false
	});
	questions = { why: why!, travel: travel!, how: how! };
	adaApp = await apply(ada, opportunity.id, {
		[questions.why]: 'I care for my dad.',
		[questions.travel]: 'yes'
	});
	benApp = await apply(ben, opportunity.id, { [questions.why]: 'I use support.', [questions.travel]: 'no' });
	// Cara has a draft: hers until she sends it.
	await apply(cara, opportunity.id, { [questions.why]: 'Not sent yet.' }, false);
});

describe('application questions', () => {
	it('are listed in order, with how many sent applications answered each', async () => {
		const list = await listQuestions(staff(), opportunity.id);
		expect(list.map((q) => [q.id, q.position, q.kind])).toEqual([
			[questions.why, 1, 'text'],
			[questions.travel, 2, 'yes_no'],
			[questions.how, 3, 'choice']
		]);
		expect(list.map((q) => q.answers)).toEqual([2, 2, 0]);
		expect(list[2]!.options).toEqual(['In person', 'Online']);
	});

	it('move up and down by swapping places, in one step; the first cannot go higher', async () => {
		const db = staff();
		await moveQuestion(db, questions.how, 'up');
		expect((await listQuestions(db, opportunity.id)).map((q) => q.id)).toEqual([
			questions.why,
			questions.how,
			questions.travel
		]);
		await moveQuestion(db, questions.why, 'up');
		await moveQuestion(db, questions.how, 'down');
		expect((await listQuestions(db, opportunity.id)).map((q) => q.id)).toEqual([
			questions.why,
			questions.travel,
			questions.how
		]);
		expect(await moveQuestion(db, 999_999_999, 'up')).toBe('not_found');
	});

	it('members cannot move questions', async () => {
		const { error } = await ada.db.rpc('move_application_question', {
			question: questions.how,
			direction: 'up'
		});
		expect(error?.message).toBe('not_allowed');
	});

	it('change; and a question with answers cannot be removed, one without can', async () => {
		const db = staff();
		expect(
			await updateQuestion(db, opportunity.id, questions.travel, {
				kind: 'yes_no',
				prompt: 'Could you travel to London or Leeds?',
				hint: null,
				options: [],
				required: true
			})
		).toBe(true);
		expect((await getQuestion(db, opportunity.id, questions.travel))?.prompt).toBe(
			'Could you travel to London or Leeds?'
		);
		expect(await removeQuestion(db, opportunity.id, questions.why)).toBe('answered');
		const extra = await addQuestion(db, opportunity.id, {
			kind: 'text',
			prompt: 'Anything else?',
			hint: null,
			options: [],
			required: false
		});
		expect((await getQuestion(db, opportunity.id, extra!))?.position).toBe(4);
		expect(await removeQuestion(db, opportunity.id, extra!)).toBe('removed');
		expect(await getQuestion(db, opportunity.id, extra!)).toBeNull();
		// A question of another opportunity is not found through this one.
		expect(await removeQuestion(db, opportunity.id + 1_000_000, questions.how)).toBe('not_found');
	});

	it('a question answered only in a member’s unsent draft still cannot be removed', async () => {
		const db = staff();
		const late = await addQuestion(db, opportunity.id, {
			kind: 'text',
			prompt: 'Only Cara answers this',
			hint: null,
			options: [],
			required: false
		});
		const { data: draft } = await cara.db.rpc('start_application', { opportunity: opportunity.id });
		const { error } = await cara.db.from('application_answers').insert({
			application_id: (draft as { id: number }).id,
			question_id: late,
			mode: 'written',
			answer: 'Mine'
		});
		expect(error).toBeNull();
		expect((await getQuestion(db, opportunity.id, late!))?.answers).toBe(0);
		expect(await removeQuestion(db, opportunity.id, late!)).toBe('answered');
	});
});

describe('the queue', () => {
	it('lists sent applications of an opportunity, never drafts', async () => {
		const rows = await listQueue(staff(), {
			opportunity: opportunity.id,
			status: '',
			q: '',
			sort: 'newest'
		});
		expect(rows.map((r) => r.member.full_name).sort()).toEqual(['Ada Reviewtest', 'Ben Reviewtest']);
		expect(rows.every((r) => r.opportunity.title === opportunity.title && r.status === 'submitted')).toBe(
			true
		);
		expect(rows[0]!.submitted_at >= rows[1]!.submitted_at).toBe(true);
	});

	it('finds a member by part of their name, and filters by status', async () => {
		const db = staff();
		const found = await listQueue(db, { opportunity: null, status: '', q: 'ada review', sort: 'newest' });
		expect(found.map((r) => r.id)).toEqual([adaApp]);
		for (const q of ["Niamh O'Connor", 'niamh o connor', "o'connor"]) {
			const rows = await listQueue(db, { opportunity: null, status: '', q, sort: 'newest' });
			expect(
				rows.map((r) => r.member.full_name),
				q
			).toEqual(["Niamh O'Connor"]);
		}
		const bySort = await listQueue(db, {
			opportunity: null,
			status: 'submitted',
			q: '',
			sort: 'opportunity'
		});
		const titles = bySort.map((r) => r.opportunity.title);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
		expect(bySort.every((r) => r.status === 'submitted')).toBe(true);
		const none = await listQueue(db, {
			opportunity: opportunity.id,
			status: 'accepted',
			q: '',
			sort: 'newest'
		});
		expect(none).toEqual([]);
	});

	it('offers only opportunities with sent applications as filters', async () => {
		const list = await opportunitiesWithApplications(staff());
		expect(list).toContainEqual({ id: opportunity.id, title: opportunity.title });
		expect(list.some((o) => o.title === 'Write a blog about your experience of care')).toBe(false);
	});
});

describe('one application', () => {
	it('shows the member, each question with its answer, and the timeline', async () => {
		const page = await getApplicationPage(staff(), adaApp);
		expect(page?.member).toMatchObject({
			full_name: 'Ada Reviewtest',
			email: ada.email,
			phone: '07700 900999',
			contact_methods: ['email', 'phone']
		});
		expect(page?.questions.map((q) => [q.prompt, q.answer?.answer ?? null])).toEqual([
			['Why would you like to join?', 'I care for my dad.'],
			['Could you travel to London or Leeds?', 'yes'],
			['How would you like to take part?', null],
			['Only Cara answers this', null]
		]);
		expect(page?.events.map((e) => [e.status, e.actor?.full_name])).toEqual([
			['submitted', 'Ada Reviewtest']
		]);
	});

	it('a draft is not there for staff', async () => {
		const { data } = await cara.db
			.from('applications')
			.select('id')
			.eq('opportunity_id', opportunity.id)
			.single();
		expect(await getApplication(staff(), (data as { id: number }).id)).toBeNull();
	});

	it('staff add private notes, listed with their author', async () => {
		await addNote(staff(), adaApp, ACCOUNTS.staff.id, 'Prefers morning meetings.');
		const page = await getApplicationPage(staff(), adaApp);
		expect(page?.notes.map((n) => [n.body, n.author?.full_name])).toEqual([
			['Prefers morning meetings.', 'Sam Okafor']
		]);
	});
});

describe('decisions', () => {
	const origin = 'http://localhost:4173';

	it('an invitation to interview is saved with its details, emailed once, and a retry decides nothing twice', async () => {
		const db = staff();
		const interviewAt = new Date(Date.now() + 10 * day).toISOString();
		const input = message('interview', {
			body: 'Dear {name},\n\nCome and talk to us about {opportunity}.\n\nWhen: {when}\nWhere: {where}',
			interviewAt,
			interviewPlace: 'Room 2, Town Hall, M1 1AA'
		});
		const seen = new Set((await mailTo(ada.email)).map((m) => m.id));
		const written = await decide(db, [adaApp], input);
		expect(written).toHaveLength(1);
		const outcome = await emailDecision(db, input.requestKey, origin);
		expect(outcome.sent.map((e) => e.application_id)).toEqual([adaApp]);
		expect(outcome.failed).toEqual([]);

		const mail = await nextMail(ada.email, seen);
		expect(mail.subject).toBe(`About ${opportunity.title}`);
		expect(mail.text).toContain('Dear Ada Reviewtest,');
		expect(mail.text).toContain(`Come and talk to us about ${opportunity.title}.`);
		expect(mail.text).toContain('Where: Room 2, Town Hall, M1 1AA');
		expect(mail.text).toMatch(/When: \w+day \d{1,2} \w+ \d{4} at \d{1,2}(:\d{2})?(am|pm|\s?noon)/);
		expect(mail.text).toContain(`${origin}/my/applications/${adaApp}`);
		// Ada left the language as her device's: the email's own words are English.
		expect(mail.text).toContain('You can read this message again, and see your application, on Together');
		expect(mail.headers['content-language']).toBe('en-GB');
		expect(mail.html).toContain('<html lang="en-GB">');

		const app = await getApplication(db, adaApp);
		expect(app).toMatchObject({ status: 'interview', interview_place: 'Room 2, Town Hall, M1 1AA' });
		expect(Date.parse(app!.interview_at!)).toBe(Date.parse(interviewAt));
		const events = await decisionEvents(db, input.requestKey);
		expect(events).toHaveLength(1);
		expect(events[0]!.emailed_at).not.toBeNull();

		// The same request again (a double press, a retry): nothing new, no second email.
		expect(await decide(db, [adaApp], input)).toEqual([]);
		expect((await emailDecision(db, input.requestKey, origin)).sent).toEqual([]);
		await new Promise((r) => setTimeout(r, 300));
		expect((await mailTo(ada.email)).filter((m) => !seen.has(m.id))).toHaveLength(1);
	});

	it('a member who chose Cymraeg gets the email’s own words in Welsh, around the message as staff wrote it', async () => {
		const cerys = await makeMember('Cerys', 'Reviewtest');
		await setLanguage(cerys.id, 'cy');
		const welshGroup = await makeOpportunity(`Review test Welsh group ${run}`, null);
		const cerysApp = await apply(cerys, welshGroup.id, {});
		const db = staff();
		const input = message('shortlisted');
		await decide(db, [cerysApp], input);
		const seen = new Set((await mailTo(cerys.email)).map((m) => m.id));
		expect((await emailDecision(db, input.requestKey, origin)).sent).toHaveLength(1);

		const mail = await nextMail(cerys.email, seen);
		expect(mail.subject).toBe(`About ${welshGroup.title}`);
		expect(mail.text).toContain('Dear Cerys Reviewtest,');
		expect(mail.text).toContain('Mae’r neges isod gan y tîm cydgynhyrchu.');
		expect(mail.text).toContain(
			`Gallwch ddarllen y neges hon eto, a gweld eich cais, ar Together: ${origin}/my/applications/${cerysApp}`
		);
		expect(mail.text).not.toContain('You can read this message again');
		expect(mail.headers['content-language']).toBe('cy');
		expect(mail.html).toContain('<html lang="cy">');
		expect(mail.html).toContain(`<a href="${origin}/my/applications/${cerysApp}">`);
	});

	it('when the email fails, the decision stands and the message waits to be sent again', async () => {
		const db = staff();
		const input = message('shortlisted');
		await decide(db, [benApp], input);
		const failing = await emailDecision(db, input.requestKey, origin, async () => {
			throw new Error('SMTP is down');
		});
		expect(failing.sent).toEqual([]);
		expect(failing.failed.map((e) => e.member.email)).toEqual([ben.email]);
		expect((await getApplication(db, benApp))?.status).toBe('shortlisted');
		expect((await decisionEvents(db, input.requestKey))[0]!.emailed_at).toBeNull();

		const seen = new Set((await mailTo(ben.email)).map((m) => m.id));
		const retry = await emailDecision(db, input.requestKey, origin);
		expect(retry.sent).toHaveLength(1);
		expect((await nextMail(ben.email, seen)).text).toContain('Dear Ben Reviewtest,');
		expect((await decisionEvents(db, input.requestKey))[0]!.emailed_at).not.toBeNull();
	});

	it('several at once change all or none: one that does not fit stops the whole decision', async () => {
		const db = staff();
		await expect(decide(db, [adaApp, benApp], message('accepted'))).rejects.toMatchObject({
			key: 'wrong_status'
		} satisfies Partial<DecisionError>);
		const [a, b] = await getDecisionTargets(db, [adaApp, benApp]);
		expect([a?.status, b?.status]).toEqual(['interview', 'shortlisted']);
	});

	it('several at once in one call: each member gets their own message', async () => {
		const db = staff();
		const input = message('not_selected');
		const written = await decide(db, [adaApp, benApp], input);
		expect(written).toHaveLength(2);
		const events = await decisionEvents(db, input.requestKey);
		expect(events.map((e) => [e.member.email, e.message_body.split('\n')[0]])).toEqual([
			[ada.email, 'Dear Ada Reviewtest,'],
			[ben.email, 'Dear Ben Reviewtest,']
		]);
		const outcome = await emailDecision(db, input.requestKey, origin);
		expect(outcome.sent).toHaveLength(2);
		const targets = await getDecisionTargets(db, [adaApp, benApp]);
		expect(targets.map((t) => t.status)).toEqual(['not_selected', 'not_selected']);
	});

	it('the function refuses an invitation without its details, and members cannot decide', async () => {
		await expect(decide(staff(), [adaApp], message('interview'))).rejects.toMatchObject({
			key: 'interview_missing'
		});
		await expect(decide(ada.db, [adaApp], message('offered'))).rejects.toMatchObject({ key: 'not_allowed' });
	});
});

describe('closing dates', () => {
	it('applications close by themselves at the closing date, even while the opportunity still shows as open', async () => {
		const past = await makeOpportunity(
			`Review test closed ${run}`,
			new Date(Date.now() - 60_000).toISOString()
		);
		expect(closedToApplications(past)).toBe(true);
		const { error } = await ada.db.rpc('start_application', { opportunity: past.id });
		expect(error?.message).toBe('opportunity_closed');
	});

	it('a draft started before the closing date cannot be sent after it', async () => {
		const soon = await makeOpportunity(
			`Review test closing ${run}`,
			new Date(Date.now() + day).toISOString()
		);
		expect(closedToApplications(soon)).toBe(false);
		const draft = await apply(ben, soon.id, {}, false);
		const closed = await staff()
			.from('opportunities')
			.update({ closes_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', soon.id);
		expect(closed.error).toBeNull();
		const { error } = await ben.db.rpc('submit_application', {
			application: draft,
			request_key: randomUUID()
		});
		expect(error?.message).toBe('opportunity_closed');
	});
});
