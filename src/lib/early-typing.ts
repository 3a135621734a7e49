// On a slow phone a page can be read and filled in before its code has started. When the code
// starts, Svelte sets each field to the value the page was built with, which would wipe what the
// member already typed or ticked. The root layout notes what was changed before that happens and
// puts it back as soon as the page has started, telling the page as if the member had just typed it.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What the member changed so far in `root`'s fields; the function returned puts it back. */
export function keepEarlyTyping(root: ParentNode): () => void {
	const restore: Array<() => void> = [];
	for (const field of root.querySelectorAll<Field>('input, textarea, select')) {
		const again = changed(field);
		if (again) restore.push(again);
	}
	return () => {
		for (const again of restore) again();
	};
}

function changed(field: Field): (() => void) | null {
	if (field instanceof HTMLSelectElement) {
		const options = [...field.options];
		if (options.every((o) => o.selected === o.defaultSelected)) return null;
		const chosen = options.map((o) => o.selected);
		return () => {
			if (!field.isConnected || options.every((o, i) => o.selected === chosen[i])) return;
			options.forEach((o, i) => (o.selected = chosen[i] === true));
			tell(field, 'change');
		};
	}
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
		if (field.checked === field.defaultChecked) return null;
		const checked = field.checked;
		return () => {
			if (!field.isConnected || field.checked === checked) return;
			field.checked = checked;
			tell(field, 'change');
		};
	}
	if (field instanceof HTMLInputElement && ['file', 'hidden', 'submit', 'button'].includes(field.type))
		return null;
	if (field.value === field.defaultValue) return null;
	const value = field.value;
	return () => {
		if (!field.isConnected || field.value === value) return;
		field.value = value;
		tell(field, 'input');
	};
}

function tell(field: Field, type: 'input' | 'change') {
	field.dispatchEvent(new Event(type, { bubbles: true }));
}
