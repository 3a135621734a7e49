// Forms marked data-outbox, sent with no signal, go into the outbox on the phone instead of to the
// network (where SvelteKit's enhance would fail with "Failed to fetch"). This small part is in every
// page's first code and listens from the moment the page starts; the outbox's own code
// (./client.svelte, with the rest of what the phone does offline) loads after that, so a form sent
// in between is held here until it has.

type Queue = (member: string, form: HTMLFormElement, submitter: HTMLElement | null) => void;

let queue: Queue | null = null;
const held: Parameters<Queue>[] = [];

/** Listens for forms sent with no signal by the signed-in member (`member()`, null if nobody). */
export function catchOfflineSubmits(member: () => string | null): void {
	document.addEventListener(
		'submit',
		(event) => {
			const form = event.target as HTMLFormElement;
			const who = member();
			if (!who || navigator.onLine || !form.hasAttribute('data-outbox')) return;
			// Only the form's own button sends it; others (such as "Change your answers") go elsewhere.
			if (event.submitter?.hasAttribute('formaction')) return;
			event.preventDefault();
			event.stopImmediatePropagation();
			if (queue) queue(who, form, event.submitter);
			else held.push([who, form, event.submitter]);
		},
		// Before SvelteKit's enhance sees it.
		{ capture: true }
	);
}

/** The outbox's code, once loaded: it takes what was held and what comes next. */
export function outboxReady(take: Queue): void {
	queue = take;
	for (const args of held.splice(0)) take(...args);
}
