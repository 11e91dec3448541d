// The server's clock for dashboards and the review queue (lib/clock.ts): tests move it forward
// instead of sleeping. The suite runs one test at a time, so a test that moves it puts it back.
import fs from 'node:fs';

/** Moves the server's clock this many days ahead of real time (0: back to real time). */
export function moveClock(days: number) {
  fs.writeFileSync(process.env.E2E_CLOCK_FILE!, JSON.stringify({ offsetMs: days * 86_400_000 }));
}
