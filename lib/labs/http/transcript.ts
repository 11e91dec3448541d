// Sends a parsed request file to the lab's simulated service, one request after the other with the
// variables taken from the responses received so far, and writes the exchange out as `curl -v` does.
import { evaluateJsonPath, formatJsonPath } from './json-path';
import { headerValue, type HttpRequest, type HttpResponse, type HttpService } from './message';
import {
  formatBytes,
  formatDuration,
  groupThousands,
  reduceTarget,
  requestFileLimits,
  type ParsedRequest,
  type RequestFile,
  type Template,
  type Variable,
} from './request-file';

export interface SendOptions {
  /** Seeds `{{$uuid}}`: the same seed gives the same ids, so a run can be replayed and graded. */
  seed?: string | number;
  /** The `Host` header added when the learner sends none (default `shop.test`). */
  host?: string;
  /** A body once its variables are in, in UTF-8 bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

export interface Exchange {
  /** The request line's line in the file. */
  line: number;
  name: string | null;
  title: string | null;
  /** The `# @wait` applied before sending (0 for none). */
  waitedMs: number;
  /** The request as sent: variables resolved, `Host` and `Content-Length` added where missing. */
  request: HttpRequest;
  response: HttpResponse;
  /** The service's clock when the request was sent, in ms since the epoch. */
  at: number;
}

/** Why the run stopped before the request at `line` was sent. */
export interface SendFailure {
  line: number;
  /** Ready to show; starts with `line N: `. */
  message: string;
}

export interface Transcript {
  /** The exchanges made, in order; those before a failure are kept. */
  exchanges: Exchange[];
  failure?: SendFailure;
}

type Resolved = { ok: true; text: string } | { ok: false; failure: SendFailure };

interface Received {
  line: number;
  response: HttpResponse;
}

/** Sends the requests in order until one cannot be sent (a variable without a value). */
export function sendRequests(
  file: RequestFile,
  service: HttpService,
  options: SendOptions = {},
): Transcript {
  const host = options.host ?? requestFileLimits.host;
  const maxBodyBytes = options.maxBodyBytes ?? requestFileLimits.maxBodyBytes;
  const context: Context = {
    service,
    received: new Map(),
    nextUuid: uuidSequence(String(options.seed ?? '')),
  };
  const exchanges: Exchange[] = [];

  for (const parsed of file.requests) {
    if (parsed.waitMs > 0) service.advance(parsed.waitMs);
    const built = buildRequest(parsed, context, host, maxBodyBytes);
    if (!built.ok) return { exchanges, failure: built.failure };
    const at = service.now();
    let response: HttpResponse;
    try {
      response = service.handle(built.request);
    } catch (error) {
      // The service is the lab's code, not the learner's: say so rather than lose the transcript.
      const reason = error instanceof Error ? error.message : String(error);
      return {
        exchanges,
        failure: failure(parsed.line, `the lab's service failed on this request (${reason})`),
      };
    }
    exchanges.push({
      line: parsed.line,
      name: parsed.name,
      title: parsed.title,
      waitedMs: parsed.waitMs,
      request: built.request,
      response,
      at,
    });
    if (parsed.name !== null) context.received.set(parsed.name, { line: parsed.line, response });
  }
  return { exchanges };
}

interface Context {
  service: HttpService;
  received: Map<string, Received>;
  nextUuid: () => string;
}

function buildRequest(
  parsed: ParsedRequest,
  context: Context,
  host: string,
  maxBodyBytes: number,
): { ok: true; request: HttpRequest } | { ok: false; failure: SendFailure } {
  const target = resolve(parsed.target, context);
  if (!target.ok) return target;
  const reduced = reduceTarget(target.text, host);
  if (!reduced.ok) return { ok: false, failure: failure(parsed.line, reduced.message) };

  const headers: [string, string][] = [];
  for (const header of parsed.headers) {
    const value = resolve(header.value, context);
    if (!value.ok) return value;
    // A line break from a response would smuggle another header in (or end the headers).
    if (/[\r\n]/.test(value.text)) {
      return {
        ok: false,
        failure: failure(header.line, `the ${header.name} header would contain a line break`),
      };
    }
    headers.push([header.name, value.text]);
  }

  const body = resolve(parsed.body, context);
  if (!body.ok) return body;
  const bytes = new TextEncoder().encode(body.text).length;
  if (bytes > maxBodyBytes) {
    return {
      ok: false,
      failure: failure(
        parsed.bodyLine ?? parsed.line,
        `this body has ${groupThousands(bytes)} bytes once its variables are in; a body has at most ${formatBytes(maxBodyBytes)}`,
      ),
    };
  }

  // What curl adds on its own; nothing more (no Accept, no Content-Type): a lab grades the
  // headers the learner chose to send.
  if (headerValue(headers, 'Host') === undefined) headers.unshift(['Host', host]);
  if (bytes > 0 && headerValue(headers, 'Content-Length') === undefined) {
    headers.push(['Content-Length', String(bytes)]);
  }
  return {
    ok: true,
    request: { method: parsed.method, target: reduced.target, headers, body: body.text },
  };
}

function resolve(template: Template, context: Context): Resolved {
  let text = '';
  for (const part of template) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = valueOf(part, context);
    if (!value.ok) return value;
    text += value.text;
  }
  return { ok: true, text };
}

function valueOf(variable: Variable, context: Context): Resolved {
  const fail = (why: string): Resolved => ({
    ok: false,
    failure: failure(variable.line, `${variable.text}: ${why}`),
  });
  if (variable.kind === 'uuid') return { ok: true, text: context.nextUuid() };
  if (variable.kind === 'timestamp') {
    return { ok: true, text: String(Math.floor(context.service.now() / 1000)) };
  }

  const received = context.received.get(variable.request);
  if (!received) return fail(`no response to a request named "${variable.request}" yet`);
  const { response } = received;
  const from = `the response to "${variable.request}" (line ${received.line})`;

  if (variable.kind === 'status') return { ok: true, text: String(response.status) };
  if (variable.kind === 'header') {
    const value = headerValue(response.headers, variable.header);
    if (value === undefined) return fail(`${from} has no ${variable.header} header`);
    return { ok: true, text: value };
  }
  if (variable.path === null) return { ok: true, text: response.body };
  if (response.body.trim() === '') return fail(`${from} has no body`);
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    const type = headerValue(response.headers, 'Content-Type');
    return fail(`the body of ${from} is not JSON${type ? ` (it is ${type})` : ''}`);
  }
  // `$` is the body as sent: re-serialising it could reorder its keys.
  if (variable.path.length === 0) return { ok: true, text: response.body };
  const found = evaluateJsonPath(json, variable.path);
  if (!found.found) {
    return fail(`the body of ${from} has no ${formatJsonPath(variable.path)}: ${found.reason}`);
  }
  // A string goes in as its text (an id in a path); anything else as JSON (a number, an object).
  const { value } = found;
  return { ok: true, text: typeof value === 'string' ? value : JSON.stringify(value) };
}

function failure(line: number, message: string): SendFailure {
  return { line, message: `line ${line}: ${message}` };
}

/**
 * Version 4 UUIDs drawn from the seed, never from Math.random or crypto: the grader replays the
 * file and must send the same ids. Each one hashes the seed with a counter.
 */
function uuidSequence(seed: string): () => string {
  let counter = 0;
  return () => {
    counter++;
    const hex = [0, 1, 2, 3]
      .map((word) => hash32(`${seed}\u0000${counter}\u0000${word}`).toString(16).padStart(8, '0'))
      .join('');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/** FNV-1a over UTF-16 code units, then a finalising mix so that close inputs differ in every bit. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The reason phrases of RFC 9110 (and RFC 6585 for 428, 429 and 431). */
const reasonPhrases: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

/** The standard reason phrase of a status code, or undefined for one without. */
export function reasonPhrase(status: number): string | undefined {
  return reasonPhrases[status];
}

export interface FormatOptions {
  /** A body longer than this is cut, with a note saying how much is left out (default 4,000). */
  maxBodyChars?: number;
  /** Indents JSON response bodies, keeping their keys and numbers exactly as sent (default true). */
  prettyJson?: boolean;
}

/**
 * The transcript as `curl -v` shows an exchange: `>` lines sent, `<` lines received, each body
 * after its headers. Exchanges are separated by a blank line.
 */
export function formatTranscript(transcript: Transcript, options: FormatOptions = {}): string {
  const maxBodyChars = options.maxBodyChars ?? 4000;
  const pretty = options.prettyJson ?? true;
  const blocks = transcript.exchanges.map(({ waitedMs, request, response }) => {
    const lines: string[] = [];
    if (waitedMs > 0) lines.push(`(waited ${formatDuration(waitedMs)})`);
    lines.push(`> ${request.method} ${request.target} HTTP/1.1`);
    for (const [name, value] of request.headers) lines.push(`> ${name}: ${value}`);
    lines.push('>');
    if (request.body !== '') lines.push(cut(request.body, maxBodyChars), '');
    const reason = reasonPhrase(response.status);
    lines.push(`< HTTP/1.1 ${response.status}${reason ? ` ${reason}` : ''}`);
    for (const [name, value] of response.headers) lines.push(`< ${name}: ${value}`);
    lines.push('<');
    if (response.body !== '') {
      const body = pretty && isJson(response) ? indentJson(response.body) : response.body;
      lines.push(cut(body, maxBodyChars));
    }
    return lines.join('\n');
  });
  if (transcript.failure) blocks.push(`(stopped) ${transcript.failure.message}`);
  return blocks.join('\n\n') + '\n';
}

function isJson(response: HttpResponse): boolean {
  const type = headerValue(response.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json')) return false;
  try {
    JSON.parse(response.body);
    return true;
  } catch {
    return false;
  }
}

function cut(body: string, max: number): string {
  const text = body.replace(/\r?\n$/, '');
  if (text.length <= max) return text;
  let end = max;
  // Never split a character made of two UTF-16 code units.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}\n… ${groupThousands(text.length - end)} more characters not shown`;
}

/**
 * Indents valid JSON by walking its text rather than parsing and re-serialising it: keys stay in
 * their order (JSON.stringify moves integer-like keys first) and numbers as written (1.0, 1e3).
 */
function indentJson(text: string): string {
  const indent = (depth: number) => '  '.repeat(depth);
  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      const next = text.slice(i + 1).search(/\S/);
      if (text.charAt(i + 1 + next) === close) {
        out += char + close;
        i += 1 + next;
      } else {
        depth++;
        out += `${char}\n${indent(depth)}`;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      out += `\n${indent(depth)}${char}`;
    } else if (char === ',') {
      out += `,\n${indent(depth)}`;
    } else if (char === ':') {
      out += ': ';
    } else if (!/\s/.test(char)) {
      out += char;
    }
  }
  return out;
}
