// A cost sent from a phone's outbox may arrive more than once: the same request key on the same
// claim makes one line, and the second arrival is answered with the first one's line.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addCost, lineByKey } from '$lib/server/claims';
import { ACCOUNTS, as } from './helpers';

describe('a cost sent twice with one request key', () => {
	it('adds one line, and the key is found again', async () => {
		const db = as(ACCOUNTS.memberA);
		const { data: involvements } = await db.rpc('my_involvements');
		const involvement = (involvements as { id: number }[])[0]!.id;
		const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
		const { data: started, error } = await db.rpc('start_claim', {
			involvement,
			meeting: null,
			activity_on: today,
			request_key: randomUUID()
		});
		expect(error).toBeNull();
		const claim = (started as { id: number }).id;
		try {
			const key = randomUUID();
			const cost = {
				category: 'food' as const,
				description: 'Lunch on the way',
				amount_pence: 650,
				taxi_agreed_adjustment: false,
				receipt_id: null,
				request_key: key
			};
			const first = await addCost(db, claim, cost);
			const second = await addCost(db, claim, cost);
			expect(second.id).toBe(first.id);
			const { data: lines } = await db.from('claim_lines').select('id').eq('claim_id', claim);
			expect(lines).toHaveLength(1);
			expect((await lineByKey(db, claim, key))?.id).toBe(first.id);
			expect(await lineByKey(db, claim, randomUUID())).toBeNull();

			// Another member cannot find it by its key.
			expect(await lineByKey(as(ACCOUNTS.memberB), claim, key)).toBeNull();
		} finally {
			await db.from('claims').delete().eq('id', claim);
		}
	});
});
