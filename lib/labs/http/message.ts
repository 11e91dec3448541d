// The HTTP messages of the HTTP labs: what the learner's request file becomes once parsed
// (request-file.ts) and what the simulated service (shop-service.ts) answers. Plain data, so they
// cross a worker's postMessage and are stored with an attempt as they are.

/** A header as written, in order; names compare case-insensitively (headerValues). */
export type HttpHeader = readonly [name: string, value: string];

export interface HttpRequest {
  method: string;
  /** The request target: a path with an optional query (`/orders?limit=2`), never a full URL. */
  target: string;
  headers: HttpHeader[];
  /** The body as text ('' for none). */
  body: string;
}

export interface HttpResponse {
  status: number;
  headers: HttpHeader[];
  body: string;
}

/** The simulated service a lab's requests are sent to. Deterministic: same requests, same answers. */
export interface HttpService {
  handle(request: HttpRequest): HttpResponse;
  /** Moves the service's clock forward (a learner waiting, as Retry-After asks). */
  advance(ms: number): void;
  /** The service's clock, in ms since the epoch. */
  now(): number;
}

/** Every value of a header, in order (names compare case-insensitively). */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

/** A header's value (several are joined with ", ", as HTTP allows), or undefined. */
export function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length > 0 ? values.join(', ') : undefined;
}
