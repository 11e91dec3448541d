// The HTTP labs' simulated shop: each status code it can answer, with the headers and body that
// make that answer correct, and its determinism (same seed and requests, same bytes).
import { describe, expect, it } from 'vitest';
import { headerValue, type HttpResponse } from '@/lib/labs/http/message';
import {
  ADMIN_TOKEN,
  CUSTOMER_ID,
  CUSTOMER_TOKEN,
  OTHER_CUSTOMER_ID,
  READ_ONLY_TOKEN,
  createShopService,
  type ShopService,
} from '@/lib/labs/http/shop-service';

interface SendOptions {
  headers?: [string, string][];
  body?: string;
  /** null sends no Authorization header. */
  token?: string | null;
}

function send(
  shop: ShopService,
  method: string,
  target: string,
  { headers = [], body = '', token = CUSTOMER_TOKEN }: SendOptions = {},
): HttpResponse {
  const auth: [string, string][] = token === null ? [] : [['Authorization', `Bearer ${token}`]];
  return shop.handle({ method, target, headers: [...auth, ...headers], body });
}

const json: [string, string] = ['Content-Type', 'application/json'];
const mergePatch: [string, string] = ['Content-Type', 'application/merge-patch+json'];
const newOrderBody = JSON.stringify({ items: [{ productId: 'prd_mug', quantity: 2 }] });

function header(response: HttpResponse, name: string): string | undefined {
  return headerValue(response.headers, name);
}

function bodyOf(response: HttpResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

function expectProblem(response: HttpResponse, status: number) {
  expect(response.status).toBe(status);
  expect(header(response, 'Content-Type')).toBe('application/problem+json');
  const problem = bodyOf(response);
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

function firstOrderOf(shop: ShopService, customerId: string) {
  const order = shop.state().orders.find((candidate) => candidate.customerId === customerId);
  if (!order) throw new Error(`no seed order for ${customerId}`);
  return order;
}

function createOrder(shop: ShopService, headers: [string, string][] = []) {
  return send(shop, 'POST', '/orders', { headers: [json, ...headers], body: newOrderBody });
}

describe('POST /orders', () => {
  it('creates an order: 201 with a Location that GETs it, an ETag, and the order', () => {
    const shop = createShopService();
    const before = shop.state().orders.length;
    const created = createOrder(shop);
    expect(created.status).toBe(201);
    const order = bodyOf(created);
    expect(order).toMatchObject({
      customerId: CUSTOMER_ID,
      items: [{ productId: 'prd_mug', quantity: 2 }],
      status: 'pending',
      total: 2400,
      currency: 'EUR',
      createdAt: '2026-01-15T09:00:00.000Z',
    });
    expect(header(created, 'Location')).toBe(`/orders/${order.id}`);
    expect(header(created, 'ETag')).toMatch(/^"[0-9a-f]{16}"$/);
    expect(header(created, 'Content-Type')).toBe('application/json');
    expect(shop.state().orders).toHaveLength(before + 1);

    const fetched = send(shop, 'GET', header(created, 'Location')!);
    expect(fetched.status).toBe(200);
    expect(bodyOf(fetched)).toEqual(order);
    expect(header(fetched, 'ETag')).toBe(header(created, 'ETag'));
  });

  it('answers an invalid body with 422 problem details naming every invalid field', () => {
    const shop = createShopService();
    const response = send(shop, 'POST', '/orders', {
      headers: [json],
      body: JSON.stringify({
        items: [
          { productId: 'prd_mug', quantity: 0 },
          { productId: 'prd_nope', quantity: 1 },
        ],
        coupon: 'FREE',
      }),
    });
    const problem = expectProblem(response, 422);
    const pointers = (problem.errors as { pointer: string }[]).map((error) => error.pointer);
    expect(pointers.sort()).toEqual(['#/coupon', '#/items/0/quantity', '#/items/1/productId']);
    expect(shop.state().orders).toHaveLength(25);
  });

  it('requires staff to say whose order it is, and stops a customer ordering for another', () => {
    const shop = createShopService();
    const staff = send(shop, 'POST', '/orders', {
      token: ADMIN_TOKEN,
      headers: [json],
      body: newOrderBody,
    });
    expect(expectProblem(staff, 422).errors).toEqual([
      { pointer: '#/customerId', detail: expect.any(String) },
    ]);
    const forOther = send(shop, 'POST', '/orders', {
      headers: [json],
      body: JSON.stringify({
        customerId: OTHER_CUSTOMER_ID,
        items: [{ productId: 'prd_mug', quantity: 1 }],
      }),
    });
    expectProblem(forOther, 403);
    expect(shop.state().orders).toHaveLength(25);
  });

  it('answers malformed JSON with 400', () => {
    const shop = createShopService();
    const response = send(shop, 'POST', '/orders', { headers: [json], body: '{"items": [' });
    expect(expectProblem(response, 400).type).toBe(
      'https://shop.example.com/problems/malformed-json',
    );
  });
});

describe('routing', () => {
  it('answers an unknown order and an unknown path with 404 problems', () => {
    const shop = createShopService();
    expect(expectProblem(send(shop, 'GET', '/orders/ord_missing'), 404).detail).toContain(
      'ord_missing',
    );
    expectProblem(send(shop, 'GET', '/basket'), 404);
    expectProblem(send(shop, 'GET', '/orders/a/b'), 404);
  });

  it('answers a wrong method on a known path with 405 and Allow', () => {
    const shop = createShopService();
    const collection = send(shop, 'DELETE', '/orders');
    expectProblem(collection, 405);
    expect(header(collection, 'Allow')).toBe('GET, HEAD, POST, OPTIONS');
    const products = send(shop, 'POST', '/products', { headers: [json], body: '{}' });
    expect(header(expectProblemAndReturn(products, 405), 'Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('reads the query string: parameters in any order, unknown ones ignored', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/orders?sort=ignored&limit=3', { token: ADMIN_TOKEN });
    expect(response.status).toBe(200);
    expect(bodyOf(response).items).toHaveLength(3);
  });

  it('answers HEAD like GET, Content-Length included, without a body', () => {
    const shop = createShopService();
    const id = firstOrderOf(shop, CUSTOMER_ID).id;
    const get = send(shop, 'GET', `/orders/${id}`);
    const head = send(shop, 'HEAD', `/orders/${id}`);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(header(head, 'Content-Length')).toBe(header(get, 'Content-Length'));
    expect(header(head, 'ETag')).toBe(header(get, 'ETag'));
    expect(Number(header(get, 'Content-Length'))).toBeGreaterThan(0);
  });
});

function expectProblemAndReturn(response: HttpResponse, status: number): HttpResponse {
  expectProblem(response, status);
  return response;
}

describe('conditional requests', () => {
  function orderWithETag(shop: ShopService) {
    const id = firstOrderOf(shop, CUSTOMER_ID).id;
    const response = send(shop, 'GET', `/orders/${id}`);
    return { id, etag: header(response, 'ETag')!, response };
  }

  it('answers If-None-Match with 304, no body, and the ETag, for one tag, a list, * and a weak tag', () => {
    const shop = createShopService();
    const { id, etag } = orderWithETag(shop);
    for (const ifNoneMatch of [etag, `"other", ${etag}`, '*', `W/${etag}`]) {
      const response = send(shop, 'GET', `/orders/${id}`, {
        headers: [['If-None-Match', ifNoneMatch]],
      });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.body).toBe('');
      expect(header(response, 'ETag')).toBe(etag);
      expect(header(response, 'Content-Length')).toBeUndefined();
      expect(header(response, 'Content-Type')).toBeUndefined();
    }
    const stale = send(shop, 'GET', `/orders/${id}`, { headers: [['If-None-Match', '"stale"']] });
    expect(stale.status).toBe(200);
  });

  it('refuses PUT and PATCH without If-Match with 428', () => {
    const shop = createShopService();
    const { id } = orderWithETag(shop);
    const before = shop.state();
    const put = send(shop, 'PUT', `/orders/${id}`, {
      headers: [json],
      body: JSON.stringify({ items: [{ productId: 'prd_tee', quantity: 1 }], status: 'pending' }),
    });
    expectProblem(put, 428);
    const patch = send(shop, 'PATCH', `/orders/${id}`, {
      headers: [mergePatch],
      body: '{"status":"cancelled"}',
    });
    expectProblem(patch, 428);
    expect(shop.state()).toEqual(before);
  });

  it('answers a stale If-Match with 412 and leaves the order unchanged', () => {
    const shop = createShopService();
    const { id, etag } = orderWithETag(shop);
    const before = shop.state();
    for (const ifMatch of ['"0000000000000000"', `W/${etag}`]) {
      const response = send(shop, 'PATCH', `/orders/${id}`, {
        headers: [mergePatch, ['If-Match', ifMatch]],
        body: '{"status":"cancelled"}',
      });
      expectProblem(response, 412);
      expect(header(response, 'ETag')).toBe(etag);
    }
    expect(shop.state()).toEqual(before);
  });

  it('applies a matching PUT: 200, the new order, a new ETag, and the old ETag now fails', () => {
    const shop = createShopService();
    const { id, etag } = orderWithETag(shop);
    shop.advance(60_000);
    const put = send(shop, 'PUT', `/orders/${id}`, {
      headers: [json, ['If-Match', etag]],
      body: JSON.stringify({ items: [{ productId: 'prd_tee', quantity: 3 }], status: 'paid' }),
    });
    expect(put.status).toBe(200);
    const newTag = header(put, 'ETag');
    expect(newTag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(newTag).not.toBe(etag);
    expect(bodyOf(put)).toMatchObject({
      id,
      items: [{ productId: 'prd_tee', quantity: 3 }],
      status: 'paid',
      total: 7500,
      updatedAt: '2026-01-15T09:01:00.000Z',
    });
    expect(shop.state().orders.find((order) => order.id === id)?.status).toBe('paid');
    const again = send(shop, 'PUT', `/orders/${id}`, {
      headers: [json, ['If-Match', etag]],
      body: JSON.stringify({ items: [{ productId: 'prd_tee', quantity: 1 }], status: 'paid' }),
    });
    expect(again.status).toBe(412);
  });

  it('accepts a GET body sent back with PUT, but not a changed read-only field', () => {
    const shop = createShopService();
    const { id, etag, response } = orderWithETag(shop);
    const order = bodyOf(response);
    const unchanged = send(shop, 'PUT', `/orders/${id}`, {
      headers: [json, ['If-Match', etag]],
      body: JSON.stringify(order),
    });
    expect(unchanged.status).toBe(200);
    // Nothing changed, so the representation and its ETag did not either.
    expect(header(unchanged, 'ETag')).toBe(etag);
    const changedTotal = send(shop, 'PUT', `/orders/${id}`, {
      headers: [json, ['If-Match', etag]],
      body: JSON.stringify({ ...order, total: 1 }),
    });
    expect(expectProblem(changedTotal, 422).errors).toEqual([
      { pointer: '#/total', detail: expect.any(String) },
    ]);
  });

  it('merges a PATCH (RFC 7396): members it names change, the rest stay', () => {
    const shop = createShopService();
    const { id, etag, response } = orderWithETag(shop);
    const patched = send(shop, 'PATCH', `/orders/${id}`, {
      headers: [mergePatch, ['If-Match', etag]],
      body: '{"status":"cancelled"}',
    });
    expect(patched.status).toBe(200);
    expect(bodyOf(patched)).toMatchObject({ status: 'cancelled', items: bodyOf(response).items });
    expect(header(patched, 'ETag')).not.toBe(etag);

    const removeItems = send(shop, 'PATCH', `/orders/${id}`, {
      headers: [mergePatch, ['If-Match', header(patched, 'ETag')!]],
      body: '{"items":null}',
    });
    expect(expectProblem(removeItems, 422).errors).toEqual([
      { pointer: '#/items', detail: expect.any(String) },
    ]);
  });

  it('deletes conditionally: 428 without If-Match, then 204 with no body, then 404', () => {
    const shop = createShopService();
    const { id, etag } = orderWithETag(shop);
    expectProblem(send(shop, 'DELETE', `/orders/${id}`), 428);
    const deleted = send(shop, 'DELETE', `/orders/${id}`, { headers: [['If-Match', etag]] });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect(header(deleted, 'Content-Length')).toBeUndefined();
    expect(shop.state().orders.some((order) => order.id === id)).toBe(false);
    expectProblem(send(shop, 'GET', `/orders/${id}`), 404);
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and body, without a second order', () => {
    const shop = createShopService();
    const key: [string, string] = ['Idempotency-Key', 'order-attempt-1'];
    const first = createOrder(shop, [key]);
    shop.advance(5_000);
    // The same JSON with other spacing and key order is the same body.
    const replay = send(shop, 'POST', '/orders', {
      headers: [json, key],
      body: '{ "items": [ { "quantity": 2, "productId": "prd_mug" } ] }',
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(header(replay, 'Location')).toBe(header(first, 'Location'));
    expect(replay.body).toBe(first.body);
    expect(header(replay, 'Idempotent-Replayed')).toBe('true');
    expect(header(first, 'Idempotent-Replayed')).toBeUndefined();
    expect(shop.state().orders).toHaveLength(26);
  });

  it('answers the key reused with another body with 422, and with another method or path with 409', () => {
    const shop = createShopService();
    const key: [string, string] = ['Idempotency-Key', 'k-42'];
    createOrder(shop, [key]);
    const otherBody = send(shop, 'POST', '/orders', {
      headers: [json, key],
      body: JSON.stringify({ items: [{ productId: 'prd_mug', quantity: 3 }] }),
    });
    expect(expectProblem(otherBody, 422).type).toBe(
      'https://shop.example.com/problems/idempotency-key-reused',
    );
    const id = firstOrderOf(shop, CUSTOMER_ID).id;
    const otherRequest = send(shop, 'DELETE', `/orders/${id}`, {
      headers: [key, ['If-Match', '*']],
    });
    expectProblem(otherRequest, 409);
    expect(shop.state().orders.some((order) => order.id === id)).toBe(true);
    expect(shop.state().orders).toHaveLength(26);
  });

  it('forgets a key after 24 hours of service clock', () => {
    const shop = createShopService({ rateLimit: { limit: 100, windowMs: 1000 } });
    const key: [string, string] = ['Idempotency-Key', 'daily'];
    const first = createOrder(shop, [key]);
    shop.advance(24 * 3_600_000 - 1);
    expect(header(createOrder(shop, [key]), 'Idempotent-Replayed')).toBe('true');
    shop.advance(1);
    const later = createOrder(shop, [key]);
    expect(later.status).toBe(201);
    expect(header(later, 'Idempotent-Replayed')).toBeUndefined();
    expect(header(later, 'Location')).not.toBe(header(first, 'Location'));
    expect(shop.state().orders).toHaveLength(27);
  });
});

describe('cursor pagination', () => {
  it('reads every order exactly once across pages, with next and first links', () => {
    const shop = createShopService();
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let target: string | null = '/orders';
    while (target !== null) {
      const response = send(shop, 'GET', target, { token: ADMIN_TOKEN });
      expect(response.status).toBe(200);
      const page = bodyOf(response) as { items: { id: string }[]; nextCursor: string | null };
      pageSizes.push(page.items.length);
      seen.push(...page.items.map((order) => order.id));
      const link = header(response, 'Link')!;
      expect(link).toContain('</orders?limit=10>; rel="first"');
      const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? null;
      if (page.nextCursor === null) {
        expect(next).toBeNull();
      } else {
        expect(next).toBe(`/orders?limit=10&cursor=${page.nextCursor}`);
      }
      target = next;
    }
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(shop.state().orders.map((order) => order.id));
    expect(new Set(seen).size).toBe(25);
  });

  it('shows a customer only their own orders', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/orders?limit=100');
    const items = bodyOf(response).items as { customerId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((order) => order.customerId === CUSTOMER_ID)).toBe(true);
    expect(bodyOf(response).nextCursor).toBeNull();
  });

  it('answers a limit out of range and a garbage or tampered cursor with 400', () => {
    const shop = createShopService();
    for (const limit of ['101', '0', 'ten', '2.5']) {
      const response = send(shop, 'GET', `/orders?limit=${limit}`);
      expect(expectProblem(response, 400).errors).toEqual([
        { parameter: 'limit', detail: expect.any(String) },
      ]);
    }
    expect(send(shop, 'GET', '/orders?limit=100').status).toBe(200);
    const cursor = bodyOf(send(shop, 'GET', '/orders?limit=2')).nextCursor as string;
    const decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const tampered = btoa(decoded.replace(/^\d/, '9')).replace(/=+$/, '');
    for (const bad of ['not-a-cursor!', 'Zm9v', tampered]) {
      const response = send(shop, 'GET', `/orders?cursor=${encodeURIComponent(bad)}`);
      expect(expectProblem(response, 400).type).toBe(
        'https://shop.example.com/problems/invalid-cursor',
      );
    }
  });
});

describe('authentication and authorization', () => {
  it('answers a missing token with 401 and a Bearer challenge', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/orders', { token: null });
    expectProblem(response, 401);
    expect(header(response, 'WWW-Authenticate')).toBe('Bearer realm="shop"');
  });

  it('answers a wrong token with 401 and error="invalid_token"', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/orders', { token: 'guess' });
    expectProblem(response, 401);
    expect(header(response, 'WWW-Authenticate')).toMatch(
      /^Bearer realm="shop", error="invalid_token"/,
    );
  });

  it("answers another customer's order with 403", () => {
    const shop = createShopService();
    const graces = firstOrderOf(shop, OTHER_CUSTOMER_ID);
    expectProblem(send(shop, 'GET', `/orders/${graces.id}`), 403);
    expectProblem(send(shop, 'GET', `/customers/${OTHER_CUSTOMER_ID}`), 403);
    expect(send(shop, 'GET', `/orders/${graces.id}`, { token: ADMIN_TOKEN }).status).toBe(200);
  });

  it('lets the read-only token read but answers its writes with 403', () => {
    const shop = createShopService();
    expect(send(shop, 'GET', '/orders', { token: READ_ONLY_TOKEN }).status).toBe(200);
    const response = send(shop, 'POST', '/orders', {
      token: READ_ONLY_TOKEN,
      headers: [json],
      body: JSON.stringify({
        customerId: CUSTOMER_ID,
        items: [{ productId: 'prd_mug', quantity: 1 }],
      }),
    });
    expectProblem(response, 403);
    expect(header(response, 'WWW-Authenticate')).toContain('error="insufficient_scope"');
    expect(shop.state().orders).toHaveLength(25);
  });

  it('reads header names case-insensitively', () => {
    const shop = createShopService();
    const response = shop.handle({
      method: 'GET',
      target: '/products',
      headers: [
        ['authorization', `Bearer ${CUSTOMER_TOKEN}`],
        ['ACCEPT', 'application/json'],
      ],
      body: '',
    });
    expect(response.status).toBe(200);
    expect((bodyOf(response).items as unknown[]).length).toBe(4);
  });
});

describe('rate limiting', () => {
  it('answers with 429 and Retry-After over the limit, and succeeds after waiting that long', () => {
    const shop = createShopService({ rateLimit: { limit: 3, windowMs: 10_000 } });
    send(shop, 'GET', '/products');
    shop.advance(4_000);
    send(shop, 'GET', '/products');
    const third = send(shop, 'GET', '/products');
    expect(third.status).toBe(200);
    expect(header(third, 'RateLimit-Policy')).toBe('"per-token";q=3;w=10');
    expect(header(third, 'RateLimit')).toBe('"per-token";r=0;t=6');

    const limited = send(shop, 'GET', '/products');
    expectProblem(limited, 429);
    expect(header(limited, 'Retry-After')).toBe('6');
    // Another token has its own window.
    expect(send(shop, 'GET', '/products', { token: ADMIN_TOKEN }).status).toBe(200);

    shop.advance(5_999);
    expect(send(shop, 'GET', '/products').status).toBe(429);
    shop.advance(1);
    expect(send(shop, 'GET', '/products').status).toBe(200);
  });

  it('defaults to 20 requests per 60 seconds', () => {
    const shop = createShopService();
    for (let request = 0; request < 20; request += 1) {
      expect(send(shop, 'GET', '/products').status).toBe(200);
    }
    const limited = send(shop, 'GET', '/products');
    expect(limited.status).toBe(429);
    expect(header(limited, 'Retry-After')).toBe('60');
    shop.advance(60_000);
    expect(send(shop, 'GET', '/products').status).toBe(200);
  });
});

describe('content negotiation and body limits', () => {
  it('answers a body that is not JSON with 415 and what is accepted', () => {
    const shop = createShopService();
    const post = send(shop, 'POST', '/orders', {
      headers: [['Content-Type', 'text/plain']],
      body: newOrderBody,
    });
    expectProblem(post, 415);
    expect(header(post, 'Accept')).toBe('application/json');
    const id = firstOrderOf(shop, CUSTOMER_ID).id;
    const patch = send(shop, 'PATCH', `/orders/${id}`, {
      headers: [json, ['If-Match', '*']],
      body: '{"status":"paid"}',
    });
    expectProblem(patch, 415);
    expect(header(patch, 'Accept-Patch')).toBe('application/merge-patch+json');
    const charset = send(shop, 'POST', '/orders', {
      headers: [['Content-Type', 'Application/JSON; charset=utf-8']],
      body: newOrderBody,
    });
    expect(charset.status).toBe(201);
  });

  it('answers an Accept that rules out JSON with 406, and honours wildcards and q-values', () => {
    const shop = createShopService({ rateLimit: { limit: 100, windowMs: 1000 } });
    const statusFor = (accept: string) =>
      send(shop, 'GET', '/products', { headers: [['Accept', accept]] }).status;
    expectProblem(send(shop, 'GET', '/products', { headers: [['Accept', 'text/html']] }), 406);
    expect(statusFor('application/json;q=0, */*')).toBe(406);
    expect(statusFor('application/*;q=0')).toBe(406);
    expect(statusFor('*/*')).toBe(200);
    expect(statusFor('application/*')).toBe(200);
    expect(statusFor('text/html, application/json;q=0.1')).toBe(200);
    expect(statusFor('text/html;q=0.9, */*;q=0.1')).toBe(200);
  });

  it('answers a body over maxBodyBytes, counted in UTF-8 bytes, with 413 before parsing', () => {
    const shop = createShopService({ maxBodyBytes: 100 });
    // 60 characters but 120 bytes, and not JSON: the size is checked first.
    const response = send(shop, 'POST', '/orders', { headers: [json], body: 'é'.repeat(60) });
    expectProblem(response, 413);
    expect(send(shop, 'POST', '/orders', { headers: [json], body: 'é'.repeat(50) }).status).toBe(
      400,
    );
  });
});

describe('CORS', () => {
  const preflightHeaders: [string, string][] = [
    ['Origin', 'https://app.example.com'],
    ['Access-Control-Request-Method', 'POST'],
    ['Access-Control-Request-Headers', 'authorization, content-type'],
  ];

  it('answers a preflight from an allowed origin with 204 and the CORS headers, no token needed', () => {
    const shop = createShopService();
    const response = send(shop, 'OPTIONS', '/orders', { token: null, headers: preflightHeaders });
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(header(response, 'Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(header(response, 'Access-Control-Allow-Methods')).toBe('GET, HEAD, POST, OPTIONS');
    const allowedHeaders = header(response, 'Access-Control-Allow-Headers')!.split(', ');
    expect(allowedHeaders).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match']),
    );
    expect(header(response, 'Access-Control-Max-Age')).toBe('600');
    expect(header(response, 'Vary')).toBe('Origin');
  });

  it('gives an origin not on the list no Access-Control-Allow-Origin', () => {
    const shop = createShopService();
    const response = send(shop, 'OPTIONS', '/orders', {
      token: null,
      headers: [
        ['Origin', 'https://evil.example'],
        ['Access-Control-Request-Method', 'POST'],
      ],
    });
    expect(response.status).toBe(204);
    expect(header(response, 'Access-Control-Allow-Origin')).toBeUndefined();
    expect(header(response, 'Vary')).toBe('Origin');
  });

  it('answers a plain OPTIONS with 204 and Allow, and OPTIONS on an unknown path with 404', () => {
    const shop = createShopService();
    const response = send(shop, 'OPTIONS', '/orders/ord_anything', { token: null });
    expect(response.status).toBe(204);
    expect(header(response, 'Allow')).toBe('GET, HEAD, PUT, PATCH, DELETE, OPTIONS');
    expect(header(response, 'Access-Control-Allow-Origin')).toBeUndefined();
    expectProblem(send(shop, 'OPTIONS', '/nowhere', { token: null }), 404);
  });

  it('lets an allowed origin read the response and its headers', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/products', {
      headers: [['Origin', 'https://app.example.com']],
    });
    expect(header(response, 'Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(header(response, 'Access-Control-Expose-Headers')).toContain('ETag');
  });
});

describe('every response', () => {
  it('has Date from the service clock, and Content-Type and Content-Length when it has a body', () => {
    const shop = createShopService({ startTime: Date.UTC(2026, 2, 1, 12, 30, 5) });
    const first = send(shop, 'GET', '/customers');
    expect(header(first, 'Date')).toBe('Sun, 01 Mar 2026 12:30:05 GMT');
    expect(header(first, 'Content-Length')).toBe(
      String(new TextEncoder().encode(first.body).length),
    );
    shop.advance(90_000);
    const problem = send(shop, 'GET', '/orders/none');
    expect(header(problem, 'Date')).toBe('Sun, 01 Mar 2026 12:31:35 GMT');
    expect(shop.now()).toBe(Date.UTC(2026, 2, 1, 12, 31, 35));
    expect(header(problem, 'Content-Length')).toBe(String(problem.body.length));
  });

  it('counts Content-Length in bytes, not characters', () => {
    const shop = createShopService();
    const response = send(shop, 'GET', '/customers/ada%C3%A9');
    expect(response.body).toContain('é');
    expect(Number(header(response, 'Content-Length'))).toBe(response.body.length + 1);
  });
});

describe('determinism', () => {
  function script(shop: ShopService): HttpResponse[] {
    const created = createOrder(shop, [['Idempotency-Key', 'k']]);
    const location = header(created, 'Location')!;
    shop.advance(1_000);
    const fetched = send(shop, 'GET', location);
    return [
      created,
      fetched,
      send(shop, 'PATCH', location, {
        headers: [mergePatch, ['If-Match', header(fetched, 'ETag')!]],
        body: '{"status":"cancelled"}',
      }),
      send(shop, 'GET', '/orders?limit=3', { token: ADMIN_TOKEN }),
    ];
  }

  it('gives byte-identical responses for the same seed and requests', () => {
    expect(JSON.stringify(script(createShopService({ seed: 7 })))).toBe(
      JSON.stringify(script(createShopService({ seed: 7 }))),
    );
  });

  it('gives other order ids, ETags and cursors for another seed', () => {
    const [createdA, fetchedA, , pageA] = script(createShopService({ seed: 1 }));
    const [createdB, fetchedB, , pageB] = script(createShopService({ seed: 2 }));
    expect(header(createdA!, 'Location')).not.toBe(header(createdB!, 'Location'));
    expect(header(fetchedA!, 'ETag')).not.toBe(header(fetchedB!, 'ETag'));
    expect(bodyOf(pageA!).nextCursor).not.toBe(bodyOf(pageB!).nextCursor);
    const idsA = createShopService({ seed: 1 })
      .state()
      .orders.map((order) => order.id);
    const idsB = createShopService({ seed: 2 })
      .state()
      .orders.map((order) => order.id);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
  });

  it('hands graders a copy of the state, not the live data', () => {
    const shop = createShopService();
    const state = shop.state();
    state.orders.length = 0;
    state.customers[0]!.name = 'Changed';
    expect(shop.state().orders).toHaveLength(25);
    expect(shop.state().customers[0]!.name).toBe('Ada Lovelace');
  });
});
