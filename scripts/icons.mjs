// Makes the app icons (static/icons/*.png) from static/favicon.svg with the browser the tests use.
// Run it again after changing the favicon: `node scripts/icons.mjs`. The PNGs are committed.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'static/favicon.svg'), 'utf8');
const background = '#1d3b53';
// "any" icons are the favicon itself; maskable ones keep it inside the middle 80 % safe zone.
const icons = [
	{ name: 'icon-192.png', size: 192, padding: 0 },
	{ name: 'icon-512.png', size: 512, padding: 0 },
	{ name: 'maskable-192.png', size: 192, padding: 0.14 },
	{ name: 'maskable-512.png', size: 512, padding: 0.14 },
	{ name: 'apple-touch-icon.png', size: 180, padding: 0.08 }
];

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const { name, size, padding } of icons) {
	const inner = Math.round(size * (1 - 2 * padding));
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${padding ? background : 'transparent'}">
		<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`
	);
	await page.screenshot({ path: resolve(root, 'static/icons', name), omitBackground: !padding });
}
await browser.close();
console.log(`Made ${icons.length} icons in static/icons.`);
