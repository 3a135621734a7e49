// Receipts are judged by their first bytes, never by their name or the browser's word.
import { deflateSync } from 'node:zlib';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import {
	MAX_RECEIPT_BYTES,
	NOT_A_RECEIPT,
	PDF_UNREADABLE,
	PDF_WITH_ACTIONS,
	PHOTO_TOO_LARGE,
	RECEIPT_TOO_BIG,
	checkReceiptFile,
	extensionFor,
	pdfProblem,
	photoSize,
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
				error: NOT_A_RECEIPT()
			}
		);
		expect(await checkReceiptFile(new Blob([]))).toEqual({ ok: false, error: NOT_A_RECEIPT() });
		const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
		big.set(JPEG);
		expect(await checkReceiptFile(new Blob([big]))).toEqual({ ok: false, error: RECEIPT_TOO_BIG() });
	});
	it('gives its reasons in the member’s language', async () => {
		overwriteGetLocale(() => 'cy');
		try {
			const refused = await checkReceiptFile(new Blob([bytes('hello')]));
			expect(refused).toEqual({ ok: false, error: NOT_A_RECEIPT() });
			expect(refused.ok || refused.error).toMatch(/^Nid yw’r ffeil a ddewisoch/);
		} finally {
			overwriteGetLocale(() => 'en');
		}
		expect(NOT_A_RECEIPT()).toMatch(/^The file you chose is not a photo or PDF/);
	});
	it('names files by their type', () => {
		expect(extensionFor('image/jpeg')).toBe('jpg');
		expect(extensionFor('application/pdf')).toBe('pdf');
	});
});

// Abuse: files that look right by name but are not, or that are built to hurt whoever opens them.

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
/** A PNG header (signature and IHDR chunk) stating a size; the rest of a real file does not matter here. */
const png = (width: number, height: number) =>
	bytes(
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		u32be(13),
		'IHDR',
		u32be(width),
		u32be(height),
		[8, 2, 0, 0, 0],
		u32be(0)
	);
/** A JPEG with an EXIF segment, then a baseline frame header stating a size. */
const jpeg = (width: number, height: number) =>
	bytes(
		[0xff, 0xd8, 0xff, 0xe1],
		u16be(10),
		'Exif',
		[0, 0, 0, 0],
		[0xff, 0xdb],
		u16be(4),
		[0, 0],
		[0xff, 0xc0],
		u16be(17),
		[8],
		u16be(height),
		u16be(width),
		[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
		[0xff, 0xda]
	);
/** A HEIC with a grid's image spatial extents property. */
const heic = (width: number, height: number) =>
	bytes(
		u32be(24),
		'ftyp',
		'heic',
		[0, 0, 0, 0],
		'mif1',
		'heic',
		u32be(20),
		'ispe',
		[0, 0, 0, 0],
		u32be(width),
		u32be(height)
	);
const pdf = (...objects: string[]) =>
	bytes(
		'%PDF-1.7\n',
		objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join(''),
		'trailer\n<< /Root 1 0 R >>\n%%EOF\n'
	);
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
/** A compressed object stream holding the given objects' text. */
function objectStream(inside: string, filter = '/FlateDecode') {
	const packed =
		filter === '/FlateDecode' ? deflateSync(Buffer.from(inside, 'latin1')) : Buffer.from(inside, 'latin1');
	return bytes(
		'%PDF-1.7\n1 0 obj\n',
		`<< /Type /ObjStm /N 1 /First 4 /Length ${packed.length} /Filter ${filter} >>\nstream\n`,
		[...packed],
		'\nendstream\nendobj\n%%EOF\n'
	);
}

describe('receipts that are not what they say', () => {
	it('refuses a web page, a program or an archive named like a photo or PDF', async () => {
		const pretenders = [
			new File([bytes('<!doctype html><script>alert(1)</script>')], 'receipt.jpg', { type: 'image/jpeg' }),
			new File([bytes('<svg onload="alert(1)"/>')], 'receipt.png', { type: 'image/png' }),
			new File([bytes('MZ', new Array(62).fill(0), 'PE', [0, 0])], 'receipt.pdf', {
				type: 'application/pdf'
			}),
			new File([bytes('PK', [3, 4], new Array(26).fill(0))], 'receipt.pdf', { type: 'application/pdf' }),
			new File([bytes('GIF89a', [1, 0, 1, 0])], 'receipt.heic', { type: 'image/heic' })
		];
		for (const file of pretenders)
			expect(await checkReceiptFile(file), file.name).toEqual({ ok: false, error: NOT_A_RECEIPT() });
	});

	it('refuses a file over 10 MB before reading it', async () => {
		const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
		big.set(PDF);
		expect(await checkReceiptFile(new File([big], 'receipt.pdf'))).toEqual({
			ok: false,
			error: RECEIPT_TOO_BIG()
		});
	});

	it('reads the size a photo claims', () => {
		expect(photoSize(png(4032, 3024), 'image/png')).toEqual({ width: 4032, height: 3024 });
		expect(photoSize(jpeg(4000, 3000), 'image/jpeg')).toEqual({ width: 4000, height: 3000 });
		expect(photoSize(heic(8064, 6048), 'image/heic')).toEqual({ width: 8064, height: 6048 });
		expect(photoSize(JPEG, 'image/jpeg')).toBeNull();
	});

	it('takes a phone-sized photo', async () => {
		for (const photo of [png(4032, 3024), jpeg(8160, 6120), heic(8064, 6048)])
			expect(await checkReceiptFile(new Blob([photo]))).toMatchObject({ ok: true });
	});

	it('refuses a small file whose picture would be huge to open (a decompression bomb)', async () => {
		for (const photo of [
			png(50_000, 50_000),
			jpeg(50_000, 50_000),
			heic(50_000, 50_000),
			png(20_001, 10),
			jpeg(12_000, 9_000)
		])
			expect(await checkReceiptFile(new Blob([photo]))).toEqual({ ok: false, error: PHOTO_TOO_LARGE() });
	});

	it('takes a plain PDF, and one that opens at its first page', async () => {
		expect(pdfProblem(pdf(CATALOG, PAGES, PAGE))).toBeNull();
		const opensAtPage = pdf('<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', PAGES, PAGE);
		expect(await checkReceiptFile(new Blob([opensAtPage]))).toMatchObject({
			ok: true,
			contentType: 'application/pdf'
		});
	});

	it('refuses a PDF with scripts, actions that run on opening, launches or embedded files', async () => {
		const withActions = [
			pdf(
				'<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
				PAGES,
				PAGE,
				'<< /S /JavaScript /JS (app.alert(1)) >>'
			),
			pdf('<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] >> >>', PAGES, PAGE),
			pdf(
				CATALOG,
				PAGES,
				'<< /Type /Page /Parent 2 0 R /AA << /O 4 0 R >> >>',
				'<< /S /Launch /F (cmd.exe) >>'
			),
			pdf('<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>', PAGES, PAGE),
			pdf(CATALOG, PAGES, PAGE, '<< /Type /EmbeddedFile /Length 0 >>'),
			// The same names written with #xx escapes.
			pdf(CATALOG, PAGES, PAGE, '<< /S /J#61vaScript /J#53 (app.alert(1)) >>'),
			// Hidden in a compressed object stream.
			objectStream('4 0 << /S /JavaScript /JS (app.alert(1)) >>')
		];
		for (const [i, file] of withActions.entries()) {
			expect(pdfProblem(file), `PDF ${i}`).not.toBeNull();
			expect(await checkReceiptFile(new Blob([file])), `PDF ${i}`).toEqual({
				ok: false,
				error: PDF_WITH_ACTIONS()
			});
		}
	});

	it('looks inside compressed object streams, and refuses one it cannot read', async () => {
		expect(pdfProblem(objectStream('4 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'))).toBeNull();
		const broken = bytes(
			'%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n',
			[1, 2, 3, 4, 5],
			'\nendstream\nendobj\n'
		);
		expect(await checkReceiptFile(new Blob([broken]))).toEqual({ ok: false, error: PDF_UNREADABLE() });
		expect(await checkReceiptFile(new Blob([objectStream('4 0 << >>', '/LZWDecode')]))).toEqual({
			ok: false,
			error: PDF_UNREADABLE()
		});
	});
});
