import 'server-only';

// Graceful shutdown state. The standalone server's front layer (scripts/front-server) owns the
// socket and the signals: on SIGTERM it calls beginShutdown(), so health checks answer 503 at
// once and a load balancer stops routing here, stops accepting connections, lets in-flight
// requests finish, and closes the database before the process exits. The state lives on
// globalThis because Next.js bundles route handlers separately from the front layer.
const key = Symbol.for('backend-path.shutdown');
type ShutdownState = { started: boolean };
const state = ((globalThis as Record<symbol, ShutdownState | undefined>)[key] ??= {
  started: false,
});

export const isShuttingDown = () => state.started;

export function beginShutdown(): void {
  state.started = true;
}
