import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

export function hmacHex(key: string, value: string): string {
	return createHmac('sha256', key).update(value).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
	const hex = /^(?:[0-9a-f]{2})*$/i;
	if (!hex.test(a) || !hex.test(b) || a.length !== b.length) return false;
	return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
