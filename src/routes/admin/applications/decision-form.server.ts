// The decision pages' server side, shared by one application (/admin/applications/[id]/decide) and
// several at once (/admin/applications/decide): write the message, check it, send it. Sending is
// one call to decide_applications for every application, under the request key made when the form
// was first shown, so sending twice (a double press, a retry, the back button) decides nothing twice.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	DECISION_ERRORS,
	decisionLabel,
	decisionsFor,
	fillPlaceholders,
	isApplicationStatus,
	templateFor,
	type Decision
} from '$lib/decisions';
import { APPLICATION_STATUSES } from '$lib/applications';
import {
	DecisionError,
	decide,
	emailDecision,
	getDecisionTargets,
	nameOf,
	type DecisionTarget
} from '$lib/server/review';
import { requireStaff } from '$lib/server/auth/guard';
import { decisionValues, messageFor, parseDecision } from '$lib/validation/decision';
import { readForm } from '$lib/validation/form';

/** The longest subject and message the database keeps, once names are filled in. */
const STORED_SUBJECT_MAX = 200;
const STORED_BODY_MAX = 5000;

export interface Preview {
	id: number;
	name: string;
	email: string;
	opportunity: string;
	subject: string;
	body: string;
}

/** A steering group place is offered for a term, whose dates the offer must give. */
export function needsTerm(decision: Decision | '', targets: DecisionTarget[]): boolean {
	return decision === 'offered' && targets.some((t) => t.opportunity.type === 'steering_group_role');
}

/**
 * The form as first shown: the template for the decision, and a new request key. For one member,
 * their name and the opportunity are filled in already; for several, the database fills them in.
 */
export function startingValues(decision: Decision, targets: DecisionTarget[]): Record<string, string> {
	const template = templateFor(decision, { withTerm: needsTerm(decision, targets) });
	const one = targets.length === 1 ? targets[0]! : null;
	const fill = (t: string) =>
		one ? fillPlaceholders(t, { name: nameOf(one.member), opportunity: one.opportunity.title }) : t;
	return {
		decision,
		request_key: crypto.randomUUID(),
		subject: fill(template.subject),
		body: fill(template.body),
		interview_date: '',
		interview_time: '',
		interview_place: '',
		term_starts_on: '',
		term_ends_on: ''
	};
}

/** Applications that cannot take this decision now, in plain words; empty when all can. */
export function misfits(decision: Decision, targets: DecisionTarget[]): string[] {
	return targets
		.filter((t) => !decisionsFor(t.status).includes(decision))
		.map(
			(t) =>
				`${t.member.full_name}’s application is now “${APPLICATION_STATUSES[t.status]}”, so “${decisionLabel(decision)}” does not fit it`
		);
}

function refusal(e: DecisionError, targets: DecisionTarget[]): string {
	if (e.key === 'wrong_status' && e.detail) {
		const m = e.detail.match(/^application (\d+) is (\w+)$/);
		const who = targets.find((t) => t.id === Number(m?.[1]));
		if (who && m && isApplicationStatus(m[2]))
			return `${who.member.full_name}’s application is now “${APPLICATION_STATUSES[m[2]]}”, so this decision no longer fits it. Nothing was sent, and no application was changed.`;
	}
	return DECISION_ERRORS[e.key] ?? DECISION_ERRORS.wrong_status!;
}

type Target = (event: RequestEvent) => number[];

/** The check, change and send actions, for the applications `ids` names; `done` is where to go after sending. */
export function decisionActions(ids: Target, done: (requestKey: string, ids: number[]) => string) {
	async function read(event: RequestEvent) {
		requireStaff(event.locals.user);
		const targets = await getDecisionTargets(event.locals.db, ids(event));
		if (targets.length === 0) error(404, 'We could not find those applications.');
		const values = decisionValues(await readForm(event.request));
		const decision = values.decision as Decision | '';
		const parsed = parseDecision(values, { needsTerm: needsTerm(decision, targets) });
		return { targets, values, parsed };
	}

	function previewsOf(targets: DecisionTarget[], parsed: ReturnType<typeof parseDecision>): Preview[] {
		if (!parsed.ok) return [];
		return targets.map((t) => ({
			id: t.id,
			name: t.member.full_name,
			email: t.member.email,
			opportunity: t.opportunity.title,
			...messageFor(parsed.data, { name: nameOf(t.member), opportunity: t.opportunity.title })
		}));
	}

	function lengthProblems(previews: Preview[]): Record<string, string> {
		const errors: Record<string, string> = {};
		if (previews.some((p) => p.subject.length > STORED_SUBJECT_MAX))
			errors.subject = `The subject is longer than ${STORED_SUBJECT_MAX} characters once the name and opportunity are filled in. Make it shorter`;
		if (previews.some((p) => p.body.length > STORED_BODY_MAX))
			errors.body = `The message is longer than ${STORED_BODY_MAX} characters once the details are filled in. Make it shorter`;
		return errors;
	}

	return {
		/** Back from checking to writing, with everything as it was typed. */
		change: async (event: RequestEvent) => {
			requireStaff(event.locals.user);
			const values = decisionValues(await readForm(event.request));
			return { values };
		},

		check: async (event: RequestEvent) => {
			const { targets, values, parsed } = await read(event);
			if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
			const stale = misfits(parsed.data.decision, targets);
			if (stale.length > 0) return fail(409, { values, errors: { form: `${stale.join('. ')}.` } });
			const previews = previewsOf(targets, parsed);
			const tooLong = lengthProblems(previews);
			if (Object.keys(tooLong).length > 0) return fail(400, { values, errors: tooLong });
			return { confirm: { values, previews } };
		},

		send: async (event: RequestEvent) => {
			const { targets, values, parsed } = await read(event);
			if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
			const tooLong = lengthProblems(previewsOf(targets, parsed));
			if (Object.keys(tooLong).length > 0) return fail(400, { values, errors: tooLong });
			try {
				await decide(
					event.locals.db,
					targets.map((t) => t.id),
					parsed.data
				);
			} catch (e) {
				if (e instanceof DecisionError) return fail(409, { values, errors: { form: refusal(e, targets) } });
				throw e;
			}
			// The decision is saved. Emailing may fail; the page after says so, and nothing is lost.
			try {
				await emailDecision(event.locals.db, parsed.data.requestKey, event.url.origin);
			} catch (e) {
				console.error('Emailing a decision:', e);
			}
			redirect(
				303,
				done(
					parsed.data.requestKey,
					targets.map((t) => t.id)
				)
			);
		}
	};
}
