// Files members give us (audio answers and receipts), kept in Postgres with their type, size and SHA-256.
// A file is judged by its content, never by its name or the type the browser claims. Queries run as
// the visitor, so Row Level Security decides who may read a file: its owner, or staff.
import { createHash } from 'node:crypto';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import type { SupabaseClient } from '@supabase/supabase-js';
import { audioSizeProblem } from '$lib/validation/application';
import { fail } from './db/fail';
import { m } from '$lib/paraglide/messages';

export type UploadPurpose = 'application_answer' | 'receipt' | 'idea';

const ascii = (bytes: Uint8Array, at: number, text: string) =>
	bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

// MPEG audio frame sizes: bitrates (kbit/s) by [version is 1][layer 1..3][index], sample rates by version.
const MP3_BITRATES: Record<'1' | '2', number[][]> = {
	'1': [
		[],
		[0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
		[0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
		[0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
	],
	'2': [
		[],
		[0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
		[0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
		[0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
	]
};
const MP3_RATES: Record<number, number[]> = {
	3: [44100, 48000, 32000], // MPEG 1
	2: [22050, 24000, 16000], // MPEG 2
	0: [11025, 12000, 8000] // MPEG 2.5
};

/** The length in bytes of the MPEG audio frame whose header starts at `at`, or 0 if there is none. */
function mpegFrameLength(b: Uint8Array, at: number): number {
	if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return 0;
	const version = (b[at + 1]! >> 3) & 3; // 0: 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
	const layerBits = (b[at + 1]! >> 1) & 3; // 0: reserved (ADTS uses it), 1: III, 2: II, 3: I
	const bitrateIndex = b[at + 2]! >> 4;
	const rateIndex = (b[at + 2]! >> 2) & 3;
	if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
		return 0;
	const layer = 4 - layerBits;
	const bitrate = MP3_BITRATES[version === 3 ? '1' : '2'][layer]![bitrateIndex]! * 1000;
	const rate = MP3_RATES[version]![rateIndex]!;
	const padding = (b[at + 2]! >> 1) & 1;
	if (layer === 1) return (Math.floor((12 * bitrate) / rate) + padding) * 4;
	const perFrame = layer === 3 && version !== 3 ? 72 : 144;
	return Math.floor((perFrame * bitrate) / rate) + padding;
}

/** The length of the AAC ADTS frame starting at `at`, or 0 if there is none. */
function adtsFrameLength(b: Uint8Array, at: number): number {
	if (b.length < at + 7 || b[at] !== 0xff || (b[at + 1]! & 0xf6) !== 0xf0) return 0;
	if (((b[at + 2]! >> 2) & 0xf) > 12) return 0; // sampling frequency index
	const length = ((b[at + 3]! & 0x3) << 11) | (b[at + 4]! << 3) | (b[at + 5]! >> 5);
	return length >= 7 ? length : 0;
}

/**
 * Frame-synced audio (MP3, AAC): the first two frame headers must be valid and one straight after the
 * other. One lucky header is not audio: a UTF-16 text file starts with FF FE, which looks like one.
 */
function framed(b: Uint8Array, frameLength: (b: Uint8Array, at: number) => number): boolean {
	const first = frameLength(b, 0);
	return first > 0 && frameLength(b, first) > 0;
}

const MP4_3GPP = /^3g[pgse]\d/;

/**
 * The audio type of a file judged by its first bytes, or null if it is not audio we accept:
 * WAV, Ogg, WebM/Matroska, MP4/M4A/3GP, MP3, AAC (ADTS) and AMR.
 */
export function sniffAudio(bytes: Uint8Array): string | null {
	const b = bytes;
	if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
	if (ascii(b, 0, 'OggS')) return 'audio/ogg';
	if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
		const head = new TextDecoder('latin1').decode(b.subarray(0, 64));
		return head.includes('webm') ? 'audio/webm' : 'audio/x-matroska';
	}
	// An ISO media file (MP4, M4A, 3GP) opens with a small "ftyp" box naming its brand.
	const boxSize = b.length >= 4 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : 0;
	if (ascii(b, 4, 'ftyp') && b.length >= 12 && boxSize >= 12 && boxSize <= 512 && boxSize % 4 === 0) {
		const brand = new TextDecoder('latin1').decode(b.subarray(8, 12));
		if (brand === '3g2a' || brand === '3g2b' || brand === '3g2c') return 'audio/3gpp2';
		return MP4_3GPP.test(brand) ? 'audio/3gpp' : 'audio/mp4';
	}
	if (ascii(b, 0, '#!AMR-WB\n')) return 'audio/amr-wb';
	if (ascii(b, 0, '#!AMR\n')) return 'audio/amr';
	// An ID3v2 tag: "ID3", version 2 to 4, then a size in four 7-bit bytes.
	if (
		ascii(b, 0, 'ID3') &&
		b.length >= 10 &&
		b[3]! >= 2 &&
		b[3]! <= 4 &&
		[6, 7, 8, 9].every((i) => b[i]! < 0x80)
	)
		return 'audio/mpeg';
	if (framed(b, adtsFrameLength)) return 'audio/aac';
	if (framed(b, mpegFrameLength)) return 'audio/mpeg';
	return null;
}

/** A file name's ending for a content type, for "Save as". */
export function extensionFor(contentType: string): string {
	const ends: Record<string, string> = {
		'audio/wav': 'wav',
		'audio/ogg': 'ogg',
		'audio/webm': 'webm',
		'audio/x-matroska': 'mka',
		'audio/mp4': 'm4a',
		'audio/3gpp': '3gp',
		'audio/3gpp2': '3g2',
		'audio/amr': 'amr',
		'audio/amr-wb': 'awb',
		'audio/mpeg': 'mp3',
		'audio/aac': 'aac',
		'image/jpeg': 'jpg',
		'image/png': 'png',
		'image/heic': 'heic',
		'image/heif': 'heif',
		'application/pdf': 'pdf'
	};
	return ends[contentType] ?? 'bin';
}

export type AudioCheck = { ok: true; contentType: string; bytes: Uint8Array } | { ok: false; error: string };

/** Why a recording is refused, in the member's language. */
export const NOT_AUDIO = m.upload_err_not_audio;

/** Reads an uploaded file and checks that it is audio of an accepted kind and size. */
export async function checkAudioFile(file: Blob): Promise<AudioCheck> {
	const problem = audioSizeProblem(file.size);
	if (problem) return { ok: false, error: problem };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const contentType = sniffAudio(bytes);
	return contentType ? { ok: true, contentType, bytes } : { ok: false, error: NOT_AUDIO() };
}

// Receipts -------------------------------------------------------------------------------------------

/** Largest receipt (10 MB), as the database allows. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

/**
 * The type of a receipt judged by its first bytes, or null if it is not one we accept:
 * a JPEG or PNG photo, an iPhone photo (HEIC/HEIF), or a PDF.
 */
export function sniffReceipt(bytes: Uint8Array): string | null {
	const b = bytes;
	if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x))
		return 'image/png';
	if (ascii(b, 0, '%PDF-')) return 'application/pdf';
	// HEIC/HEIF: an ISO "ftyp" box naming the brand, then compatible brands.
	const boxSize = b.length >= 4 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : 0;
	if (ascii(b, 4, 'ftyp') && b.length >= 16 && boxSize >= 16 && boxSize <= 512 && boxSize % 4 === 0) {
		const latin = new TextDecoder('latin1');
		const brands = [latin.decode(b.subarray(8, 12))];
		for (let at = 16; at + 4 <= Math.min(boxSize, b.length); at += 4)
			brands.push(latin.decode(b.subarray(at, at + 4)));
		if (brands.some((x) => HEIC_BRANDS.has(x))) return 'image/heic';
		if (brands.some((x) => HEIF_BRANDS.has(x))) return 'image/heif';
	}
	return null;
}

// Why a receipt is refused, in the member's language (messages upload_err_…).
export const NOT_A_RECEIPT = m.upload_err_not_receipt;
export const RECEIPT_TOO_BIG = m.upload_err_receipt_too_big;
export const PHOTO_TOO_LARGE = m.upload_err_photo_too_large;
export const PDF_WITH_ACTIONS = m.upload_err_pdf_actions;
export const PDF_UNREADABLE = m.upload_err_pdf_unreadable;

/** Largest photo we accept, in pixels and on either side: a few KB can claim a picture of gigabytes. */
export const MAX_PHOTO_PIXELS = 100_000_000;
export const MAX_PHOTO_SIDE = 20_000;

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) =>
	((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/**
 * A photo's width and height as its header states them (what a viewer would try to decode), or null
 * if the header does not say. PNG: the IHDR chunk. JPEG: the first start-of-frame marker. HEIC/HEIF:
 * the largest "ispe" (image spatial extents) property, which for a tiled photo is the whole grid.
 */
export function photoSize(bytes: Uint8Array, contentType: string): { width: number; height: number } | null {
	const b = bytes;
	if (contentType === 'image/png') {
		if (b.length < 24 || !ascii(b, 12, 'IHDR')) return null;
		return { width: u32(b, 16), height: u32(b, 20) };
	}
	if (contentType === 'image/jpeg') {
		let at = 2;
		while (at + 4 <= b.length) {
			if (b[at] !== 0xff) return null;
			const marker = b[at + 1]!;
			if (marker === 0xff) {
				at += 1; // fill byte
				continue;
			}
			if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
				at += 2; // markers without a length
				continue;
			}
			if (marker === 0xd9 || marker === 0xda) return null; // end, or the picture data before any frame
			const isFrame =
				marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
			if (isFrame) return at + 9 <= b.length ? { width: u16(b, at + 7), height: u16(b, at + 5) } : null;
			at += 2 + u16(b, at + 2);
		}
		return null;
	}
	if (contentType === 'image/heic' || contentType === 'image/heif') {
		// The properties sit in the "meta" box near the start; look through the first megabyte.
		let best: { width: number; height: number } | null = null;
		const end = Math.min(b.length, 1024 * 1024) - 16;
		for (let at = 4; at <= end; at++) {
			if (b[at] !== 0x69 || !ascii(b, at, 'ispe') || u32(b, at - 4) !== 20) continue;
			const width = u32(b, at + 8);
			const height = u32(b, at + 12);
			if (!best || width * height > best.width * best.height) best = { width, height };
		}
		return best;
	}
	return null;
}

/** Whether a photo's stated size is more than a viewer should be asked to decode. */
export function photoTooLarge(size: { width: number; height: number } | null): boolean {
	if (!size) return false;
	return (
		size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE || size.width * size.height > MAX_PHOTO_PIXELS
	);
}

// PDF names that make a reader do something by itself: run a script, open or launch something, carry
// another file, submit a form or play embedded media. A name may be written with #xx escapes.
const PDF_ACTIVE_NAMES = new Set([
	'JavaScript',
	'JS',
	'Launch',
	'EmbeddedFile',
	'EmbeddedFiles',
	'RichMedia',
	'SubmitForm',
	'ImportData',
	'GoToE',
	'XFA',
	'AA'
]);
const PDF_NAME = /\/([^\s/[\]<>(){}%]*)/g;
const decodeName = (raw: string) =>
	raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
/** Most bytes the check will inflate from a PDF's compressed object streams, in all. */
const MAX_INFLATED = 32 * 1024 * 1024;

/** Something in this PDF text that would act by itself, or null. */
function activeName(text: string): string | null {
	for (const match of text.matchAll(PDF_NAME)) {
		const name = decodeName(match[1]!);
		if (PDF_ACTIVE_NAMES.has(name)) return name;
		// Opening at a page ("[3 0 R /Fit]") is harmless; anything else that runs on opening is not.
		if (name === 'OpenAction') {
			const after = text.slice(match.index + match[0].length).trimStart();
			if (!after.startsWith('[')) return name;
		}
	}
	return null;
}

/**
 * What a PDF holds that would act by itself (a script, a launch or open action, an embedded file), or
 * 'unreadable' when a compressed object stream, where such things can hide, cannot be read; else null.
 */
export function pdfProblem(bytes: Uint8Array): string | 'unreadable' | null {
	const text = new TextDecoder('latin1').decode(bytes);
	const found = activeName(text);
	if (found) return found;
	// Objects packed into compressed object streams (/Type /ObjStm) are read after inflating them.
	let budget = MAX_INFLATED;
	const streams = /(?<!end)stream\r?\n/g;
	for (const match of text.matchAll(streams)) {
		const start = match.index + match[0].length;
		const head = text.slice(Math.max(0, match.index - 1024), match.index);
		const dict = head.slice(head.lastIndexOf('obj') + 3);
		if (!/\/Type\s*\/ObjStm/.test(decodeName(dict))) continue;
		const end = text.indexOf('endstream', start);
		if (end < 0) return 'unreadable';
		const flate = /\/Filter\s*(\[\s*)?\/FlateDecode\s*\]?\s*[/>]/.test(dict);
		if (!flate && /\/Filter/.test(dict)) return 'unreadable';
		let inner: string;
		try {
			const raw = bytes.subarray(start, end);
			const out = flate
				? inflateSync(raw, { maxOutputLength: budget, finishFlush: zlibConstants.Z_SYNC_FLUSH })
				: Buffer.from(raw);
			budget -= out.length;
			inner = out.toString('latin1');
		} catch {
			return 'unreadable';
		}
		const hidden = activeName(inner);
		if (hidden) return hidden;
		if (budget <= 0) return 'unreadable';
	}
	return null;
}

export type ReceiptCheck =
	{ ok: true; contentType: string; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Reads an uploaded file and checks it is a receipt of an accepted kind and size: judged by its
 * content (not its name), a photo no larger than a viewer can safely open, a PDF with nothing in it
 * that runs by itself.
 */
export async function checkReceiptFile(file: Blob): Promise<ReceiptCheck> {
	if (file.size > MAX_RECEIPT_BYTES) return { ok: false, error: RECEIPT_TOO_BIG() };
	if (file.size === 0) return { ok: false, error: NOT_A_RECEIPT() };
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (bytes.length > MAX_RECEIPT_BYTES) return { ok: false, error: RECEIPT_TOO_BIG() };
	const contentType = sniffReceipt(bytes);
	if (!contentType) return { ok: false, error: NOT_A_RECEIPT() };
	if (contentType === 'application/pdf') {
		const problem = pdfProblem(bytes);
		if (problem === 'unreadable') return { ok: false, error: PDF_UNREADABLE() };
		if (problem) return { ok: false, error: PDF_WITH_ACTIONS() };
	} else if (photoTooLarge(photoSize(bytes, contentType))) {
		return { ok: false, error: PHOTO_TOO_LARGE() };
	}
	return { ok: true, contentType, bytes };
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Stores a checked file as its owner; returns its id. */
export async function storeUpload(
	db: SupabaseClient,
	ownerId: string,
	purpose: UploadPurpose,
	contentType: string,
	bytes: Uint8Array
): Promise<string> {
	const { data, error } = await db
		.from('uploads')
		.insert({
			owner_id: ownerId,
			purpose,
			content_type: contentType,
			size_bytes: bytes.length,
			sha256: sha256(bytes),
			// PostgREST reads bytea from text in Postgres' hex format.
			data: `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`
		})
		.select('id')
		.single();
	if (error) fail(purpose === 'receipt' ? 'Saving the receipt' : 'Saving the recording', error);
	return (data as { id: string }).id;
}

export interface StoredUpload {
	id: string;
	contentType: string;
	size: number;
	sha256: string;
	bytes: Uint8Array<ArrayBuffer>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file the visitor may read (their own, or any if staff), or null. */
export async function readUpload(db: SupabaseClient, id: string): Promise<StoredUpload | null> {
	if (!UUID.test(id)) return null;
	const { data, error } = await db
		.from('uploads')
		.select('id, content_type, size_bytes, sha256, data')
		.eq('id', id)
		.maybeSingle();
	if (error) fail('Reading a file', error);
	if (!data) return null;
	const row = data as { id: string; content_type: string; size_bytes: number; sha256: string; data: string };
	return {
		id: row.id,
		contentType: row.content_type,
		size: row.size_bytes,
		sha256: row.sha256,
		bytes: new Uint8Array(Buffer.from(row.data.replace(/^\\x/, ''), 'hex'))
	};
}

/** Removes one of the visitor's own files that nothing uses any more. */
export async function removeUpload(db: SupabaseClient, id: string): Promise<void> {
	const { error } = await db.from('uploads').delete().eq('id', id);
	if (error) fail('Removing a file', error);
}
