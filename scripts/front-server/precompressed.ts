// Answers plain requests for prerendered pages (static route handlers' JSON, and the SQL labs'
// downloads under /labs/, named by content hash and cached for a year) from the
// brotli/gzip copies made at build time (scripts/prepare-standalone.ts), as nginx's gzip_static
// would, with the headers Next.js sends.
// Next.js compresses every response on the fly and drops a Content-Encoding set by proxy.ts or a
// route handler, so this sits in front of it. Client navigations (RSC requests), prefetches,
// preview mode and URLs with a query string always go to Next.js.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export interface PrecompressedManifest {
  /** The prerendered pages' headers. */
  headers: Record<string, string>;
  /** `contentType` is set for a route handler's output, which is not an HTML page. */
  pages: Record<
    string,
    { file: string; etag: string; contentType?: string; cacheControl?: string }
  >;
}

const routerHeaders = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action'];

export function loadManifest(dir: string): PrecompressedManifest {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(dir, '.next/precompressed-manifest.json'), 'utf8'),
    ) as PrecompressedManifest;
  } catch {
    // No manifest: everything goes to Next.js.
    return { headers: {}, pages: {} };
  }
}

/** A handler that serves the page and returns true, or returns false to let Next.js answer. */
export function createPrecompressedHandler(dir: string, manifest: PrecompressedManifest) {
  const bodies = new Map<string, Buffer>();
  return function servePrecompressed(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const page = manifest.pages[request.url ?? ''];
    if (!page) return false;
    if (routerHeaders.some((name) => request.headers[name] !== undefined)) return false;
    if ((request.headers.cookie ?? '').includes('__prerender_bypass')) return false;
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (!encoding) return false;
    const headers: Record<string, string> = {
      ...manifest.headers,
      ETag: page.etag,
      'x-request-id': crypto.randomUUID(),
    };
    if (page.contentType) {
      headers['Content-Type'] = page.contentType;
      delete headers['x-nextjs-prerender'];
    }
    if (page.cacheControl) headers['Cache-Control'] = page.cacheControl;
    if (request.headers['if-none-match'] === page.etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    const file = path.join(dir, `${page.file}.${encoding === 'br' ? 'br' : 'gz'}`);
    let body = bodies.get(file);
    if (!body) {
      body = fs.readFileSync(file);
      bodies.set(file, body);
    }
    response.writeHead(200, {
      ...headers,
      'Content-Encoding': encoding,
      'Content-Length': body.length,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
