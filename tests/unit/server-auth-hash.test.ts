import { describe, it, expect } from 'vitest';
import { hmacHex, sha256Hex } from '$lib/server/auth/hash';

describe('sha256Hex', () => {
	it('matches the known test vectors', () => {
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('The quick brown fox jumps over the lazy dog')).toBe(
			'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'
		);
	});
});

describe('hmacHex', () => {
	it('matches RFC 4231 test case 2', () => {
		expect(hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
		);
	});

	it('depends on both the key and the value', () => {
		const base = hmacHex('key-one', 'value');
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		expect(hmacHex('key-two', 'value')).not.toBe(base);
		expect(hmacHex('key-one', 'value2')).not.toBe(base);
		expect(hmacHex('key-one', 'value')).toBe(base);
	});
});
