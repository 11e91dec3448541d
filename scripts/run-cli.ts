// Shared by the CLI scripts: runs main(), prints expected failures as one clear line, closes the
// database either way, and sets the exit code.
import { closeDatabase } from '@/db/client';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { AppError } from '@/lib/errors';

export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => closeDatabase())
    .catch(async (error: unknown) => {
      if (error instanceof DatabaseLockedError || error instanceof AppError) {
        console.error(`Error: ${error.message}`);
      } else {
        console.error(error);
      }
      await closeDatabase().catch(() => {});
      process.exitCode = 1;
    });
}
