// npm run labs:build: builds what the browser's SQL lab panels download (lib/labs/server/assets.ts)
// into public/labs/, and the server's grading data (lib/labs/server/grading-data.ts) into .labs/.
// Runs before `next build` and `next dev`; a lab that did not change is kept.
import { listAllLabs } from '@/lib/labs/server/catalog';
import { buildLabAssets, labCodeHash } from '@/lib/labs/server/assets';
import { buildGradingData } from '@/lib/labs/server/grading-data';
import { buildBrowserLabWorker } from './lib/build-workers';

async function main() {
  const began = Date.now();
  const labs = listAllLabs();
  const manifest = await buildLabAssets({
    labs,
    worker: await buildBrowserLabWorker(),
    log: (line) => console.log(line),
  });
  await buildGradingData({ labs, codeHash: labCodeHash(), log: (line) => console.log(line) });
  console.log(
    `Lab files ready for ${Object.keys(manifest.labs).length} labs in public/labs and .labs (${((Date.now() - began) / 1000).toFixed(1)} s).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
