// The standalone build's entry point. `npm run build` bundles this file (with the parts of lib/
// it uses) into .next/standalone/start.mjs; `npm start`, the tests and the Docker image run it.
//
// A plain Node.js HTTP server that owns the socket and hands requests to Next.js's request
// handler (Next.js's documented custom-server API), in this order:
// 1. before listening, the startup checks and database preparation (lib/startup.ts): a server
//    that must not run (no APP_URL, a demo password) exits with a message and never listens;
// 2. per request, the client's address from the socket (lib/http/client-address.ts), passed on
//    in a header that a client cannot set;
// 3. prerendered pages from their precompressed copies, everything else to Next.js;
// 4. on SIGTERM or SIGINT, a graceful shutdown: health turns 503, no new connections, in-flight
//    requests finish, then the database is closed.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientIpHeader } from '@/lib/auth/client-ip';
import { closeDatabase } from '@/db/client';
import { parseTrustedProxies, resolveClientAddress } from '@/lib/http/client-address';
import { errorFields, logger } from '@/lib/log';
import { beginShutdown } from '@/lib/shutdown';
import { preflight, StartupError } from '@/lib/startup';
import { createPrecompressedHandler, loadManifest } from './precompressed';

// The bundle's banner (scripts/prepare-standalone.ts) has already set NODE_ENV=production and
// changed into this folder, before any module was evaluated.
const dir = path.dirname(fileURLToPath(import.meta.url));

const port = Number.parseInt(process.env.PORT ?? '', 10) || 3000;
const hostname = process.env.HOSTNAME || '0.0.0.0';
const shutdownTimeoutMs = 30_000;

function fail(message: string): never {
  logger.fatal(message);
  console.error(`\n[backend-path] Not starting: ${message}\n`);
  process.exit(1);
}

let trusted: ReturnType<typeof parseTrustedProxies>;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  await preflight({ closeAfter: true });
} catch (error) {
  if (
    error instanceof StartupError ||
    (error instanceof Error && /^Invalid environment|^TRUSTED_PROXIES/.test(error.message))
  )
    fail(error.message);
  logger.fatal(errorFields(error), 'startup failed');
  process.exit(1);
}

// Next.js's standalone build keeps its configuration beside the server; the custom-server API
// reads it from here as its own server.js does.
const { config } = JSON.parse(
  fs.readFileSync(path.join(dir, '.next/required-server-files.json'), 'utf8'),
) as { config: Record<string, unknown> };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
const requireFromHere = createRequire(import.meta.url);
const next = requireFromHere('next') as typeof import('next').default;
const app = next({ dev: false, dir, hostname, port, conf: config as never });
const handle = app.getRequestHandler();
await app.prepare();

const servePrecompressed = createPrecompressedHandler(dir, loadManifest(dir));
let shuttingDown = false;

const server = http.createServer((request, response) => {
  request.headers[clientIpHeader] = resolveClientAddress(
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
    trusted,
  );
  // While shutting down, every response closes its connection, so keep-alive clients move on.
  if (shuttingDown) response.shouldKeepAlive = false;
  if (servePrecompressed(request, response)) return;
  handle(request, response).catch((error: unknown) => {
    logger.error(errorFields(error), 'request handler failed');
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10);
if (Number.isFinite(keepAlive) && keepAlive >= 0) server.keepAliveTimeout = keepAlive;

server.listen(port, hostname, () => {
  logger.info({ port, hostname }, 'listening');
  console.log(`[backend-path] Ready on http://${hostname}:${port}`);
});

function shutdown(signal: NodeJS.Signals) {
  if (shuttingDown) return;
  shuttingDown = true;
  beginShutdown();
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const forced = setTimeout(() => {
    logger.warn('shutdown: requests still running after 30 s, closing their connections');
    server.closeAllConnections();
  }, shutdownTimeoutMs);
  forced.unref();
  server.close(() => {
    closeDatabase()
      .then(() => logger.info('database pool closed'))
      .catch((error: unknown) => logger.error(errorFields(error), 'closing the database'))
      // 128 + the signal's number, as a process ended by it reports (and as Next.js's own server did).
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
  server.closeIdleConnections();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
