// Receipts are judged by their first bytes, never by their name or the browser's word.
import { describe, expect, it } from 'vitest';
import {
	MAX_RECEIPT_BYTES,
	NOT_A_RECEIPT,
	RECEIPT_TOO_BIG,
	checkReceiptFile,
	extensionFor,
	sniffReceipt
} from '$lib/server/uploads';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u32be = (n: number) => [(n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n');
const HEIC = bytes(u32be(24), 'ftyp', 'heic', [0, 0, 0, 0], 'mif1', 'heic');
const HEIF_ONLY = bytes(u32be(20), 'ftyp', 'mif1', [0, 0, 0, 0], 'mif1');
const MP4 = bytes(u32be(20), 'ftyp', 'M4A ', [0, 0, 0, 0], 'isom');

describe('receipts', () => {
	it('knows photos and PDFs by their first bytes', () => {
		expect(sniffReceipt(JPEG)).toBe('image/jpeg');
		expect(sniffReceipt(PNG)).toBe('image/png');
		expect(sniffReceipt(PDF)).toBe('application/pdf');
		expect(sniffReceipt(HEIC)).toBe('image/heic');
		expect(sniffReceipt(HEIF_ONLY)).toBe('image/heif');
	});
	it('refuses anything else, whatever it is called', () => {
		expect(sniffReceipt(MP4)).toBeNull();
		expect(sniffReceipt(bytes('GIF89a'))).toBeNull();
		expect(sniffReceipt(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(sniffReceipt(bytes('%PD'))).toBeNull();
		expect(sniffReceipt(new Uint8Array())).toBeNull();
	});
	it('checks a file’s size and content', async () => {
		expect(await checkReceiptFile(new Blob([JPEG], { type: 'application/pdf' }))).toMatchObject({
			ok: true,
			contentType: 'image/jpeg'
		});
		expect(await checkReceiptFile(new File([bytes('hello')], 'receipt.jpg', { type: 'image/jpeg' }))).toEqual(
			{
				ok: false,
				error: NOT_A_RECEIPT
			}
		);
		expect(await checkReceiptFile(new Blob([]))).toEqual({ ok: false, error: NOT_A_RECEIPT });
		const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
		big.set(JPEG);
		expect(await checkReceiptFile(new Blob([big]))).toEqual({ ok: false, error: RECEIPT_TOO_BIG });
	});
	it('names files by their type', () => {
		expect(extensionFor('image/jpeg')).toBe('jpg');
		expect(extensionFor('application/pdf')).toBe('pdf');
	});
});
