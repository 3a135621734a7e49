// 50 submissions, each sent again several times one after another and several at once: exactly 50
// rows, every retry answered with the first answer, and the same key with other details refused.
// (Starting a claim stands for every submission that takes a request key.)
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, as, service } from './helpers';

const N = 50;
let member: { id: string; role: 'member' };
let involvement: number;

beforeAll(async () => {
	// A member no other test signs in as, with an involvement to claim for.
	const taken = Object.values(ACCOUNTS).map((a) => a.id);
	const { data, error } = await service()
		.from('involvements')
		.select('id, member_id, profiles!inner(role)')
		.eq('profiles.role', 'member')
		.not('member_id', 'in', `(${taken.join(',')})`)
		.order('id', { ascending: false })
		.limit(1)
		.single();
	expect(error).toBeNull();
	member = { id: data!.member_id as string, role: 'member' };
	involvement = data!.id as number;
});

const day = (i: number) => new Date(Date.now() - (i % 60) * 864e5).toISOString().slice(0, 10);

async function start(key: string, i: number) {
	const { data, error } = await as(member).rpc('start_claim', {
		involvement,
		meeting: null,
		activity_on: day(i),
		request_key: key
	});
	if (error) throw new Error(error.message);
	return data as { id: number; created_at: string; start_key: string };
}

describe('a submission sent again', () => {
	it('makes exactly one row, and every retry gets the first answer', { timeout: 60_000 }, async () => {
		const keys = Array.from({ length: N }, () => crypto.randomUUID());
		const first = new Map<string, { id: number; created_at: string }>();

		// Half are first sent on their own, half together with three copies of themselves (a double tap).
		for (let i = 0; i < N; i++) {
			if (i < N / 2) {
				const r = await start(keys[i]!, i);
				first.set(keys[i]!, { id: r.id, created_at: r.created_at });
			} else {
				const all = await Promise.all([0, 1, 2, 3].map(() => start(keys[i]!, i)));
				expect(new Set(all.map((r) => r.id)).size, `copies sent at once of submission ${i}`).toBe(1);
				first.set(keys[i]!, { id: all[0]!.id, created_at: all[0]!.created_at });
			}
		}
		// Then each again: three times one after another, and four at once.
		for (let i = 0; i < N; i++) {
			const key = keys[i]!;
			const again = [await start(key, i), await start(key, i), await start(key, i)];
			again.push(...(await Promise.all([0, 1, 2, 3].map(() => start(key, i)))));
			for (const r of again) expect({ id: r.id, created_at: r.created_at }).toEqual(first.get(key));
		}

		const { count } = await service()
			.from('claims')
			.select('id', { count: 'exact', head: true })
			.eq('member_id', member.id)
			.in('start_key', keys);
		expect(count).toBe(N);
	});

	it('with the same key but other details is refused, and changes nothing', async () => {
		const key = crypto.randomUUID();
		const original = await start(key, 1);
		await expect(start(key, 2)).rejects.toThrow('key_reused');
		expect((await start(key, 1)).id).toBe(original.id);
		const { data } = await service().from('claims').select('id, activity_on').eq('start_key', key);
		expect(data).toEqual([{ id: original.id, activity_on: day(1) }]);
	});
});
