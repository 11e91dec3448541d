// The responses the shop's handlers build: status, headers and body only. The service adds what
// every response carries (Date, Content-Type, Content-Length, rate limit and CORS headers) on the
// way out, so a replayed response gets a fresh Date like any other.
import type { HttpHeader } from './message';
import { REASON_PHRASES } from './http-semantics';

export interface Reply {
  status: number;
  headers: HttpHeader[];
  /** '' for none (204, 304). */
  body: string;
  contentType?: string;
}

/** Pretty-printed, because learners read these bodies. */
export function jsonReply(status: number, value: unknown, headers: HttpHeader[] = []): Reply {
  return {
    status,
    headers,
    body: JSON.stringify(value, null, 2),
    contentType: 'application/json',
  };
}

export function emptyReply(status: number, headers: HttpHeader[] = []): Reply {
  return { status, headers, body: '' };
}

/** One invalid part of a request: `pointer` for the body (RFC 6901, as a fragment), `parameter` for the query. */
export type FieldError =
  { detail: string; pointer: string } | { detail: string; parameter: string };

const PROBLEM_BASE = 'https://shop.example.com/problems/';

export interface ProblemOptions {
  /** A slug under the shop's problem types; without one the type is about:blank (RFC 9457 §4.2). */
  type?: string;
  title?: string;
  errors?: FieldError[];
  headers?: HttpHeader[];
}

/** An RFC 9457 problem details response. */
export function problem(status: number, detail: string, options: ProblemOptions = {}): Reply {
  const title = options.title ?? REASON_PHRASES[status] ?? 'Error';
  const body = {
    type: options.type ? PROBLEM_BASE + options.type : 'about:blank',
    title,
    status,
    detail,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  return {
    status,
    headers: options.headers ?? [],
    body: JSON.stringify(body, null, 2),
    contentType: 'application/problem+json',
  };
}
