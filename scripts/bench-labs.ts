// The SQL labs' figures (issue 14), part of `npm run bench` and alone with `npm run bench -- labs`:
// 1. server grading: 20 submitters at once, each submitting in turn (a closed loop), graded by the
//    production worker bundle, p50/p95 and the process's memory while grading (the pool's threads
//    live in it);
// 2. opening a lab in Chromium against the standalone server, cold (a new browser profile each
//    time) and warm (the HTTP cache kept), median of 5: from the click on "Open the lab" to the
//    editor taking text (the "editor ready") and on to "PostgreSQL is ready" (Run and
//    Check enabled), and the bytes fetched on open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findLab } from '@/lib/labs/server/catalog';
import { closeGradingPool, gradeSubmission, setGradingPool } from '@/lib/labs/server/grading';
import { WorkerPool } from '@/lib/labs/server/worker-pool';
import { findChromium } from './bench-lighthouse';
import { spread, type Spread } from './bench-load';
import { startServer } from './lib/standalone';

export interface GradingBench {
  labId: string;
  submitters: number;
  submissions: number;
  threads: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Process memory above its level before the pool started, at its highest while grading. */
  poolMemoryMb: number;
  failures: number;
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

export async function benchGrading({
  labId = 'everyday-sql-reports',
  submitters = 20,
  rounds = 3,
} = {}): Promise<GradingBench> {
  const lab = findLab(labId);
  if (!lab) throw new Error(`no lab ${labId}`);
  const bundle = path.join(process.cwd(), '.next', 'standalone', 'workers', 'sql-grader.mjs');
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const pool = new WorkerPool(fs.existsSync(bundle) ? { entry: { filename: bundle } } : {});
  setGradingPool(pool);
  const tasks = lab.lab.tasks;
  const submit = (index: number) => {
    const task = tasks[index % tasks.length]!;
    return gradeSubmission({ labId, taskId: task.id, sql: task.solution });
  };
  try {
    // Warm-up: every worker builds each dataset's snapshot and the references' results once.
    await Promise.all(tasks.map((_, index) => submit(index)));
    await Promise.all(tasks.map((_, index) => submit(index)));
    const latencies: number[] = [];
    let failures = 0;
    await Promise.all(
      Array.from({ length: submitters }, async (_, submitter) => {
        for (let round = 0; round < rounds; round += 1) {
          const began = performance.now();
          const outcome = await submit(submitter + round);
          latencies.push(performance.now() - began);
          if (outcome.status !== 'graded' || !outcome.passed) failures += 1;
        }
      }),
    );
    const sorted = latencies.sort((a, b) => a - b);
    return {
      labId,
      submitters,
      submissions: sorted.length,
      threads: pool.threadCount,
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted.at(-1) ?? 0,
      poolMemoryMb: (peak - baseline) / 1024 / 1024,
      failures,
    };
  } finally {
    clearInterval(sampler);
    await closeGradingPool();
  }
}

/**
 * Grading for a lab whose answers are queries (graded in kept databases in a READ ONLY
 * transaction) and for one whose answers write (in a rolled-back transaction where that is
 * safe, else on fresh copies).
 */
export async function benchGradingLabs(): Promise<GradingBench[]> {
  return [
    await benchGrading({ labId: 'everyday-sql-reports' }),
    await benchGrading({ labId: 'safe-writes' }),
  ];
}

export interface LabOpenBench {
  route: string;
  /** Click to the editor taking text. */
  coldMs: Spread;
  warmMs: Spread;
  /** Click to "PostgreSQL is ready". */
  coldDatabaseMs: Spread;
  warmDatabaseMs: Spread;
  /** The lab worker's steps (ms from its open request to each download and the start), medians. */
  coldSteps: Record<string, number>;
  warmSteps: Record<string, number>;
  /** Bytes over the wire (compressed) from the click to ready, cold and warm. */
  coldBytes: number;
  warmBytes: number;
}

function medianSteps(runs: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return Object.fromEntries(
    names.map((name) => [name, spread(runs.map((run) => run[name] ?? 0)).median]),
  );
}

export async function benchLabOpen({
  route = '/learn/databases/everyday-sql',
  labId = 'everyday-sql-reports',
  port = 4505,
  runs = 5,
} = {}): Promise<LabOpenBench | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-lab-bench-'));
  const server = await startServer(port, { pgliteDir: dataDir }, { LOG_LEVEL: 'warn' });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const open = async (page: import('@playwright/test').Page) => {
      await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
      const button = page.locator(`#lab-${labId}`).getByRole('button', { name: 'Open the lab' });
      await button.waitFor();
      await page.waitForFunction((selector) => {
        const node = document.querySelector(selector);
        return Boolean(node && Object.keys(node).some((key) => key.startsWith('__reactProps')));
      }, `#lab-${labId} button`);
      let bytes = 0;
      const onResponse = (response: import('@playwright/test').Response) => {
        void response
          .request()
          .sizes()
          .then(
            (sizes) => {
              bytes += sizes.responseBodySize + sizes.responseHeadersSize;
            },
            () => undefined,
          );
      };
      page.on('response', onResponse);
      const lab = page.locator(`#lab-${labId}`);
      // Times taken in the page, so Playwright's round trips do not count.
      await page.evaluate((selector) => {
        const root = document.querySelector(selector) as HTMLElement;
        const marks = { began: 0, editor: 0, database: 0 };
        (window as unknown as { __labOpen: typeof marks }).__labOpen = marks;
        root.addEventListener('click', () => (marks.began = performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver(() => {
          const now = performance.now();
          if (!marks.editor && root.querySelector('[contenteditable="true"][aria-label="SQL"]'))
            marks.editor = now;
          if (!marks.database && root.textContent?.includes('PostgreSQL is ready'))
            marks.database = now;
          if (marks.editor && marks.database) observer.disconnect();
        });
        observer.observe(root, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
      }, `#lab-${labId}`);
      await button.click();
      await lab.getByText('PostgreSQL is ready').waitFor({ timeout: 60_000 });
      const marks = await page.evaluate(
        () =>
          (window as unknown as { __labOpen: { began: number; editor: number; database: number } })
            .__labOpen,
      );
      await page.waitForTimeout(200);
      page.off('response', onResponse);
      const steps = JSON.parse(
        (await lab.getByTestId('sql-lab-panel').getAttribute('data-open-timings')) ?? '{}',
      ) as Record<string, number>;
      return {
        ms: marks.editor - marks.began,
        databaseMs: marks.database - marks.began,
        bytes,
        steps,
      };
    };
    type Run = Awaited<ReturnType<typeof open>>;
    const cold: Run[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      cold.push(await open(await context.newPage()));
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page);
    const warm: Run[] = [];
    for (let run = 0; run < runs; run += 1) warm.push(await open(page));
    await context.close();
    return {
      route,
      coldMs: spread(cold.map((run) => run.ms)),
      warmMs: spread(warm.map((run) => run.ms)),
      coldDatabaseMs: spread(cold.map((run) => run.databaseMs)),
      warmDatabaseMs: spread(warm.map((run) => run.databaseMs)),
      coldSteps: medianSteps(cold.map((run) => run.steps)),
      warmSteps: medianSteps(warm.map((run) => run.steps)),
      coldBytes: spread(cold.map((run) => run.bytes)).median,
      warmBytes: spread(warm.map((run) => run.bytes)).median,
    };
  } finally {
    await browser.close();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printLabBench(gradings: GradingBench[], open: LabOpenBench | null) {
  for (const grading of gradings) {
    console.log(
      `\nSQL lab grading on the server, ${grading.labId} (${grading.submitters} submitters at once, ${grading.submissions} submissions of reference answers, every dataset graded, ${grading.threads} worker threads):`,
    );
    console.log(
      `  p50 ${grading.p50Ms.toFixed(0)} ms, p95 ${grading.p95Ms.toFixed(0)} ms, max ${grading.maxMs.toFixed(0)} ms; ` +
        `memory while grading ${grading.poolMemoryMb.toFixed(0)} MB above the process's start; failures ${grading.failures}`,
    );
  }
  if (!open) {
    console.log('  (no Chromium: opening a lab in the browser not measured)');
    return;
  }
  const fmt = (value: Spread) =>
    `${value.median.toFixed(0)} ms (${value.min.toFixed(0)}–${value.max.toFixed(0)})`;
  console.log(
    `Opening a lab in Chromium (${open.route}, from the click on "Open the lab", median of 5):`,
  );
  console.log(`  editor ready: cold cache ${fmt(open.coldMs)}, warm cache ${fmt(open.warmMs)}`);
  console.log(
    `  PostgreSQL ready (Run and Check): cold cache ${fmt(open.coldDatabaseMs)}, warm cache ${fmt(open.warmDatabaseMs)}`,
  );
  const steps = (values: Record<string, number>) =>
    Object.entries(values)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
      .join(', ');
  console.log(
    `  in the lab worker, cold: ${steps(open.coldSteps)}; warm: ${steps(open.warmSteps)}`,
  );
  console.log(
    `  fetched: ${(open.coldBytes / 1024 / 1024).toFixed(2)} MB cold, ${(open.warmBytes / 1024).toFixed(0)} KB warm`,
  );
}
