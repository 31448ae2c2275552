// The packaged app, checked without packaging it (Electron cannot be downloaded on these machines):
// electron-builder's own schema accepts build/electron-builder.yml, it builds AppImage, deb, NSIS and
// dmg with icons at every size, the afterPack hook flips the fuses, and the fuses are the locked-down set.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Fuses from '@electron/fuses';
import { icnsFile, icoFile } from '../../scripts/icons/iconFiles.js';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as typeof Fuses;
const { fuseSettings, fuseSettingsFor } = require('../../build/fuses.cjs') as {
  fuseSettings: Record<string, unknown>;
  fuseSettingsFor: (platform: string) => Record<string, unknown>;
};
const afterPack = require('../../build/afterPack.cjs') as (context: unknown) => Promise<void>;

interface BuilderConfig {
  [key: string]: unknown;
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: string; icon: string };
  afterPack: string;
  asar: boolean;
  files: { filter: string[] }[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  electronFuses?: unknown;
}

/** The configuration as electron-builder itself reads it (its own loader and JSON-schema validation). */
async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig: (projectDir: string, configPath: string, fromOptions: null) => Promise<BuilderConfig>;
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, 'build/electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Uint8Array) => {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
};

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s own validation, with every target the councils need', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.asar).toBe(true);
    // The fuses are flipped by our hook, not also by electron-builder's electronFuses (which would flip them twice, with other settings).
    expect(config.electronFuses).toBeUndefined();
    expect(config.afterPack).toBe('build/afterPack.cjs');
  }, 30_000);

  it('ships the app and the sample minutes, not the tests, sources or source maps', async () => {
    const config = await builderConfig();
    const filters = config.files.flatMap((entry) => entry.filter);
    expect(filters).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!dist/**/*.map']));
    expect(filters.some((filter) => /tests|electron\/\*\*\/\*\.ts|scripts|seeds/.test(filter) && !filter.startsWith('!'))).toBe(false);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'seeds', to: 'sample-minutes' })]);
    expect(readdirSync(join(root, 'seeds')).filter((name) => name.endsWith('.txt')).length).toBeGreaterThan(0);
  }, 30_000);

  it('unpacks what is loaded from a real file: libsql’s native binary, and the import readers’ worker script (electron/main.ts starts it from app.asar.unpacked)', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@libsql/**', 'dist/electron/importWorker.cjs']));
    // The bundle names the same file it is unpacked as.
    expect(readFileSync(join(root, 'electron', 'main.ts'), 'utf8')).toContain("join(__dirname, 'importWorker.cjs')");
    expect(readFileSync(join(root, 'scripts', 'build-node.mjs'), 'utf8')).toContain("outfile: 'dist/electron/importWorker.cjs'");
  }, 30_000);

  it('offers Minute Book for .json minutes and archives on every platform, without making it the opener of every .json', async () => {
    const config = (await builderConfig()) as BuilderConfig & { [platform in 'mac' | 'linux' | 'win']: { fileAssociations?: unknown } } & { nsis: { include?: string } };
    // No association for every platform: electron-builder's NSIS script would set .json's default program.
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win.fileAssociations).toBeUndefined();
    expect(config.mac.fileAssociations).toEqual([expect.objectContaining({ ext: 'json', rank: 'Alternate', role: 'Viewer' })]);
    expect(config.linux.fileAssociations).toEqual([expect.objectContaining({ ext: 'json', mimeType: 'application/json' })]);
    // Windows: only Open with (OpenWithProgids), and taken away again on uninstall; .json's default value is never written.
    const script = readFileSync(join(root, config.nsis.include!), 'utf8');
    expect(script).toMatch(/!macro customInstall[\s\S]*WriteRegNone SHELL_CONTEXT "Software\\Classes\\\.json\\OpenWithProgids"/);
    expect(script).toMatch(/!macro customUnInstall[\s\S]*DeleteRegValue SHELL_CONTEXT "Software\\Classes\\\.json\\OpenWithProgids"/);
    expect(script).not.toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\.json" /);
  }, 30_000);

  it('is what `npm run package` uses', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.package).toBe('npm run build && electron-builder --config build/electron-builder.yml');
  });
});

describe('the icons in build/', () => {
  it('has a PNG at every size for Linux, each of the size its name says', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join(root, 'build', 'icons', `${size}x${size}.png`))), `${size}x${size}.png`).toEqual({ width: size, height: size });
    }
    expect(pngSize(readFileSync(join(root, 'build', 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows .ico up to 256 px and a macOS .icns up to 1024 px', () => {
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sides = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(sides).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const icns = readFileSync(join(root, 'build', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('ascii'));
    expect(types).toEqual(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']);
  });

  it('writes the containers it is made of correctly', () => {
    const png = readFileSync(join(root, 'build', 'icons', '16x16.png'));
    const ico = icoFile([{ size: 16, png }, { size: 256, png }]);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0
    expect(ico.readUInt32LE(6 + 12)).toBe(6 + 32); // the first image follows the directory
    expect(() => icoFile([{ size: 512, png }])).toThrow('1 to 256 px');
    expect(() => icnsFile([{ size: 20, png }])).toThrow('no PNG type for 20 px');
  });
});

describe('the Electron fuses', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    expect(fuseSettings).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('sets every fuse @electron/fuses knows', () => {
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    for (const fuse of known) expect(typeof fuseSettings[String(fuse)], FuseV1Options[fuse as number]).toBe('boolean');
  });

  it.each([
    ['linux', false],
    ['win32', false],
    ['darwin', true],
    ['mas', true],
  ])('are flipped by the afterPack hook on %s (re-signing ad hoc on macOS: %s)', async (platform, resign) => {
    const calls: unknown[][] = [];
    const context = {
      electronPlatformName: platform,
      appOutDir: '/tmp/out',
      packager: { addElectronFuses: async (...args: unknown[]) => (calls.push(args), 1) },
    };
    await afterPack(context);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(context);
    expect(calls[0]![1]).toEqual({ ...fuseSettingsFor(platform), resetAdHocDarwinSignature: resign });
    expect(calls[0]![1]).toMatchObject({ [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true });
  });

  it('stops the build when no fuse wire is found', async () => {
    const context = { electronPlatformName: 'linux', packager: { addElectronFuses: async () => 0 } };
    await expect(afterPack(context)).rejects.toThrow('no fuse wire');
  });

  it('are in a hook file electron-builder can load', () => {
    expect(existsSync(join(root, 'build', 'afterPack.cjs'))).toBe(true);
    expect(typeof afterPack).toBe('function');
  });
});
