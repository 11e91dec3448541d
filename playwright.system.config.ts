import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The system tests (e2e-system/): they start their own standalone servers from the last
// `npm run build`, against a scratch database on the Postgres server in DATABASE_URL.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) =>
  fs.existsSync(file),
);

export default defineConfig({
  testDir: './e2e-system',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? { executablePath: systemChromium, args: ['--no-sandbox', '--disable-gpu'] }
          : undefined,
      },
    },
  ],
});
