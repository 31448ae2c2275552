// Draws the app's icon (build/icon.svg) at every size the installers use, with this machine's
// Chromium, and writes what electron-builder reads from build/:
//   build/icons/<n>x<n>.png  Linux (AppImage, deb: the hicolor theme), 16 to 1024
//   build/icon.png           1024×1024, the source for anything else
//   build/icon.ico           Windows (NSIS, the .exe): PNG images 16 to 256, as Windows Vista and later read
//   build/icon.icns          macOS (the .app and the dmg): PNG images 16 to 1024
// Run again after changing the SVG:  npx tsx scripts/icons/make-icons.ts
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.js';
import { icnsFile, icoFile } from './iconFiles.js';

const buildFolder = join(import.meta.dirname, '..', '..', 'build');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(join(buildFolder, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const pngs = new Map<number, Buffer>();
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
  }
} finally {
  await browser.close();
}
await mkdir(join(buildFolder, 'icons'), { recursive: true });
for (const [size, png] of pngs) await writeFile(join(buildFolder, 'icons', `${size}x${size}.png`), png);
await writeFile(join(buildFolder, 'icon.png'), pngs.get(1024)!);
await writeFile(join(buildFolder, 'icon.ico'), icoFile([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size)! }))));
await writeFile(join(buildFolder, 'icon.icns'), icnsFile([16, 32, 64, 128, 256, 512, 1024].map((size) => ({ size, png: pngs.get(size)! }))));
console.log(`icons written to ${buildFolder}: ${sizes.join(', ')} px`);
