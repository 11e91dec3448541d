import type { NextConfig } from 'next';
import { buildSecurityHeaders } from './lib/security-headers';

const nextConfig: NextConfig = {
  // A self-contained server in .next/standalone (what `npm start` and the Dockerfile run).
  output: 'standalone',
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time,
  // and argon2 is a native addon: neither can be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino'],
  poweredByHeader: false,
  typedRoutes: true,
  // forbidden() and app/forbidden.tsx: a refused page answers 403 with its own page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: buildSecurityHeaders(process.env.NODE_ENV === 'development') },
    ];
  },
  // The content index reads content/ at run time (dashboards, progress checks), so ship it.
  outputFileTracingIncludes: { '/**': ['./content/**/*', './db/migrations/**/*'] },
};

export default nextConfig;
