// Searching opportunities in Welsh: a member reading in Welsh finds opportunities by the words of
// their Welsh versions, and still by the English (not every opportunity has a Welsh version).
// Searching in English does not look at the Welsh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '$lib/server/opportunities';
import { ACCOUNTS, anon, as, draftInput, service } from './helpers';

const STAMP = Date.now();
const TITLE = `Welsh search test ${STAMP}`;
let id = 0;

beforeAll(async () => {
	const { data, error } = await as(ACCOUNTS.staff)
		.from('opportunities')
		.insert({
			...draftInput(TITLE),
			status: 'published',
			easy_read: [{ text: 'Come and meet us.', pictogram: 'group' }],
			title_cy: `Bore coffi llyfrgell ${STAMP}`,
			summary_cy: 'Dewch i sgwrsio am lyfrgelloedd dros baned, gyda phobl eraill.'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	id = (data as { id: number }).id;
});

afterAll(async () => {
	await service().from('opportunities').delete().eq('id', id);
});

const found = async (q: string, language: 'en' | 'cy') =>
	(await openPage(anon(), { q }, 1, new Date(), language)).rows.some((o) => o.id === id);

describe('searching opportunities in Welsh', () => {
	it('finds an opportunity by the words of its Welsh version', async () => {
		expect(await found('sgwrsio', 'cy')).toBe(true);
		expect(await found(`bore coffi ${STAMP}`, 'cy')).toBe(true);
	});

	it('still finds it by its English words in Welsh, and not by Welsh words in English', async () => {
		expect(await found(TITLE, 'cy')).toBe(true);
		expect(await found('sgwrsio', 'en')).toBe(false);
	});

	it('takes quotes, commas and brackets as words', async () => {
		expect(await found('"bore coffi", (sgwrsio)', 'cy')).toBe(true);
		expect(await found('paned "', 'cy')).toBe(false);
	});
});
