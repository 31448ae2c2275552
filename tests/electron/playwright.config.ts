import { defineConfig } from '@playwright/test';

// Electron-only tests: they need the Electron binary, which cannot be downloaded on every machine.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../output/electron-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
