// Lighthouse (mobile preset: simulated slow 4G and a 4x slower CPU) on system Chromium, against a
// running standalone server. Part of `npm run bench`; skipped with a message when there is no
// Chromium.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { spread, type Spread } from './bench-load';

export interface LighthouseRow {
  route: string;
  performance: Spread;
  accessibility: Spread;
  bestPractices: Spread;
  seo: Spread;
  lcpMs: Spread;
  tbtMs: Spread;
}

export function findChromium(): string | undefined {
  return [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
    .filter((file): file is string => Boolean(file))
    .find((file) => fs.existsSync(file));
}

export async function benchLighthouse(
  baseUrl: string,
  routes: string[],
  runs = 3,
): Promise<LighthouseRow[] | null> {
  const chromePath = findChromium();
  if (!chromePath) return null;
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const route of routes) {
      const samples: Record<keyof Omit<LighthouseRow, 'route'>, number[]> = {
        performance: [],
        accessibility: [],
        bestPractices: [],
        seo: [],
        lcpMs: [],
        tbtMs: [],
      };
      for (let run = 0; run < runs; run += 1) {
        const result = await lighthouse(`${baseUrl}${route}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
        const { categories, audits } = result.lhr;
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        samples.performance.push(score('performance'));
        samples.accessibility.push(score('accessibility'));
        samples.bestPractices.push(score('best-practices'));
        samples.seo.push(score('seo'));
        samples.lcpMs.push(audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
        samples.tbtMs.push(audits['total-blocking-time']?.numericValue ?? Number.NaN);
      }
      rows.push({
        route,
        performance: spread(samples.performance),
        accessibility: spread(samples.accessibility),
        bestPractices: spread(samples.bestPractices),
        seo: spread(samples.seo),
        lcpMs: spread(samples.lcpMs),
        tbtMs: spread(samples.tbtMs),
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
