import { createHash, createHmac } from 'node:crypto';

export function sha256Hex(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

export function hmacHex(key: string, value: string): string {
	return createHmac('sha256', key).update(value).digest('hex');
}
