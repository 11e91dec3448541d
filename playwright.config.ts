import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
// A fresh embedded database for every run (the variable is inherited by Playwright's workers).
process.env.E2E_PGLITE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-e2e-'));
// The dashboards' clock (lib/clock.ts): tests move it forward by writing {"offsetMs": n} here.
process.env.E2E_CLOCK_FILE ??= `${process.env.E2E_PGLITE_DIR}-clock.json`;
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) =>
  fs.existsSync(file),
);

export default defineConfig({
  testDir: './e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
              ],
            }
          : undefined,
      },
    },
  ],
  webServer: {
    // E2E_SKIP_BUILD=1 reuses the last `next build` (handy while iterating on tests).
    // The standalone server, as in production (`npm start`).
    // The suite's accounts are created with the operator CLI first (e2e/create-accounts.ts).
    command: `${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}npx tsx e2e/create-accounts.ts && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/`,
    // The build (content:check, labs:build, next build, precompression and the leak scan) took
    // about 8 minutes on two busy cores.
    timeout: 1_200_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      HOSTNAME: '127.0.0.1',
      PGLITE_DIR: process.env.E2E_PGLITE_DIR,
      BACKEND_PATH_CLOCK_FILE: process.env.E2E_CLOCK_FILE,
      DATABASE_URL: '',
      POSTGRES_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every browser of the suite signs up from 127.0.0.1.
      SIGN_UP_LIMIT_PER_HOUR: '1000',
    },
    stdout: 'pipe',
  },
});
