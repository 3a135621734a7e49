// After `vite build`: writes the list of files the service worker keeps on the phone into
// build/client/service-worker.js (workbox-build's injectManifest), then remakes the worker's
// .br/.gz copies, which adapter-node serves before the file itself. Code only staff pages use is
// left out: members' phones need not fetch it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { injectManifest } from 'workbox-build';

const root = resolve(import.meta.dirname, '..');
const client = resolve(root, 'build/client');
const worker = resolve(client, 'service-worker.js');
if (!existsSync(worker)) {
	console.error('build/client/service-worker.js is missing: run `vite build` first.');
	process.exit(1);
}

/** Files under _app/immutable that only staff pages (src/routes/admin) load. */
function staffOnlyFiles() {
	const manifest = JSON.parse(
		readFileSync(resolve(root, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	);
	const staff = new Set(
		Object.keys(manifest).filter(
			(key) =>
				key.startsWith('.svelte-kit/generated/client-optimized/nodes/') &&
				readFileSync(resolve(root, key), 'utf8').includes('/src/routes/admin/')
		)
	);
	const kept = new Set();
	const visit = (key) => {
		const chunk = manifest[key];
		if (!chunk || staff.has(key) || kept.has(chunk.file)) return;
		kept.add(chunk.file);
		for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) kept.add(file);
		for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
	};
	for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry || chunk.isDynamicEntry) visit(key);
	const all = Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]);
	return new Set(all.filter((file) => !kept.has(file)));
}
const staffOnly = staffOnlyFiles();

// The offline pages are made by the server; they are fetched again whenever the app's version changes.
const { version } = JSON.parse(readFileSync(resolve(client, '_app/version.json'), 'utf8'));
const { count, size, warnings } = await injectManifest({
	swSrc: worker,
	swDest: worker,
	globDirectory: client,
	globPatterns: [
		'_app/immutable/**/*.{js,css}',
		// Atkinson Hyperlegible, Latin only: what English and Welsh need.
		'_app/immutable/assets/atkinson-hyperlegible-latin-{400,700}-*.woff2',
		'pictograms/*.svg',
		'icons/*.png',
		'favicon.svg',
		'manifest.webmanifest'
	],
	globIgnores: ['**/*.br', '**/*.gz', 'service-worker.js'],
	// Hashed file names change when the file does: no revision needed.
	dontCacheBustURLsMatching: /^_app\/immutable\//,
	additionalManifestEntries: [
		{ url: '/offline', revision: version },
		{ url: '/offline/not-sent', revision: version }
	],
	maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
	manifestTransforms: [
		async (entries) => ({ manifest: entries.filter((entry) => !staffOnly.has(entry.url)), warnings: [] })
	]
});
for (const w of warnings) console.warn(`service worker: ${w}`);

const code = readFileSync(worker);
rmSync(`${worker}.br`, { force: true });
rmSync(`${worker}.gz`, { force: true });
writeFileSync(`${worker}.br`, brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
writeFileSync(`${worker}.gz`, gzipSync(code, { level: 9 }));
console.log(
	`Service worker keeps ${count} files (${Math.round(size / 1024)} KB) on the phone; ${staffOnly.size} files only staff pages use are left out.`
);
