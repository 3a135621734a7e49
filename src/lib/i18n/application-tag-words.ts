// The status names on an application's tag, in the page's language. Apart from status-words
// (claims, payments, adjustments) so that pages showing only this tag do without those.
import type { ApplicationStatus } from '$lib/applications';
import { m } from '$lib/paraglide/messages';

const APPLICATION: Record<ApplicationStatus, () => string> = {
	draft: m.status_app_draft,
	submitted: m.status_app_submitted,
	shortlisted: m.status_app_shortlisted,
	interview: m.status_app_interview,
	offered: m.status_app_offered,
	accepted: m.status_app_accepted,
	not_selected: m.status_app_not_selected,
	withdrawn: m.status_app_withdrawn
};

export const applicationStatusWords = (s: ApplicationStatus): string => APPLICATION[s]();
