import { it, expect } from 'vitest';
it('probe', async () => {
	process.env.SUPABASE_JWT_SECRET = 'x'.repeat(40);
	const envmod = await import('$env/dynamic/private');
	console.log('env has secret?', envmod.env.SUPABASE_JWT_SECRET, Object.keys(envmod.env).length, Object.isFrozen(envmod.env));
	const m = await import('$lib/server/auth/sign-in');
	console.log(Object.keys(m));
	try { console.log(m.codeHash('a', '123456')); } catch (e) { console.log('ERR', (e as Error).message); }
	(envmod.env as Record<string,string>).SUPABASE_JWT_SECRET = 'y'.repeat(40);
	try { console.log(m.codeHash('a', '123456')); } catch (e) { console.log('ERR', (e as Error).message); }
	expect(1).toBe(1);
});
