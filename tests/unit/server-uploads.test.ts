// Audio answers are judged by their first bytes, never by their name or the browser's word.
import { describe, expect, it } from 'vitest';
import { NOT_AUDIO, checkAudioFile, extensionFor, sha256, sniffAudio } from '$lib/server/uploads';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

function u32le(n: number) {
	return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >> 24) & 0xff];
}
function u32be(n: number) {
	return [(n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** A real, playable WAV: 8 kHz, mono, 16-bit PCM, a short tone. */
function wav(seconds = 0.1, rate = 8000): Uint8Array {
	const samples = Math.round(seconds * rate);
	const data: number[] = [];
	for (let i = 0; i < samples; i++) {
		const v = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000) & 0xffff;
		data.push(v & 0xff, v >> 8);
	}
	return bytes(
		'RIFF',
		u32le(36 + data.length),
		'WAVE',
		'fmt ',
		u32le(16),
		[1, 0, 1, 0],
		u32le(rate),
		u32le(rate * 2),
		[2, 0, 16, 0],
		'data',
		u32le(data.length),
		data
	);
}

/** Two MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz: 417 bytes each. */
function mp3Frames(): Uint8Array {
	const frame = new Array(417).fill(0);
	frame.splice(0, 4, 0xff, 0xfb, 0x90, 0x64);
	return new Uint8Array([...frame, ...frame]);
}

/** Two AAC ADTS frames of 20 bytes each. */
function adtsFrames(): Uint8Array {
	const length = 20;
	const header = [
		0xff,
		0xf1,
		0x50,
		0x80 | (length >> 11),
		(length >> 3) & 0xff,
		((length & 7) << 5) | 0x1f,
		0xfc
	];
	const frame = [...header, ...new Array(length - header.length).fill(0)];
	return new Uint8Array([...frame, ...frame]);
}

describe('sniffAudio', () => {
	it('knows WAV by RIFF and WAVE', () => {
		expect(sniffAudio(wav())).toBe('audio/wav');
		expect(sniffAudio(bytes('RIFF', u32le(100), 'AVI ', 'LIST'))).toBeNull();
	});

	it('knows Ogg, WebM and Matroska', () => {
		expect(sniffAudio(bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0]))).toBe('audio/ogg');
		const ebml = [0x1a, 0x45, 0xdf, 0xa3];
		expect(sniffAudio(bytes(ebml, [0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'))).toBe(
			'audio/webm'
		);
		expect(sniffAudio(bytes(ebml, [0x93, 0x42, 0x82, 0x88], 'matroska'))).toBe('audio/x-matroska');
	});

	it('knows MP4, M4A and 3GP by their ftyp box', () => {
		expect(sniffAudio(bytes(u32be(32), 'ftyp', 'M4A ', u32be(0), 'M4A mp42isom', [0, 0, 0, 0]))).toBe(
			'audio/mp4'
		);
		expect(sniffAudio(bytes(u32be(24), 'ftyp', 'isom', u32be(512), 'isomiso2'))).toBe('audio/mp4');
		expect(sniffAudio(bytes(u32be(24), 'ftyp', '3gp4', u32be(0), 'isom3gp4'))).toBe('audio/3gpp');
		expect(sniffAudio(bytes(u32be(20), 'ftyp', '3g2a', u32be(0), '3g2a'))).toBe('audio/3gpp2');
	});

	it('knows MP3 by an ID3 tag or by two frames in a row', () => {
		expect(sniffAudio(bytes('ID3', [4, 0, 0, 0, 0, 0x02, 0x01], 'TIT2'))).toBe('audio/mpeg');
		expect(sniffAudio(mp3Frames())).toBe('audio/mpeg');
		expect(sniffAudio(mp3Frames().subarray(0, 417))).toBeNull();
	});

	it('knows AAC by two ADTS frames in a row', () => {
		expect(sniffAudio(adtsFrames())).toBe('audio/aac');
	});

	it('knows AMR and AMR wideband', () => {
		expect(sniffAudio(bytes('#!AMR\n', [0x3c, 0x48]))).toBe('audio/amr');
		expect(sniffAudio(bytes('#!AMR-WB\n', [0x04]))).toBe('audio/amr-wb');
	});

	it('refuses text, pictures, documents and empty files', () => {
		expect(sniffAudio(bytes('This is not audio, it is a text file renamed answer.mp3\n'))).toBeNull();
		expect(sniffAudio(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toBeNull();
		expect(sniffAudio(bytes('%PDF-1.7\n'))).toBeNull();
		expect(sniffAudio(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'))).toBeNull();
		expect(sniffAudio(new Uint8Array())).toBeNull();
		// UTF-16 text starts FF FE, which looks like one MPEG frame header; the next frame is not there.
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...[...'Hello, this is text'.repeat(20)].flatMap((c) => [c.charCodeAt(0), 0])
		]);
		expect(sniffAudio(utf16)).toBeNull();
		// "ftyp" at the right place, but not in a box of a believable size.
		expect(sniffAudio(bytes('abcdftypM4A text that is not a file'))).toBeNull();
	});
});

describe('checkAudioFile', () => {
	it('accepts a recording by its content, whatever its name or claimed type', async () => {
		const file = new File([wav() as Uint8Array<ArrayBuffer>], 'answer.txt', { type: 'text/plain' });
		const result = await checkAudioFile(file);
		expect(result.ok && result.contentType).toBe('audio/wav');
	});

	it('refuses a text file renamed .mp3 and sent as audio', async () => {
		const file = new File(['Dear team, here is my answer.'], 'answer.mp3', { type: 'audio/mpeg' });
		expect(await checkAudioFile(file)).toEqual({ ok: false, error: NOT_AUDIO() });
	});

	it('refuses a file over 10 MB before reading it', async () => {
		const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'long.wav', { type: 'audio/wav' });
		const result = await checkAudioFile(big);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/10 MB or smaller/);
	});
});

describe('helpers', () => {
	it('hashes with SHA-256 in hex', () => {
		expect(sha256(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('names a file by its type', () => {
		expect(extensionFor('audio/wav')).toBe('wav');
		expect(extensionFor('audio/mp4')).toBe('m4a');
		expect(extensionFor('application/x-unknown')).toBe('bin');
	});
});
