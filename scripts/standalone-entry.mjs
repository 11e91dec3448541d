// The standalone build's entry point: `npm run build` copies this file to
// .next/standalone/start.mjs, and `npm start`, the tests and the Docker image run it.
//
// It answers plain requests for prerendered pages from the brotli/gzip copies made at build time
// (as nginx's gzip_static would), with the same headers Next.js sends, and hands every other
// request to Next.js's own server (./server.js), unchanged. Next.js compresses each response on
// the fly and drops a Content-Encoding set by proxy.ts or a route handler, so this has to sit in
// front of it, at the HTTP server. Client navigations (RSC requests), prefetches, preview mode and
// URLs with a query string always go to Next.js.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
let manifest = { headers: {}, pages: {} };
try {
  manifest = JSON.parse(
    fs.readFileSync(path.join(dir, '.next/precompressed-manifest.json'), 'utf8'),
  );
} catch {
  // No manifest: everything goes to Next.js.
}
const routerHeaders = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action'];
const bodies = new Map();

function servePrecompressed(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const page = manifest.pages[request.url ?? ''];
  if (!page) return false;
  if (routerHeaders.some((name) => request.headers[name] !== undefined)) return false;
  if ((request.headers.cookie ?? '').includes('__prerender_bypass')) return false;
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding) return false;
  const headers = { ...manifest.headers, ETag: page.etag, 'x-request-id': crypto.randomUUID() };
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
}

// Next.js's server creates its HTTP server with http.createServer(listener): put ours in front.
const createServer = http.createServer;
http.createServer = function (...args) {
  const listener = args.findLast((argument) => typeof argument === 'function');
  if (!listener) return createServer.apply(this, args);
  const options = args.filter((argument) => argument !== listener);
  return createServer.call(this, ...options, (request, response) => {
    if (!servePrecompressed(request, response)) listener(request, response);
  });
};

await import('./server.js');
