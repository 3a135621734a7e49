// The plain-words mirror of the database's access needs keys, and small helpers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ADJUSTMENT_ERRORS,
	CATEGORIES,
	CATEGORY_INFO,
	EVENT_KINDS,
	OPTIONS,
	STATUSES,
	categoryOf,
	describeItem,
	formatCost,
	overallStatus
} from '$lib/adjustments';

const sql = readFileSync(
	new URL('../../supabase/migrations/20261126110000_adjustments.sql', import.meta.url),
	'utf8'
);

function enumValues(name: string): string[] {
	const match = new RegExp(`create type public\\.${name} as enum \\(([^;]*)\\);`).exec(sql);
	if (!match?.[1]) throw new Error(`No enum ${name}`);
	return [...match[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
}

describe('the keys mirror the database', () => {
	it('categories, options, statuses and event kinds, in the same order', () => {
		expect(enumValues('access_category')).toEqual([...CATEGORIES]);
		expect(enumValues('access_option')).toEqual(Object.keys(OPTIONS));
		expect(enumValues('adjustment_status')).toEqual([...STATUSES]);
		expect(enumValues('adjustment_event_kind')).toEqual([...EVENT_KINDS]);
	});

	it('each option sits in the category the database gives it', () => {
		const mapping = /create function private\.access_option_category[\s\S]*?\$\$;/.exec(sql)?.[0] ?? '';
		for (const c of CATEGORIES) {
			for (const { key } of CATEGORY_INFO[c].options) {
				expect(categoryOf(key)).toBe(c);
				if (c !== 'online')
					expect(mapping).toMatch(new RegExp(`when o in \\([^)]*'${key}'[^)]*\\) then '${c}'`));
			}
		}
		const listed = CATEGORIES.flatMap((c) => CATEGORY_INFO[c].options.map((o) => o.key));
		expect(listed.sort()).toEqual(Object.keys(OPTIONS).sort());
	});

	it('every error key the schema raises has plain words', () => {
		const raised = new Set([...sql.matchAll(/raise exception '([a-z_]+)'/g)].map((m) => m[1] ?? ''));
		for (const key of raised) expect(Object.keys(ADJUSTMENT_ERRORS)).toContain(key);
	});
});

describe('helpers', () => {
	it('describes an item in plain words', () => {
		expect(
			describeItem({
				category: 'meeting',
				options: ['breaks', 'quiet_room'],
				note: 'Near the door please.',
				large_print_size: null,
				papers_days_before: null,
				break_every_minutes: 60,
				break_minutes: 10
			})
		).toEqual([
			'More breaks, or longer breaks, A quiet room',
			'A break every hour for 10 minutes',
			'Near the door please.'
		]);
	});

	it('sums a request up from its items', () => {
		expect(overallStatus([{ status: 'requested' }, { status: 'agreed' }]).label).toBe(
			'Waiting for an answer'
		);
		expect(overallStatus([{ status: 'arranged' }, { status: 'not_possible' }]).label).toBe('Arranged');
		expect(overallStatus([{ status: 'partly_agreed' }]).label).toBe('Answered, being arranged');
		expect(overallStatus([{ status: 'cancelled' }]).label).toBe('Nothing asked for');
	});

	it('shows pence as pounds', () => {
		expect(formatCost(3850)).toBe('£38.50');
		expect(formatCost(null)).toBe('Not known');
	});
});
