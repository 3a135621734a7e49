// Member pages take their words from the message catalogue (docs/welsh-and-easy-read.md): no
// English written into a member page's markup, where Welsh and easy read could not reach it. Staff
// pages (/admin) stay English, so they are not checked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Pages and components not for members, or whose words are not interface text. */
const NOT_CHECKED = new Set([
	'routes/dev/mailbox/+page.svelte', // the local mailbox, for developers only
	// The accessibility statement follows the public sector template, in English; it says so itself.
	'routes/accessibility/+page.svelte',
	// A member's own data as it is kept, shown marked lang="en" (/my/data says so).
	'lib/components/DataView.svelte'
]);

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'admin' ? [] : svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

/** The markup with scripts, styles, comments and every {expression} taken out. */
function markupOnly(source: string): string {
	const cut = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	let out = '';
	let depth = 0;
	for (const ch of cut) {
		if (ch === '{') depth++;
		else if (ch === '}') depth = Math.max(0, depth - 1);
		else if (depth === 0) out += ch;
	}
	return out;
}

/** Words, leaving out the name Together and email addresses (the same in Welsh). */
const hasWords = (text: string) =>
	/[A-Za-z]{2,}/.test(text.replace(/\S+@\S+/g, '').replace(/\bTogether\b/g, ''));
const TEXT_ATTRIBUTES =
	/\s(label|hint|legend|aria-label|emptyLabel|placeholder|alt|title|data-outbox)="([^"]*)"/g;

/** Words written straight into a component's markup: text between tags and text attributes. */
export function writtenWords(source: string): string[] {
	const markup = markupOnly(source);
	const found: string[] = [];
	for (const [, text] of markup.matchAll(/>([^<>]*)</g)) if (hasWords(text!)) found.push(text!.trim());
	for (const [, name, value] of markup.matchAll(TEXT_ATTRIBUTES))
		if (hasWords(value!)) found.push(`${name}="${value}"`);
	return found;
}

describe('member pages’ words', () => {
	it('finds words written into markup, and not those from the catalogue', () => {
		expect(writtenWords('<p>Hello there</p>')).toEqual(['Hello there']);
		expect(writtenWords('<Field label="Hours" hint={m.x()} />')).toEqual(['label="Hours"']);
		expect(writtenWords('<p>{m.greeting()}</p><p>{`${a} b`}: 0161 000 0000</p>')).toEqual([]);
		expect(writtenWords('<title>{m.title()} – Together</title><a>together@example.org</a>')).toEqual([]);
		expect(writtenWords('<script>const a = "<p>Not this</p>";</script><p>{a}</p>')).toEqual([]);
	});

	const files = [...svelteFiles(join(SRC, 'routes')), ...svelteFiles(join(SRC, 'lib/components'))]
		.map((path) => relative(SRC, path))
		.filter((path) => !NOT_CHECKED.has(path));

	it.each(files)('%s has no English outside the catalogue', (path) => {
		expect(writtenWords(readFileSync(join(SRC, path), 'utf8'))).toEqual([]);
	});
});
