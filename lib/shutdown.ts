import 'server-only';
import { closeDatabase } from '@/db/client';
import { logger } from './log';

// Graceful shutdown. On SIGTERM (Docker, Kubernetes, systemd) Next.js's own server stops accepting
// connections, lets in-flight requests finish, then calls process.exit. We add two things: health
// checks answer 503 at once, so a load balancer stops routing here, and the database pool is
// closed cleanly before the process exits (Next.js offers no hook at that point, so its final
// process.exit is wrapped).
const key = Symbol.for('backend-path.shutdown');
type ShutdownState = { started: boolean; installed: boolean };
const state = ((globalThis as Record<symbol, ShutdownState | undefined>)[key] ??= {
  started: false,
  installed: false,
});

export const isShuttingDown = () => state.started;

export function installShutdownHandlers(): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.started) return;
    state.started = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const exit = process.exit.bind(process);
    let exiting = false;
    process.exit = ((code?: number | string | null) => {
      if (exiting) return exit(code ?? undefined);
      exiting = true;
      closeDatabase()
        .then(() => logger.info('database pool closed'))
        .catch((error: unknown) => logger.error({ err: String(error) }, 'closing the database'))
        .finally(() => exit(code ?? undefined));
    }) as typeof process.exit;
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
