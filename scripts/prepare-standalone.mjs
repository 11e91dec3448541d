// After `next build`: the standalone server serves public/ and .next/static/ only from its own
// folder, and Next.js leaves copying them to us (see the Next.js docs on output: 'standalone').
import fs from 'node:fs';

const target = '.next/standalone';
if (!fs.existsSync(target)) {
  console.error('No .next/standalone folder: is output: "standalone" set in next.config.ts?');
  process.exit(1);
}
fs.cpSync('public', `${target}/public`, { recursive: true });
fs.cpSync('.next/static', `${target}/.next/static`, { recursive: true });
console.log('Copied public/ and .next/static/ into .next/standalone/.');
