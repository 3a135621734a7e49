// Bad input, generated (fast-check): every schema a form action or endpoint checks its input with is
// given wrong types, huge strings, odd Unicode, SQL and HTML payloads and missing fields. It never
// throws (which would be a 500), refuses with a plain message per field, and accepts no huge text.
import fc from 'fast-check';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse } from '$lib/validation/form';

const modules = import.meta.glob('../../src/lib/validation/*.ts', { eager: true }) as Record<
	string,
	Record<string, unknown>
>;

type AnySchema = v.GenericSchema & { entries?: Record<string, unknown> };
const isSchema = (x: unknown): x is AnySchema =>
	typeof x === 'object' && x !== null && (x as { kind?: string }).kind === 'schema' && 'type' in x;

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
	Object.entries(exports)
		.filter(([, value]) => isSchema(value) && (value as AnySchema).type === 'object')
		.map(([name, value]) => ({ name: `${file.split('/').pop()}: ${name}`, schema: value as AnySchema }))
);

const PAYLOADS = [
	"' OR '1'='1' --",
	"Robert'); DROP TABLE profiles;--",
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'\u0000',
	'\u202eevil',
	'\ufeff',
	'🏳️‍🌈👩🏽‍🦯',
	'Z̷̢̛a̸̡l̶g̵o̴',
	'   ',
	'%00%27',
	'${7*7}{{7*7}}',
	'1e309',
	'-0',
	'NaN'
];

const nasty = fc.oneof(
	fc.constantFrom(...PAYLOADS),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ minLength: 20_001, maxLength: 21_000 }),
	fc.constant('a'.repeat(100_000))
);
// What a form can carry: a string, several strings for one name, or nothing at all.
const anything = fc.oneof(nasty, fc.array(nasty, { minLength: 2, maxLength: 3 }));

function input(schema: AnySchema) {
	const fields = Object.keys(schema.entries ?? {});
	return fc.record(Object.fromEntries(fields.map((f) => [f, anything])), { requiredKeys: [] });
}

const longest = (x: unknown): number =>
	typeof x === 'string'
		? x.length
		: Array.isArray(x)
			? Math.max(0, ...x.map(longest))
			: x && typeof x === 'object'
				? Math.max(0, ...Object.values(x).map(longest))
				: 0;

describe('bad input to every form schema', () => {
	it('finds the schemas', () => {
		expect(schemas.length).toBeGreaterThan(10);
	});

	for (const { name, schema } of schemas) {
		it(`${name}: never throws, refuses in plain words, accepts no huge text`, { timeout: 30_000 }, () => {
			fc.assert(
				fc.property(input(schema), (values) => {
					const result = parse(schema, values, {});
					if (result.ok) {
						expect(longest(result.data), 'accepted a huge string').toBeLessThanOrEqual(20_000);
						return;
					}
					for (const [field, message] of Object.entries(result.errors)) {
						expect(typeof message, field).toBe('string');
						expect(message.length, field).toBeGreaterThan(3);
						expect(message.length, field).toBeLessThan(300);
						expect(message, field).not.toMatch(/\bat .*:\d+|undefined|\[object|Invalid type: Expected/);
					}
				}),
				{ numRuns: 25, endOnFailure: true }
			);
		});
	}
});
