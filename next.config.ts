import type { NextConfig } from 'next';
import {
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  pathsWithoutProxy,
  servesRewrittenPages,
} from './lib/security-headers';

const isDevelopment = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  // A self-contained server in .next/standalone (what `npm start` and the Dockerfile run).
  output: 'standalone',
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time,
  // and argon2 is a native addon: neither can be bundled. piscina starts its worker threads from
  // its own files (dist/worker.js), which must stay where the package is.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'piscina'],
  poweredByHeader: false,
  typedRoutes: true,
  // forbidden() and app/forbidden.tsx: a refused page answers 403 with its own page.
  experimental: { authInterrupts: true },
  async headers() {
    // proxy.ts sets the Content-Security-Policy (with a nonce) of everything it runs for; only the
    // files it skips get it here, so no response carries two policies.
    const policy = [
      {
        key: 'Content-Security-Policy',
        value: buildContentSecurityPolicy({
          isDevelopment,
          allowInlineScripts: !servesRewrittenPages(),
        }),
      },
    ];
    return [
      { source: '/:path*', headers: buildSecurityHeaders(isDevelopment) },
      // The SQL labs' downloads (npm run labs:build) are named by a hash of their content.
      {
        source: '/labs/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
      ...pathsWithoutProxy.map((source) => ({ source, headers: policy })),
    ];
  },
  // The content index reads content/ at run time (dashboards, progress checks), so ship it.
  outputFileTracingIncludes: { '/**': ['./content/**/*', './db/migrations/**/*'] },
};

export default nextConfig;
