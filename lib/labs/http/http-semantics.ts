// The parts of HTTP semantics (RFC 9110) the shop has to read from a request: the target and its
// query, media types and Accept with its q-values, and entity-tag lists. Pure functions, no shop.

export const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
};

export interface RequestTarget {
  /** Percent-decoded path segments: `/orders/ord_1` is `['orders', 'ord_1']`. */
  segments: string[];
  path: string;
  query: URLSearchParams;
}

/** Reads an origin-form target (`/orders?limit=2`); null when it is not one. */
export function parseTarget(target: string): RequestTarget | null {
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  const withoutFragment = target.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  const path = queryStart === -1 ? withoutFragment : withoutFragment.slice(0, queryStart);
  const query = queryStart === -1 ? '' : withoutFragment.slice(queryStart + 1);
  try {
    const segments = path.slice(1).split('/').map(decodeURIComponent);
    return { segments, path, query: new URLSearchParams(query) };
  } catch {
    // A stray % that is not an escape: no resource has such a name.
    return null;
  }
}

export interface MediaType {
  /** `type/subtype`, lowercased (media types compare case-insensitively). */
  essence: string;
  parameters: Map<string, string>;
}

export function parseMediaType(value: string): MediaType | null {
  const [essencePart = '', ...parameterParts] = value.split(';');
  const essence = essencePart.trim().toLowerCase();
  if (!/^[\w.+-]+\/[\w.+*-]+$|^\*\/\*$/.test(essence)) return null;
  const parameters = new Map<string, string>();
  for (const part of parameterParts) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const raw = part.slice(equals + 1).trim();
    parameters.set(name, raw.replace(/^"(.*)"$/, '$1'));
  }
  return { essence, parameters };
}

/** Whether a Content-Type header names one of the given media types (its parameters aside). */
export function contentTypeIs(contentType: string | undefined, accepted: readonly string[]) {
  const mediaType = contentType === undefined ? null : parseMediaType(contentType);
  return mediaType !== null && accepted.includes(mediaType.essence);
}

/**
 * Whether an Accept header allows a media type. The most specific range that matches decides
 * (`application/json` over `application/*` over `*\/*`), and q=0 means "not this". No Accept at
 * all accepts anything.
 */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const [type] = mediaType.split('/');
  let bestSpecificity = -1;
  let bestQuality = 0;
  for (const range of accept.split(',')) {
    const parsed = parseMediaType(range);
    if (!parsed) continue;
    const specificity =
      parsed.essence === mediaType
        ? 2
        : parsed.essence === `${type}/*`
          ? 1
          : parsed.essence === '*/*'
            ? 0
            : -1;
    if (specificity <= bestSpecificity) continue;
    const q = Number(parsed.parameters.get('q') ?? '1');
    bestSpecificity = specificity;
    bestQuality = Number.isFinite(q) ? q : 1;
  }
  return bestSpecificity >= 0 && bestQuality > 0;
}

export interface EntityTag {
  weak: boolean;
  opaque: string;
}

/** An If-Match or If-None-Match value: `*`, or its entity tags (anything unreadable is skipped). */
export function parseEntityTags(value: string): '*' | EntityTag[] {
  if (value.trim() === '*') return '*';
  return [...value.matchAll(/(W\/)?"([^"]*)"/g)].map((match) => ({
    weak: match[1] !== undefined,
    opaque: match[2] ?? '',
  }));
}

/** Strong comparison (If-Match): both tags strong and equal. */
export function strongMatch(a: EntityTag, b: EntityTag): boolean {
  return !a.weak && !b.weak && a.opaque === b.opaque;
}

/** Weak comparison (If-None-Match): equal opaque tags, weak or not. */
export function weakMatch(a: EntityTag, b: EntityTag): boolean {
  return a.opaque === b.opaque;
}

const encoder = new TextEncoder();

/** What Content-Length counts: bytes of UTF-8, not characters. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** base64url without padding, for ASCII text (cursors). */
export function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  } catch {
    return null;
  }
}

/** Date and Retry-After style dates (IMF-fixdate), which toUTCString has produced since ES2018. */
export function imfFixdate(ms: number): string {
  return new Date(ms).toUTCString();
}
