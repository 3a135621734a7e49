// Display settings live in the member's own profile: they may change their own, nobody else's.
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, anon, as, service } from './helpers';

const settings = {
	textSize: '200',
	theme: 'yellow',
	font: 'atkinson',
	lineSpacing: 'wide',
	letterSpacing: 'standard',
	motion: 'reduce',
	easyRead: 'off',
	readAloud: 'on'
};

async function savedFor(id: string) {
	const { data } = await service().from('profiles').select('display_settings').eq('id', id).single();
	return (data as { display_settings: unknown }).display_settings;
}

afterAll(async () => {
	await service()
		.from('profiles')
		.update({ display_settings: null })
		.in('id', [ACCOUNTS.memberA.id, ACCOUNTS.memberB.id]);
});

describe('display settings in the profile', () => {
	it('a member saves their own and reads them back', async () => {
		const a = as(ACCOUNTS.memberA);
		const { error } = await a
			.from('profiles')
			.update({ display_settings: settings })
			.eq('id', ACCOUNTS.memberA.id);
		expect(error).toBeNull();
		const { data } = await a
			.from('profiles')
			.select('display_settings')
			.eq('id', ACCOUNTS.memberA.id)
			.single();
		expect((data as { display_settings: unknown }).display_settings).toEqual(settings);
	});

	it("a member cannot change another member's settings", async () => {
		const before = await savedFor(ACCOUNTS.memberB.id);
		const { data } = await as(ACCOUNTS.memberA)
			.from('profiles')
			.update({ display_settings: { theme: 'dark' } })
			.eq('id', ACCOUNTS.memberB.id)
			.select('id');
		expect(data ?? []).toEqual([]);
		expect(await savedFor(ACCOUNTS.memberB.id)).toEqual(before);
	});

	it('someone not signed in cannot change anyone’s settings', async () => {
		const { error } = await anon()
			.from('profiles')
			.update({ display_settings: settings })
			.eq('id', ACCOUNTS.memberB.id);
		expect(error).not.toBeNull();
		expect(await savedFor(ACCOUNTS.memberB.id)).not.toEqual(settings);
	});

	it('staff may reset a member’s settings, as any profile field', async () => {
		const { data, error } = await as(ACCOUNTS.staff)
			.from('profiles')
			.update({ display_settings: null })
			.eq('id', ACCOUNTS.memberA.id)
			.select('id');
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		expect(await savedFor(ACCOUNTS.memberA.id)).toBeNull();
	});

	it('keeps only a small JSON object', async () => {
		const a = as(ACCOUNTS.memberA);
		const text = await a
			.from('profiles')
			.update({ display_settings: 'yellow' })
			.eq('id', ACCOUNTS.memberA.id);
		expect(text.error?.code).toBe('23514');
		const huge = await a
			.from('profiles')
			.update({ display_settings: { theme: 'x'.repeat(2000) } })
			.eq('id', ACCOUNTS.memberA.id);
		expect(huge.error?.code).toBe('23514');
	});
});
