// Words about applications in the page's language (member pages; staff pages are English, so the
// same words read in English there).
import type { Answer, ApplicationStatus, Question } from '$lib/applications';
import { m } from '$lib/paraglide/messages';

/** As answerText in $lib/applications, in the page's language. */
export function answerWords(question: Pick<Question, 'kind'>, answer: Answer | undefined): string {
	if (!answer) return '';
	if (answer.mode === 'phone_call') return m.answer_phone_call();
	if (answer.mode === 'audio') return m.answer_recorded();
	if (question.kind === 'yes_no')
		return answer.answer === 'yes' ? m.answer_yes() : answer.answer === 'no' ? m.answer_no() : '';
	return answer.answer ?? '';
}

/** As eventText in $lib/applications, in the page's language. */
export function eventWords(status: ApplicationStatus, previous: ApplicationStatus | null = null): string {
	switch (status) {
		case 'draft':
			return m.event_started();
		case 'submitted':
			return m.event_sent();
		case 'shortlisted':
			return m.event_shortlisted();
		case 'interview':
			return m.event_interview();
		case 'offered':
			return m.event_offered();
		case 'accepted':
			return m.event_accepted();
		case 'not_selected':
			return m.event_not_selected();
		case 'withdrawn':
			return previous === 'offered' ? m.event_said_no() : m.event_withdrew();
	}
}
