// The simulated shop API the HTTP labs' requests are sent to, in a Web Worker and again on the
// server for grading: routing, CORS, authentication, rate limiting, content negotiation, body
// limits and idempotency keys, in front of the resources in shop-routes.ts. Deterministic (a seeded
// PRNG, a clock only advance() moves) and isomorphic (no Node or DOM APIs beyond the web platform).
import { headerValue, type HttpHeader, type HttpRequest, type HttpService } from './message';
import { accepts, contentTypeIs, imfFixdate, parseTarget, utf8Length } from './http-semantics';
import { canonicalJson } from './order-body';
import { problem, type Reply } from './reply';
import {
  DEFAULT_SEED_ORDER_COUNT,
  DEFAULT_START_TIME,
  SEED_CUSTOMERS,
  SEED_PRINCIPALS,
  SEED_PRODUCTS,
  randomId,
  seedOrders,
  seededRandom,
  type Customer,
  type Order,
  type Principal,
  type Product,
} from './shop-data';
import {
  handleRoute,
  matchRoute,
  sortedOrders,
  type ShopStore,
  type StoredOrder,
} from './shop-routes';

export {
  ADMIN_TOKEN,
  CUSTOMER_ID,
  CUSTOMER_TOKEN,
  OTHER_CUSTOMER_ID,
  OTHER_CUSTOMER_TOKEN,
  READ_ONLY_TOKEN,
} from './shop-data';

export interface ShopOptions {
  /** Order ids, ETags and cursors derive from it: another seed, other ids. Default 1. */
  seed?: number;
  /** The service clock's start, ms since the epoch. Default 15 January 2026, 09:00 UTC. */
  startTime?: number;
  /** Requests allowed per token in any window of windowMs. Default 20 per 60 s. */
  rateLimit?: { limit: number; windowMs: number };
  /** Larger request bodies get 413. Default 16 KiB. */
  maxBodyBytes?: number;
  /** How many orders the shop already has. Default 25 (three pages at the default page size). */
  seedOrderCount?: number;
  /** Origins a CORS preflight succeeds for. Default https://app.example.com. */
  allowedOrigins?: readonly string[];
}

/** What a grader may inspect: plain JSON, a copy. */
export interface ShopState {
  now: string;
  customers: Customer[];
  products: Product[];
  /** Oldest first, as GET /orders lists them. */
  orders: Order[];
}

export interface ShopService extends HttpService {
  state(): ShopState;
}

export const DEFAULT_RATE_LIMIT = { limit: 20, windowMs: 60_000 } as const;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const DEFAULT_ALLOWED_ORIGINS = ['https://app.example.com'] as const;
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000;

const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const CORS_ALLOWED_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, Accept';
// Without this a browser script could not read the headers the labs are about.
const CORS_EXPOSED_HEADERS =
  'ETag, Location, Link, Retry-After, RateLimit, RateLimit-Policy, Idempotent-Replayed';
const CORS_MAX_AGE_SECONDS = 600;

interface IdempotentResult {
  method: string;
  path: string;
  /** The body as canonical JSON (key order and spacing aside), or as sent if it is not JSON. */
  fingerprint: string;
  reply: Reply;
  expiresAt: number;
}

interface Outcome {
  reply: Reply;
  /** Set once the request is authenticated: its response carries the token's rate limit. */
  principal?: Principal;
  /** A preflight sets its own CORS headers. */
  preflight?: boolean;
}

function bodyFingerprint(body: string): string {
  try {
    return canonicalJson(JSON.parse(body));
  } catch {
    return body;
  }
}

export function createShopService(options: ShopOptions = {}): ShopService {
  const seed = options.seed ?? 1;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const allowedOrigins: readonly string[] = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;
  let clock = options.startTime ?? DEFAULT_START_TIME;
  const random = seededRandom(seed);
  const orders = new Map<string, StoredOrder>();

  function newOrderId(): string {
    let id = randomId('ord_', random);
    while (orders.has(id)) id = randomId('ord_', random);
    return id;
  }

  const store: ShopStore = {
    seed,
    customers: SEED_CUSTOMERS,
    products: SEED_PRODUCTS,
    orders,
    now: () => clock,
    newOrderId,
  };
  const history = seedOrders(
    options.seedOrderCount ?? DEFAULT_SEED_ORDER_COUNT,
    clock,
    random,
    () => newOrderId(),
  );
  for (const order of history) orders.set(order.id, { order, version: 1 });

  /** Per token, the times of its requests in the current window: a sliding window log. */
  const requestLog = new Map<string, number[]>();
  /** Per token and key, the response an Idempotency-Key request got. */
  const idempotentResults = new Map<string, IdempotentResult>();

  function recentRequests(token: string): number[] {
    const recent = (requestLog.get(token) ?? []).filter(
      (time) => clock - time < rateLimit.windowMs,
    );
    requestLog.set(token, recent);
    return recent;
  }

  /** Seconds until the oldest request in the window leaves it and frees a slot. */
  function secondsUntilSlotFrees(recent: readonly number[]): number {
    const oldest = recent[0];
    return oldest === undefined ? 0 : Math.ceil((oldest + rateLimit.windowMs - clock) / 1000);
  }

  function rateLimitHeaders(principal: Principal): HttpHeader[] {
    const recent = recentRequests(principal.token);
    const remaining = Math.max(0, rateLimit.limit - recent.length);
    return [
      [
        'RateLimit-Policy',
        `"per-token";q=${rateLimit.limit};w=${Math.ceil(rateLimit.windowMs / 1000)}`,
      ],
      ['RateLimit', `"per-token";r=${remaining};t=${secondsUntilSlotFrees(recent)}`],
    ];
  }

  /** Counts the request against its token; a 429 when the window is full (refused ones don't count). */
  function overRateLimit(principal: Principal): Reply | null {
    const recent = recentRequests(principal.token);
    if (recent.length < rateLimit.limit) {
      recent.push(clock);
      return null;
    }
    const retryAfter = Math.max(1, secondsUntilSlotFrees(recent));
    return problem(
      429,
      `This token made ${rateLimit.limit} requests in ${rateLimit.windowMs / 1000} s; wait ${retryAfter} s (Retry-After).`,
      { headers: [['Retry-After', String(retryAfter)]] },
    );
  }

  function authenticate(headers: readonly HttpHeader[]): Principal | Reply {
    const credentials = headerValue(headers, 'Authorization')?.match(/^Bearer +(\S+) *$/i);
    const token = credentials?.[1];
    if (token === undefined) {
      return problem(401, 'Send Authorization: Bearer <token>.', {
        headers: [['WWW-Authenticate', 'Bearer realm="shop"']],
      });
    }
    const principal = SEED_PRINCIPALS.find((candidate) => candidate.token === token);
    if (!principal) {
      return problem(401, 'The bearer token is not one this shop issued.', {
        headers: [
          [
            'WWW-Authenticate',
            'Bearer realm="shop", error="invalid_token", error_description="Unknown token"',
          ],
        ],
      });
    }
    return principal;
  }

  function preflight(request: HttpRequest, allow: string): Reply {
    const origin = headerValue(request.headers, 'Origin');
    const requestedMethod = headerValue(request.headers, 'Access-Control-Request-Method');
    const headers: HttpHeader[] = [['Allow', allow]];
    if (origin === undefined || requestedMethod === undefined) {
      return { status: 204, headers, body: '' };
    }
    headers.push(['Vary', 'Origin']);
    if (allowedOrigins.includes(origin)) {
      headers.push(
        ['Access-Control-Allow-Origin', origin],
        ['Access-Control-Allow-Methods', allow],
        ['Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS],
        ['Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS)],
      );
    }
    return { status: 204, headers, body: '' };
  }

  function corsHeaders(request: HttpRequest): HttpHeader[] {
    const origin = headerValue(request.headers, 'Origin');
    if (origin === undefined) return [];
    if (!allowedOrigins.includes(origin)) return [['Vary', 'Origin']];
    return [
      ['Access-Control-Allow-Origin', origin],
      ['Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS],
      ['Vary', 'Origin'],
    ];
  }

  function refuseReadOnlyWrite(method: string, principal: Principal): Reply | null {
    if (principal.canWrite || !UNSAFE_METHODS.includes(method)) return null;
    return problem(403, 'This token may read but not change anything.', {
      headers: [['WWW-Authenticate', 'Bearer realm="shop", error="insufficient_scope"']],
    });
  }

  /** 413, 415 and 406: what the shop refuses before it reads a body. */
  function checkRepresentation(request: HttpRequest): Reply | null {
    const { method, headers } = request;
    if (utf8Length(request.body) > maxBodyBytes) {
      return problem(413, `The body may be at most ${maxBodyBytes} bytes (UTF-8).`);
    }
    const contentType = headerValue(headers, 'Content-Type');
    if (method === 'PATCH' && !contentTypeIs(contentType, ['application/merge-patch+json'])) {
      return problem(
        415,
        'PATCH takes a JSON Merge Patch: Content-Type: application/merge-patch+json.',
        {
          headers: [['Accept-Patch', 'application/merge-patch+json']],
        },
      );
    }
    if (
      (method === 'POST' || method === 'PUT') &&
      !contentTypeIs(contentType, ['application/json'])
    ) {
      return problem(415, `${method} takes JSON: Content-Type: application/json.`, {
        headers: [['Accept', 'application/json']],
      });
    }
    if (method !== 'DELETE' && !accepts(headerValue(headers, 'Accept'), 'application/json')) {
      return problem(
        406,
        'The shop only answers in application/json, which your Accept rules out.',
      );
    }
    return null;
  }

  function withIdempotencyKey(
    request: HttpRequest,
    path: string,
    principal: Principal,
    run: () => Reply,
  ): Reply {
    const key = headerValue(request.headers, 'Idempotency-Key');
    if (key === undefined || !UNSAFE_METHODS.includes(request.method)) return run();
    if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return problem(400, `An Idempotency-Key has 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
    }
    for (const [storedKey, result] of idempotentResults) {
      if (clock >= result.expiresAt) idempotentResults.delete(storedKey);
    }
    // Keys are per token: two clients choosing the same key must not see each other's orders.
    const storeKey = `${principal.token}\n${key}`;
    const fingerprint = bodyFingerprint(request.body);
    const previous = idempotentResults.get(storeKey);
    if (previous) {
      if (previous.method !== request.method || previous.path !== path) {
        return problem(
          409,
          `This Idempotency-Key was used for ${previous.method} ${previous.path}; use a new key for another request.`,
          { type: 'idempotency-key-conflict', title: 'Idempotency key used for another request' },
        );
      }
      if (previous.fingerprint !== fingerprint) {
        return problem(422, 'This Idempotency-Key was used with a different body; use a new key.', {
          type: 'idempotency-key-reused',
          title: 'Idempotency key reused with a different body',
        });
      }
      return {
        ...previous.reply,
        headers: [...previous.reply.headers, ['Idempotent-Replayed', 'true']],
      };
    }
    const reply = run();
    // Only successes are kept: after a 4xx the client fixes the request and retries with the same key.
    if (reply.status >= 200 && reply.status < 300) {
      idempotentResults.set(storeKey, {
        method: request.method,
        path,
        fingerprint,
        reply,
        expiresAt: clock + IDEMPOTENCY_KEY_LIFETIME_MS,
      });
    }
    return reply;
  }

  function respond(request: HttpRequest): Outcome {
    const target = parseTarget(request.target);
    const route = target && matchRoute(target.segments);
    if (!target || !route) {
      return {
        reply: problem(
          404,
          `Nothing at ${request.target}. The shop has /customers, /products and /orders.`,
        ),
      };
    }
    const allow = route.methods.join(', ');
    // Before authentication: browsers send preflights without credentials.
    if (request.method === 'OPTIONS') {
      const reply = preflight(request, allow);
      return {
        reply,
        preflight: headerValue(request.headers, 'Access-Control-Request-Method') !== undefined,
      };
    }
    if (!route.methods.includes(request.method)) {
      return {
        reply: problem(405, `${request.method} is not allowed on ${target.path}.`, {
          headers: [['Allow', allow]],
        }),
      };
    }
    const principal = authenticate(request.headers);
    if ('status' in principal) return { reply: principal };
    const refusal =
      overRateLimit(principal) ??
      refuseReadOnlyWrite(request.method, principal) ??
      checkRepresentation(request);
    if (refusal) return { reply: refusal, principal };
    const reply = withIdempotencyKey(request, target.path, principal, () =>
      handleRoute(store, route, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        query: target.query,
        principal,
      }),
    );
    return { reply, principal };
  }

  return {
    handle(request) {
      const { reply, principal, preflight: isPreflight } = respond(request);
      const headers: HttpHeader[] = [['Date', imfFixdate(clock)], ...reply.headers];
      // 204 and 304 never carry content, so no Content-Type or Content-Length (RFC 9110 §8.6).
      const hasContent = reply.status !== 204 && reply.status !== 304;
      if (hasContent) {
        if (reply.contentType) headers.push(['Content-Type', reply.contentType]);
        headers.push(['Content-Length', String(utf8Length(reply.body))]);
      }
      if (principal) headers.push(...rateLimitHeaders(principal));
      if (!isPreflight) headers.push(...corsHeaders(request));
      // HEAD gets GET's headers, Content-Length included, and no body.
      const body = hasContent && request.method !== 'HEAD' ? reply.body : '';
      return { status: reply.status, headers, body };
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(${ms}): ms must be >= 0.`);
      clock += ms;
    },
    now: () => clock,
    state() {
      return structuredClone({
        now: new Date(clock).toISOString(),
        customers: [...store.customers],
        products: [...store.products],
        orders: sortedOrders(store),
      });
    },
  };
}
