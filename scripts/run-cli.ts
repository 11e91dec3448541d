// Shared by the CLI scripts: runs main(), prints expected failures as one clear line, closes the
// database either way, and sets the exit code.
import { closeDatabase } from '@/db/client';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { ZodError } from 'zod';
import { AppError } from '@/lib/errors';
import { safeErrorMessage } from '@/lib/log';

export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => closeDatabase())
    .catch(async (error: unknown) => {
      if (error instanceof DatabaseLockedError || error instanceof AppError) {
        console.error(`Error: ${error.message}`);
      } else if (error instanceof ZodError) {
        for (const issue of error.issues) {
          console.error(`Error: ${issue.path.join('.') || 'input'}: ${issue.message}`);
        }
      } else if ((error as { cause?: { code?: unknown } }).cause?.code === '42P01') {
        console.error('Error: the database has no tables yet. Run `npm run db:migrate` first.');
      } else {
        // Never the failed statement's parameters: they can be personal data.
        const cause = (error as { cause?: unknown }).cause;
        console.error(`Error: ${safeErrorMessage(error)}`);
        if (cause instanceof Error) console.error(`Cause: ${safeErrorMessage(cause)}`);
      }
      await closeDatabase().catch(() => {});
      process.exitCode = 1;
    });
}
