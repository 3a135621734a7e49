// Accessibility reports: anyone may send one through the function (checked and rate-limited);
// nobody writes the table directly; staff read every report, a signed-in reporter only their own.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, service } from './helpers';

const report = (over: Record<string, unknown> = {}) => ({
	report_kind: 'problem',
	report_page: 'Opportunities',
	report_details: 'The filter button has no name.',
	report_contact_email: null,
	client_key: `test-${Math.random()}`,
	...over
});

describe('accessibility reports', () => {
	it('a visitor who is not signed in can report a problem, but cannot read reports', async () => {
		const visitor = anon();
		const { data: id, error } = await visitor.rpc('report_accessibility_problem', report());
		expect(error).toBeNull();
		expect(Number(id)).toBeGreaterThan(0);
		const { data, error: readError } = await visitor.from('accessibility_reports').select('id');
		expect(data ?? []).toEqual([]);
		expect(readError?.message ?? 'no rows').toBeTruthy();
	});

	it('nobody inserts, changes or deletes reports directly', async () => {
		for (const client of [anon(), as(ACCOUNTS.memberA), as(ACCOUNTS.staff)]) {
			const { error } = await client
				.from('accessibility_reports')
				.insert({ kind: 'problem', page: 'x', details: 'y' });
			expect(error).not.toBeNull();
		}
		const staff = as(ACCOUNTS.admin);
		const { data: upd } = await staff
			.from('accessibility_reports')
			.update({ page: 'changed' })
			.gt('id', 0)
			.select('id');
		expect(upd ?? []).toEqual([]);
		const { data: gone } = await staff.from('accessibility_reports').delete().gt('id', 0).select('id');
		expect(gone ?? []).toEqual([]);
	});

	it("a member reads their own report but not another member's or an anonymous one", async () => {
		const a = as(ACCOUNTS.memberA);
		const b = as(ACCOUNTS.memberB);
		const { data: mine } = await a.rpc(
			'report_accessibility_problem',
			report({ report_details: 'Alex wrote this' })
		);
		const { data: theirs } = await b.rpc(
			'report_accessibility_problem',
			report({
				report_details: 'Priya wrote this',
				report_kind: 'format',
				report_contact_email: 'member2@example.org'
			})
		);
		const { data: anonymous } = await anon().rpc('report_accessibility_problem', report());

		const { data: seenByA } = await a.from('accessibility_reports').select('id, details, reporter_id');
		expect(seenByA).toEqual([{ id: mine, details: 'Alex wrote this', reporter_id: ACCOUNTS.memberA.id }]);
		const ids = (seenByA ?? []).map((r) => r.id);
		expect(ids).not.toContain(theirs);
		expect(ids).not.toContain(anonymous);
	});

	it('staff read every report, whoever sent it', async () => {
		const { data: byMember } = await as(ACCOUNTS.memberA).rpc('report_accessibility_problem', report());
		const { data: byVisitor } = await anon().rpc('report_accessibility_problem', report());
		for (const who of [ACCOUNTS.staff, ACCOUNTS.finance, ACCOUNTS.admin]) {
			const { data, error } = await as(who)
				.from('accessibility_reports')
				.select('id')
				.in('id', [byMember, byVisitor]);
			expect(error).toBeNull();
			expect((data ?? []).map((r) => r.id).sort()).toEqual([byMember, byVisitor].sort());
		}
	});

	it('refuses a report with missing words, a bad address, or a format request with no address', async () => {
		const visitor = anon();
		for (const bad of [
			report({ report_page: ' ' }),
			report({ report_details: '' }),
			report({ report_details: 'x'.repeat(2001) }),
			report({ report_contact_email: 'not an address' }),
			report({ report_kind: 'format', report_contact_email: null })
		]) {
			const { error } = await visitor.rpc('report_accessibility_problem', bad);
			expect(error?.message).toContain('invalid_report');
		}
	});

	it('takes at most 10 reports an hour from one client', async () => {
		const visitor = anon();
		const key = `flood-${Math.random()}`;
		const outcomes: (string | null)[] = [];
		for (let i = 0; i < 12; i++) {
			const { error } = await visitor.rpc('report_accessibility_problem', report({ client_key: key }));
			outcomes.push(error ? error.message : null);
		}
		expect(outcomes.slice(0, 10)).toEqual(Array(10).fill(null));
		expect(outcomes[10]).toContain('too_many_reports');
		expect(outcomes[11]).toContain('too_many_reports');
		const { count } = await service()
			.from('accessibility_reports')
			.select('id', { count: 'exact', head: true })
			.gte('created_at', new Date(Date.now() - 60_000).toISOString());
		expect(count).toBeGreaterThanOrEqual(10);
	});

	it('members and visitors cannot call the rate limit themselves', async () => {
		for (const client of [anon(), as(ACCOUNTS.memberA)]) {
			const { error } = await client.rpc('take_rate_limit', {
				bucket_key: 'accessibility-report:all',
				max_hits: 1,
				window_seconds: 1
			});
			expect(error).not.toBeNull();
		}
	});
});
