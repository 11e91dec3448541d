// `npm start`: runs the production build as Next.js's standalone server (.next/standalone/start.mjs,
// the same entry the Docker image runs) after `npm run build`. The standalone server changes into
// its own folder, so local data is pinned to ./.data here first.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const server = path.resolve('.next/standalone/start.mjs');
if (!fs.existsSync(server)) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}
process.env.DATA_DIR ??= path.resolve('.data');
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
await import(pathToFileURL(server).href);
