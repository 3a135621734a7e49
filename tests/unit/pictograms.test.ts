import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PICTOGRAMS, PICTOGRAM_KEYS, isPictogramKey, pictogramUrl } from '$lib/pictograms';

const folder = fileURLToPath(new URL('../../static/pictograms/', import.meta.url));

describe('PICTOGRAMS', () => {
	it('has a picture file for every key', () => {
		expect(PICTOGRAM_KEYS.length).toBeGreaterThan(0);
		for (const key of PICTOGRAM_KEYS) {
			const file = `${folder}${key}.svg`;
			expect(existsSync(file), `static/pictograms/${key}.svg`).toBe(true);
			expect(readFileSync(file, 'utf8'), key).toMatch(/<svg[\s>]/);
		}
	});

	it('has a key for every picture file', () => {
		const files = readdirSync(folder)
			.filter((name) => name.endsWith('.svg'))
			.map((name) => name.slice(0, -4));
		expect(files.sort()).toEqual([...PICTOGRAM_KEYS].sort());
	});

	it('describes every picture in words, for its alternative text', () => {
		for (const [key, description] of Object.entries(PICTOGRAMS)) {
			expect(description.trim(), key).not.toBe('');
		}
	});

	it('uses keys that are safe in a file name and a URL', () => {
		for (const key of PICTOGRAM_KEYS) expect(key).toMatch(/^[a-z][a-z-]*$/);
	});
});

describe('isPictogramKey', () => {
	it('accepts the known keys', () => {
		for (const key of PICTOGRAM_KEYS) expect(isPictogramKey(key), key).toBe(true);
	});

	it('rejects unknown keys', () => {
		for (const value of ['unicorn', '', 'Meeting', 'meeting.svg', ' meeting']) {
			expect(isPictogramKey(value), value).toBe(false);
		}
	});

	it('rejects the names of object properties', () => {
		for (const value of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype']) {
			expect(isPictogramKey(value), value).toBe(false);
		}
	});

	it('rejects values that are not strings', () => {
		for (const value of [null, undefined, 1, {}, ['meeting'], { toString: () => 'meeting' }]) {
			expect(isPictogramKey(value)).toBe(false);
		}
	});
});

describe('pictogramUrl', () => {
	it('points at the file in static/pictograms', () => {
		expect(pictogramUrl('meeting')).toBe('/pictograms/meeting.svg');
		expect(pictogramUrl('accessible-toilet')).toBe('/pictograms/accessible-toilet.svg');
	});
});
