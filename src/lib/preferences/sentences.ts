// Read aloud's map of the page: the main content's visible text, split into sentences, each with
// the Range it covers so the sentence being read can be highlighted. Navigation and anything
// hidden are left out. Kept apart from the component so it can be tested.

export interface Sentence {
	text: string;
	range: Range;
}

const SKIP =
	'script, style, noscript, template, [hidden], [aria-hidden="true"], .read-aloud, .visually-hidden, .back-link, nav';
const BLOCK = /^(block|flex|grid|list-item|table|table-row|table-cell|table-caption|flow-root)/;

function blockOf(node: Node, root: Element): Element {
	let el = node.parentElement;
	while (el && el !== root) {
		if (BLOCK.test(getComputedStyle(el).display)) return el;
		el = el.parentElement;
	}
	return root;
}

/** Sentence ends: . ! ? (and …) followed by space, or the end of a block such as a heading or list item. */
const SENTENCE = /[^.!?…]+(?:[.!?…]+["'’”)]*|$)\s*/g;

export function sentencesIn(root: Element): Sentence[] {
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest(SKIP) || !node.textContent?.trim()
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT
	});
	// Runs of text nodes in the same block, with where each node starts in the run's text.
	const runs: { block: Element; parts: { node: Text; start: number }[]; text: string }[] = [];
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		const block = blockOf(node, root);
		let run = runs.at(-1);
		if (!run || run.block !== block) runs.push((run = { block, parts: [], text: '' }));
		run.parts.push({ node, start: run.text.length });
		run.text += node.data;
	}
	const sentences: Sentence[] = [];
	for (const run of runs) {
		const locate = (offset: number, end: boolean) => {
			for (let i = run.parts.length - 1; i >= 0; i--) {
				const part = run.parts[i]!;
				if (offset > part.start || (!end && offset === part.start) || i === 0)
					return { node: part.node, offset: Math.min(offset - part.start, part.node.length) };
			}
			return { node: run.parts[0]!.node, offset: 0 };
		};
		for (const match of run.text.matchAll(SENTENCE)) {
			const raw = match[0];
			const text = raw.replace(/\s+/g, ' ').trim();
			if (!/[\p{L}\p{N}]/u.test(text)) continue;
			const lead = raw.length - raw.trimStart().length;
			const startAt = match.index + lead;
			const endAt = match.index + raw.trimEnd().length;
			const start = locate(startAt, false);
			const end = locate(endAt, true);
			const range = doc.createRange();
			range.setStart(start.node, start.offset);
			range.setEnd(end.node, end.offset);
			sentences.push({ text, range });
		}
	}
	return sentences;
}
