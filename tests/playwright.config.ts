import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.js';

export default defineConfig({
  testDir: './e2e',
  outputDir: './output/e2e-results',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
  },
});
