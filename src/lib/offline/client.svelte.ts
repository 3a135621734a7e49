// The page's side of working offline: registers the service worker (once), tells it who is signed
// in, puts forms sent with no signal into the outbox, sends the outbox when the signal returns, and
// keeps what the layout shows (waiting count, saved mark, new version, install button) up to date.
import { m } from '$lib/paraglide/messages';
import { outboxReady } from './catch-submits';
import { deliverAll } from './deliver';
import { addItem, listItems, type Field, type OutboxItem } from './outbox';

interface InstallPrompt extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class Offline {
	member: string | null = $state(null);
	items: OutboxItem[] = $state([]);
	online = $state(true);
	updateReady = $state(false);
	installable = $state(false);
	/** Plain words about the last thing that happened to the outbox, for a live region. */
	notice = $state('');
	waiting = $derived(this.items.filter((i) => i.state !== 'refused').length);
	refused = $derived(this.items.filter((i) => i.state === 'refused').length);

	#started = false;
	#prompt: InstallPrompt | null = null;
	#registration: ServiceWorkerRegistration | null = null;

	start() {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		this.online = navigator.onLine;
		window.addEventListener('online', () => {
			this.online = true;
			void this.send();
		});
		window.addEventListener('offline', () => (this.online = false));
		window.addEventListener('beforeinstallprompt', (e) => {
			e.preventDefault();
			this.#prompt = e as InstallPrompt;
			this.installable = true;
		});
		window.addEventListener('appinstalled', () => (this.installable = false));
		// Forms sent with no signal are caught by ./catch-submits (in every page's first code).
		outboxReady((member, form, submitter) => void this.queue(member, form, submitter));
		// While something waits and there is signal, try again now and then (each item waits longer
		// after each failure: see retryDelay).
		setInterval(() => {
			if (navigator.onLine && this.waiting > 0) void this.send();
		}, 2000);
		if (typeof BroadcastChannel !== 'undefined')
			new BroadcastChannel('together-outbox').onmessage = () => void this.refresh();
		void this.#register();
	}

	async #register() {
		if (!('serviceWorker' in navigator)) return;
		try {
			const registration = await navigator.serviceWorker.register('/service-worker.js', { scope: '/' });
			this.#registration = registration;
			const watch = (worker: ServiceWorker | null) => {
				worker?.addEventListener('statechange', () => {
					if (worker.state === 'installed' && navigator.serviceWorker.controller) this.updateReady = true;
				});
			};
			if (registration.waiting && navigator.serviceWorker.controller) this.updateReady = true;
			watch(registration.installing);
			registration.addEventListener('updatefound', () => watch(registration.installing));
			let reloading = false;
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				// Only after the member pressed "reload": the first install takes over quietly.
				if (this.#reloadAsked && !reloading) {
					reloading = true;
					location.reload();
				}
			});
		} catch {
			// No worker (private browsing on some phones): Together still works online.
		}
	}

	#reloadAsked = false;
	/** The member chose to load the new version. */
	reload() {
		const waiting = this.#registration?.waiting;
		if (!waiting) return location.reload();
		this.#reloadAsked = true;
		waiting.postMessage({ type: 'skip-waiting' });
	}

	async install() {
		const prompt = this.#prompt;
		if (!prompt) return;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		if (outcome === 'accepted') this.installable = false;
		this.#prompt = null;
	}

	/** Called by the layout on every page: who is signed in, as the page was sent from Together. */
	async signedIn(member: string | null, fromCache: boolean) {
		this.member = member;
		if (!fromCache && navigator.onLine) {
			const worker = (await navigator.serviceWorker?.ready.catch(() => null))?.active;
			worker?.postMessage({ type: 'member', member });
		}
		await this.refresh();
		if (member && navigator.onLine) void this.send();
	}

	async refresh() {
		this.items = this.member ? await listItems(this.member).catch(() => []) : [];
	}

	/** Sends what is waiting now; says in plain words what happened. */
	async send({ force = false } = {}) {
		if (!this.member) return;
		const done = await deliverAll(this.member, { force }).catch(() => []);
		await this.refresh();
		const sent = done.filter((d) => d.outcome.kind === 'delivered').length;
		const refused = done.filter((d) => d.outcome.kind === 'refused').length;
		if (sent || refused)
			this.notice = [
				sent ? (sent === 1 ? m.offline_sent_one() : m.offline_sent({ count: sent })) : '',
				refused ? (refused === 1 ? m.offline_refused_one() : m.offline_refused({ count: refused })) : ''
			]
				.filter(Boolean)
				.join(' ');
	}

	/** Puts a form sent with no signal by `member` into the outbox on this phone. */
	async queue(member: string, form: HTMLFormElement, submitter: HTMLElement | null) {
		// The layout may not have said who is signed in yet (see signedIn): it is the same person.
		this.member ??= member;
		const action = new URL(
			submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? location.href,
			location.href
		);
		const fields: Field[] = [];
		for (const [name, value] of new FormData(form, submitter)) {
			// Keep the bytes of a chosen file; an empty file input sends nothing.
			if (value instanceof File) {
				if (value.size > 0)
					fields.push([name, new File([await value.arrayBuffer()], value.name, { type: value.type })]);
			} else fields.push([name, value]);
		}
		await addItem({
			id: crypto.randomUUID(),
			member,
			url: action.pathname + action.search,
			label: form.dataset.outbox || document.title.replace(/ – Together$/, ''),
			page: location.pathname,
			fields,
			createdAt: new Date().toISOString()
		});
		await this.refresh();
		this.notice = m.offline_queued();
		try {
			const registration = (await navigator.serviceWorker?.ready) as
				(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
			await registration?.sync?.register('together-outbox');
		} catch {
			// No Background Sync (Firefox, Safari): sent when the signal returns or Together opens.
		}
	}
}

export const offline = new Offline();
