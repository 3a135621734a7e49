// Applications, the member's side: starting, answering, sending, withdrawing and answering an offer.
// Everything runs as the signed-in member (locals.db), so Row Level Security and the database's own
// functions decide what they may do: answers can be written only to their own open draft, and the
// steps that change an application (start, send, withdraw, answer an offer) are database functions.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import {
	isApplicationErrorKey,
	type Answer,
	type Application,
	type ApplicationErrorKey,
	type ApplicationEvent,
	type ApplicationListItem,
	type Question
} from '$lib/applications';
import { type Opportunity } from '$lib/opportunities';
import type { Decision } from '$lib/validation/application';
import { applicationErrorWords } from '$lib/i18n/error-words';
import { fail } from './db/fail';
import { dateWords } from '$lib/i18n/date-words';
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { sendMail, type Message } from './mail';
import { inLanguage, letter } from './mail/language';
import { getOpportunity } from './opportunities';
import { removeUpload, storeUpload } from './uploads';

/** A refusal the member can understand and act on; `message` is in plain words. */
export class ApplicationError extends Error {
	constructor(readonly key: ApplicationErrorKey) {
		super(applicationErrorWords(key));
		this.name = 'ApplicationError';
	}
}

/** A database error with one of the schema's message keys becomes an ApplicationError; others stop. */
function refuse(context: string, error: PostgrestError): never {
	if (isApplicationErrorKey(error.message)) throw new ApplicationError(error.message);
	fail(context, error);
}

/** Is the opportunity taking applications now? Published, and its closing date not passed. */
export function isOpen(o: Pick<Opportunity, 'status' | 'closes_at'>, now = Date.now()): boolean {
	return o.status === 'published' && (!o.closes_at || Date.parse(o.closes_at) > now);
}

export async function listQuestions(db: SupabaseClient, opportunityId: number): Promise<Question[]> {
	const { data, error } = await db
		.from('application_questions')
		.select('id, opportunity_id, position, kind, prompt, hint, options, required')
		.eq('opportunity_id', opportunityId)
		.order('position');
	if (error) fail('Questions', error);
	return data as Question[];
}

const APPLICATION_COLUMNS =
	'id, opportunity_id, member_id, status, submitted_at, interview_at, interview_place, term_starts_on, term_ends_on, created_at, updated_at';

/** The member's own application to an opportunity, if they have one. */
export async function findMine(
	db: SupabaseClient,
	memberId: string,
	opportunityId: number
): Promise<Application | null> {
	const { data, error } = await db
		.from('applications')
		.select(APPLICATION_COLUMNS)
		.eq('opportunity_id', opportunityId)
		.eq('member_id', memberId)
		.maybeSingle();
	if (error) fail('Your application', error);
	return data as Application | null;
}

export async function listAnswers(db: SupabaseClient, applicationId: number): Promise<Answer[]> {
	const { data, error } = await db
		.from('application_answers')
		.select('question_id, mode, answer, upload_id, updated_at')
		.eq('application_id', applicationId);
	if (error) fail('Your answers', error);
	return data as Answer[];
}

export interface ApplyContext {
	opportunity: Opportunity;
	questions: Question[];
	/** The member's application to it, if they have started one. */
	application: Application | null;
	answers: Answer[];
	/** Whether the opportunity is taking applications now. */
	open: boolean;
}

/** Everything the apply pages need about one opportunity and the member's application to it. */
export async function applyContext(
	db: SupabaseClient,
	memberId: string,
	opportunityId: number
): Promise<ApplyContext | null> {
	const [opportunity, questions, application] = await Promise.all([
		getOpportunity(db, opportunityId),
		listQuestions(db, opportunityId),
		findMine(db, memberId, opportunityId)
	]);
	if (!opportunity) return null;
	const answers = application ? await listAnswers(db, application.id) : [];
	return { opportunity, questions, application, answers, open: isOpen(opportunity) };
}

/** Starts the member's application, or returns the one they already have. */
export async function startApplication(db: SupabaseClient, opportunityId: number): Promise<Application> {
	const { data, error } = await db.rpc('start_application', { opportunity: opportunityId });
	if (error) refuse('Starting the application', error);
	return data as Application;
}

/**
 * Where a member carries on: the first question without an answer, in order. An optional question
 * before one they have answered was skipped on purpose, so it is passed over.
 */
export function firstUnanswered(questions: Question[], answers: Answer[]): Question | null {
	const answered = new Set(answers.map((a) => a.question_id));
	const last = questions.findLastIndex((q) => answered.has(q.id));
	return questions.find((q, i) => !answered.has(q.id) && (q.required || i > last)) ?? null;
}

/** Required questions that have no answer yet, in order. */
export function missingAnswers(questions: Question[], answers: Answer[]): Question[] {
	const answered = new Set(answers.map((a) => a.question_id));
	return questions.filter((q) => q.required && !answered.has(q.id));
}

export type AnswerToSave = Exclude<Decision, { store: 'audio' }> | { store: 'audio'; file: AudioFile };

export interface AudioFile {
	contentType: string;
	bytes: Uint8Array;
}

function answerRefused(error: PostgrestError): never {
	// Row Level Security refuses answers to anything but the member's own open draft.
	if (error.code === '42501') throw new ApplicationError('opportunity_closed');
	fail('Saving your answer', error);
}

/**
 * Saves one answer to the member's draft (or removes it). A recording is stored first; a recording it
 * replaces is removed once nothing points to it.
 */
export async function saveAnswer(
	db: SupabaseClient,
	memberId: string,
	applicationId: number,
	questionId: number,
	save: AnswerToSave,
	previous?: Answer
): Promise<void> {
	if (save.store === 'keep') return;
	const key = { application_id: applicationId, question_id: questionId };
	if (save.store === 'clear') {
		if (!previous) return;
		const { error } = await db
			.from('application_answers')
			.delete()
			.eq('application_id', applicationId)
			.eq('question_id', questionId);
		if (error) answerRefused(error);
	} else {
		let uploadId: string | null = null;
		if (save.store === 'audio') {
			uploadId = await storeUpload(
				db,
				memberId,
				'application_answer',
				save.file.contentType,
				save.file.bytes
			);
		}
		const row = {
			...key,
			mode: save.store,
			answer: save.store === 'written' ? save.answer : null,
			upload_id: uploadId
		};
		const { error } = await db
			.from('application_answers')
			.upsert(row, { onConflict: 'application_id,question_id' });
		if (error) {
			if (uploadId) await removeUpload(db, uploadId).catch(() => {});
			answerRefused(error);
		}
	}
	if (previous?.upload_id) await removeUpload(db, previous.upload_id).catch(() => {});
}

export interface Sent {
	application: Application;
	/** True for the one request that sends the confirmation email (not for a repeat or a retry). */
	confirm: boolean;
}

/**
 * Sends the draft. The same request key again (a double tap, a retry) returns the same application,
 * and only one request is told to send the confirmation email.
 */
export async function submitApplication(
	db: SupabaseClient,
	applicationId: number,
	requestKey: string
): Promise<Sent> {
	const { data, error } = await db.rpc('submit_application', {
		application: applicationId,
		request_key: requestKey
	});
	if (error) refuse('Sending the application', error);
	const application = data as Application;
	if (application.status === 'draft') return { application, confirm: false };
	const claim = await db.rpc('claim_submission_email', { application: applicationId });
	if (claim.error) fail('Sending the application', claim.error);
	return { application, confirm: claim.data === true };
}

export async function withdrawApplication(db: SupabaseClient, applicationId: number): Promise<Application> {
	const { data, error } = await db.rpc('withdraw_application', { application: applicationId });
	if (error) refuse('Withdrawing the application', error);
	return data as Application;
}

export async function answerOffer(
	db: SupabaseClient,
	applicationId: number,
	accept: boolean
): Promise<Application> {
	const { data, error } = await db.rpc('answer_offer', { application: applicationId, accept });
	if (error) refuse(accept ? 'Accepting the place' : 'Declining the place', error);
	return data as Application;
}

/** The member's own applications, the most recently changed first. */
export async function listMine(db: SupabaseClient, memberId: string): Promise<ApplicationListItem[]> {
	const { data, error } = await db
		.from('applications')
		.select(
			`${APPLICATION_COLUMNS}, opportunity:opportunities (id, title, title_cy, status, closes_at, type)`
		)
		.eq('member_id', memberId)
		.order('updated_at', { ascending: false })
		.limit(200);
	if (error) fail('Your applications', error);
	return data as unknown as ApplicationListItem[];
}

export interface ApplicationDetail {
	application: Application;
	opportunity: Opportunity | null;
	questions: Question[];
	answers: Answer[];
	events: ApplicationEvent[];
}

/** One application the visitor may read, with its questions, answers and timeline; or null. */
export async function getApplication(db: SupabaseClient, id: number): Promise<ApplicationDetail | null> {
	const { data, error } = await db
		.from('applications')
		.select(`${APPLICATION_COLUMNS}, opportunity:opportunities (*)`)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('The application', error);
	if (!data) return null;
	const { opportunity, ...application } = data as unknown as Application & {
		opportunity: Opportunity | null;
	};
	const [questions, answers, events] = await Promise.all([
		listQuestions(db, application.opportunity_id),
		listAnswers(db, application.id),
		db
			.from('application_events')
			.select('id, application_id, status, at, actor_id, message_subject, message_body')
			.eq('application_id', application.id)
			.order('at')
			.order('id')
	]);
	if (events.error) fail('The application’s timeline', events.error);
	return { application, opportunity, questions, answers, events: events.data as ApplicationEvent[] };
}

/** The member's phone number from their profile, to say where we would call them. */
export async function phoneNumber(db: SupabaseClient, memberId: string): Promise<string | null> {
	const { data, error } = await db.from('profiles').select('phone').eq('id', memberId).maybeSingle();
	if (error) fail('Your phone number', error);
	return (data as { phone: string | null } | null)?.phone ?? null;
}

/** When staff read applications, in words: after the closing date, or as they arrive (in the language in use). */
export function whatHappensNext(o: Pick<Opportunity, 'closes_at'>): string {
	return o.closes_at ? m.done_next_closing({ date: dateWords(o.closes_at, true) }) : m.done_next_rolling();
}

/** The confirmation email for a sent application, in the member's language. */
export function confirmationEmail(
	to: { email: string; name: string },
	o: Pick<Opportunity, 'title' | 'title_cy' | 'closes_at'>,
	link: string,
	locale: Locale
): Message {
	return inLanguage(locale, () => {
		const title = locale === 'cy' && o.title_cy ? o.title_cy : o.title;
		return letter(locale, {
			to: to.email,
			subject: m.mail_app_subject({ title }),
			text: [
				m.mail_dear({ name: to.name }),
				m.mail_app_thanks({ title }),
				whatHappensNext(o),
				`${m.mail_app_see()}\n${link}`,
				m.mail_team_help(),
				m.mail_sign_team()
			].join('\n\n')
		});
	});
}

/** Sends the confirmation. Messages about a member's own application always go. */
export async function sendConfirmation(
	to: { email: string; name: string },
	o: Opportunity,
	link: string,
	locale: Locale = 'en'
) {
	await sendMail(confirmationEmail(to, o, link, locale));
}
