// The learner's request file in the HTTP labs: the part of the `.http` format that JetBrains' HTTP
// Client and VS Code's REST Client share, parsed into requests whose variables are resolved only
// when they are sent (transcript.ts), so the same file works against every seed of the service.
import { parseJsonPath, type JsonPath } from './json-path';

export interface RequestFileOptions {
  /** The lab service's host; a full URL must name it (default `shop.test`). */
  host?: string;
  maxRequests?: number;
  /** The whole file, in characters. */
  maxChars?: number;
  /** A body as written, in UTF-8 bytes (transcript.ts applies it again once variables are in). */
  maxBodyBytes?: number;
  /** One `# @wait`, in ms. */
  maxWaitMs?: number;
}

export const requestFileLimits = {
  host: 'shop.test',
  maxRequests: 30,
  maxChars: 20_000,
  maxBodyBytes: 64 * 1024,
  maxWaitMs: 60 * 60 * 1000,
} as const satisfies Required<RequestFileOptions>;

/** A `{{...}}` that is only known when the request is sent. `text` is the variable as written. */
export type Variable =
  | { kind: 'uuid'; text: string; line: number }
  | { kind: 'timestamp'; text: string; line: number }
  | { kind: 'status'; text: string; line: number; request: string }
  | { kind: 'header'; text: string; line: number; request: string; header: string }
  /** `path` null: the whole body as text. */
  | { kind: 'body'; text: string; line: number; request: string; path: JsonPath | null };

/** Text with variables in it. File variables (`@base = ...`) are already replaced by their value. */
export type Template = (string | Variable)[];

export interface ParsedHeader {
  name: string;
  value: Template;
  line: number;
}

export interface ParsedRequest {
  /** The request line's line number (1-based). */
  line: number;
  /** The last line of the request (its last header or body line). */
  endLine: number;
  /** The text after the `###` that opened the request, or null. */
  title: string | null;
  /** From `# @name`; other requests use its response through `{{name.response...}}`. */
  name: string | null;
  /** From `# @wait`: how long the service's clock moves before the request is sent. */
  waitMs: number;
  method: string;
  /** A path and query once variables are in (a full URL is reduced to one when it is sent). */
  target: Template;
  headers: ParsedHeader[];
  /** Its lines joined with "\n", whatever the file's line endings; [] for none. */
  body: Template;
  /** The body's first line, or null when there is no body. */
  bodyLine: number | null;
}

export interface RequestFile {
  requests: ParsedRequest[];
  /** The file variables with their values, as defined by `@name = value`. */
  variables: Record<string, string>;
}

/** `message` is ready to show; it starts with `line N: ` whenever `line` is not null. */
export interface ParseError {
  line: number | null;
  message: string;
}

export type ParseResult = { ok: true; file: RequestFile } | { ok: false; errors: ParseError[] };

export const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const isMethod = (word: string) => (methods as readonly string[]).includes(word);

const tokenChars = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const identifier = /^[A-Za-z_][\w-]*$/;
// JetBrains also writes `# @name = create`.
const directive = /^(?:#|\/\/)\s*@([A-Za-z][\w-]*)(?:\s*=\s*|\s+)?(.*)$/;
const fileVariableLine = /^@([^\s=]*)\s*=(.*)$/;
const separator = '###';

const isBlank = (text: string) => text.trim() === '';
const isComment = (text: string) => /^\s*(?:#|\/\/)/.test(text);

/** Quotes a line for a message, shortened so a long line doesn't drown it. */
function quote(text: string): string {
  const trimmed = text.trim();
  return `"${trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed}"`;
}

/** 20000 as "20,000": limits in messages are read at a glance. */
export function groupThousands(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export type TargetResult = { ok: true; target: string } | { ok: false; message: string };

/**
 * A request target as sent: a path with its query. A full URL must be http(s) on the lab's host
 * (a request "to" another host would reach the lab's service anyway, which would mislead); the
 * fragment is dropped, as curl does, since it never leaves the client.
 */
export function reduceTarget(text: string, host: string = requestFileLimits.host): TargetResult {
  let target: string;
  if (text.startsWith('/')) {
    target = text;
  } else {
    const url = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(text);
    if (!url) {
      return {
        ok: false,
        message: `${quote(text)} is not a target: write a path like "/orders" or a URL like "http://${host}/orders"`,
      };
    }
    const [, scheme = '', authority = '', rest = ''] = url;
    if (!['http', 'https'].includes(scheme.toLowerCase())) {
      return { ok: false, message: `${quote(text)}: only http:// and https:// URLs can be sent` };
    }
    const hostName = authority.replace(/:\d*$/, '').toLowerCase();
    if (hostName !== host.toLowerCase()) {
      return {
        ok: false,
        message: `${quote(text)} is not on this lab's service: its host is ${host}`,
      };
    }
    target = rest.startsWith('/') ? rest : `/${rest}`;
  }
  target = target.replace(/#.*$/, '');
  if (/[\s\u0000-\u001f\u007f]/.test(target)) {
    return {
      ok: false,
      message: `the target ${quote(target)} contains a space or a control character (encode a space as %20)`,
    };
  }
  return { ok: true, target };
}

/** A header line before its value's variables are read. */
interface RawHeader {
  name: string;
  value: string;
  line: number;
}

interface Reference {
  variable: Extract<Variable, { request: string }>;
  /** The index of the request that uses the variable. */
  user: number;
}

class Parser {
  readonly errors: ParseError[] = [];
  readonly requests: ParsedRequest[] = [];
  readonly variables = new Map<string, string>();
  readonly references: Reference[] = [];
  /** Requests met so far, including those whose request line is wrong. */
  private requestLines = 0;
  /** Each `# @name` by the line of its directive, so a duplicate is found at once. */
  private readonly nameLines = new Map<string, number>();
  /** The requests' names, with the position of their request among all requests met. */
  private readonly named = new Map<string, { position: number; line: number }>();
  private readonly limits: Required<RequestFileOptions>;

  constructor(options: RequestFileOptions) {
    this.limits = { ...requestFileLimits, ...options };
  }

  error(line: number | null, message: string): void {
    this.errors.push({ line, message: line === null ? message : `line ${line}: ${message}` });
  }

  parse(text: string): ParseResult {
    if (text.length > this.limits.maxChars) {
      this.error(
        null,
        `The file has ${groupThousands(text.length)} characters; a request file has at most ${groupThousands(this.limits.maxChars)}`,
      );
      return { ok: false, errors: this.errors };
    }
    const lines = text.split(/\r\n|\r|\n/);
    // Each block runs from one `###` line to the next and holds at most one request.
    let start = 0;
    let title: string | null = null;
    for (let index = 0; index <= lines.length; index++) {
      const line = lines[index];
      if (line === undefined || line.startsWith(separator)) {
        if (!this.block(lines, start, index, title)) break;
        title = line?.slice(separator.length).trim() || null;
        start = index + 1;
      }
    }
    this.checkReferences();
    if (this.errors.length === 0 && this.requests.length === 0) {
      this.error(null, 'There is no request to send');
    }
    if (this.errors.length > 0) {
      this.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      return { ok: false, errors: this.errors };
    }
    return {
      ok: true,
      file: { requests: this.requests, variables: Object.fromEntries(this.variables) },
    };
  }

  /** Parses lines[start, end); false once the request limit is passed, to stop there. */
  private block(lines: string[], start: number, end: number, title: string | null): boolean {
    let name: { value: string; line: number } | null = null;
    let wait: { ms: number; line: number } | null = null;
    let index = start;

    // Comments, directives and file variables, up to the request line.
    for (; index < end; index++) {
      const text = lines[index] ?? '';
      const line = index + 1;
      if (isBlank(text)) continue;
      const found = directive.exec(text.trim());
      if (found) {
        const [, key = '', argument = ''] = found;
        if (key === 'name') {
          if (name) this.error(line, `this request already has a name (line ${name.line})`);
          else if (this.checkName(argument.trim(), line)) name = { value: argument.trim(), line };
        } else if (key === 'wait') {
          if (wait) this.error(line, `this request already has a @wait (line ${wait.line})`);
          else {
            const ms = this.waitOf(argument.trim(), line);
            if (ms !== null) wait = { ms, line };
          }
        } else {
          this.error(line, `unknown directive "@${key}" (there are "# @name" and "# @wait")`);
        }
        continue;
      }
      if (isComment(text)) continue;
      if (text.trimStart().startsWith('@')) {
        this.fileVariable(text.trim(), line);
        continue;
      }
      break;
    }

    if (index === end) {
      const orphan = name ?? wait;
      if (orphan) this.error(orphan.line, 'there is no request after this directive');
      return true;
    }
    if (this.requestLines === this.limits.maxRequests) {
      this.error(
        index + 1,
        `a request file has at most ${this.limits.maxRequests} requests; this is one more`,
      );
      return false;
    }
    this.requestLines++;
    this.request(lines, index, end, {
      title,
      name: name?.value ?? null,
      waitMs: wait?.ms ?? 0,
    });
    return true;
  }

  private request(
    lines: string[],
    start: number,
    end: number,
    about: Pick<ParsedRequest, 'title' | 'name' | 'waitMs'>,
  ): void {
    const line = start + 1;
    const requestLine = this.requestLine(lines[start] ?? '', line);
    const headers: RawHeader[] = [];
    let endLine = line;
    let index = start + 1;

    for (; index < end; index++) {
      const text = lines[index] ?? '';
      if (isBlank(text)) break;
      if (directive.test(text.trim())) {
        this.error(index + 1, 'a directive goes above the request line it is for');
        continue;
      }
      if (isComment(text)) continue;
      const header = this.header(text, index + 1);
      if (header) headers.push(header);
      endLine = index + 1;
    }

    const bodyLines: { text: string; line: number }[] = [];
    for (index++; index < end; index++) {
      const text = lines[index] ?? '';
      const previous = bodyLines.at(-1);
      const startsAnew = previous === undefined || isBlank(previous.text);
      if (startsAnew && (looksLikeRequestLine(text) || directive.test(text.trim()))) {
        this.error(
          index + 1,
          `${quote(text)} looks like the start of another request: put a line starting with ### before it`,
        );
      }
      bodyLines.push({ text, line: index + 1 });
    }
    while (bodyLines.length > 0 && isBlank(bodyLines[0]?.text ?? '')) bodyLines.shift();
    while (bodyLines.length > 0 && isBlank(bodyLines.at(-1)?.text ?? '')) bodyLines.pop();

    // The request's position among all requests met, even one whose request line is wrong, so
    // that the order checkReferences compares is the file's.
    const user = this.requestLines - 1;
    if (about.name !== null) this.named.set(about.name, { position: user, line });
    const body: Template = [];
    for (const [i, bodyLine] of bodyLines.entries()) {
      if (i > 0) append(body, '\n');
      for (const part of this.template(bodyLine.text, bodyLine.line, user)) append(body, part);
    }
    const first = bodyLines[0];
    if (first) {
      endLine = bodyLines.at(-1)?.line ?? endLine;
      const bytes = byteLength(bodyLines.map((b) => b.text).join('\n'));
      if (bytes > this.limits.maxBodyBytes) {
        this.error(
          first.line,
          `this body has ${groupThousands(bytes)} bytes; a body has at most ${formatBytes(this.limits.maxBodyBytes)}`,
        );
      }
    }

    if (!requestLine) return;
    this.requests.push({
      line,
      endLine,
      ...about,
      method: requestLine.method,
      target: this.target(requestLine.target, line, user),
      headers: headers.map((h) => ({ ...h, value: this.template(h.value, h.line, user) })),
      body,
      bodyLine: first?.line ?? null,
    });
  }

  private requestLine(text: string, line: number): { method: string; target: string } | null {
    const [method = ''] = text.trim().split(/\s+/);
    if (!isMethod(method)) {
      if (isMethod(method.toUpperCase())) {
        this.error(
          line,
          `unknown method "${method}": methods are written in capitals (${method.toUpperCase()})`,
        );
      } else if (/^[A-Z]+$/.test(method)) {
        this.error(
          line,
          `unknown method "${method}" (use ${methods.slice(0, -1).join(', ')} or ${methods.at(-1)})`,
        );
      } else if (/^(?:\/|https?:\/\/)/i.test(method)) {
        // JetBrains' client takes a bare URL as a GET; this file wants the method written.
        this.error(line, `${quote(text)} has no method: write it like "GET ${method}"`);
      } else {
        this.error(
          line,
          `${quote(text)} is not a request line (a request starts with a line like "GET /orders")`,
        );
      }
      return null;
    }
    let rest = text.trim().slice(method.length).trim();
    const version = /\s+(HTTP\/\S*)$/i.exec(rest) ?? /^(HTTP\/\S*)$/i.exec(rest);
    if (version) {
      if (version[1] !== 'HTTP/1.1') {
        this.error(line, `only HTTP/1.1 is simulated, not "${version[1]}"`);
        return null;
      }
      rest = rest.slice(0, version.index).trim();
    }
    if (rest === '') {
      this.error(line, `"${method}" has no target: write it like "${method} /orders"`);
      return null;
    }
    if (/\s/.test(rest.replace(/\{\{.*?\}\}/g, ''))) {
      this.error(line, `the target ${quote(rest)} contains a space (encode it as %20)`);
      return null;
    }
    return { method, target: rest };
  }

  private header(text: string, line: number): RawHeader | null {
    const colon = text.indexOf(':');
    // JSON has colons too: a body written without its blank line must not read as a bad name.
    const bodyLike = /^\s*[{[]/.test(text);
    if (colon < 0 || bodyLike) {
      const hint = bodyLike ? '; a body comes after a blank line' : '';
      this.error(line, `${quote(text)} is not a header (a header is "Name: value")${hint}`);
      return null;
    }
    const name = text.slice(0, colon);
    if (!tokenChars.test(name)) {
      this.error(
        line,
        `"${name}" is not a header name (letters, digits and !#$%&'*+-.^_\`|~, no spaces)`,
      );
      return null;
    }
    return { name, value: text.slice(colon + 1).trim(), line };
  }

  private target(text: string, line: number, user: number): Template {
    const target = this.template(text, line, user);
    const [only] = target;
    // A target with variables is checked once they are in (transcript.ts).
    if (target.length === 1 && typeof only === 'string') {
      const reduced = reduceTarget(only, this.limits.host);
      if (!reduced.ok) this.error(line, reduced.message);
      else return [reduced.target];
    }
    return target;
  }

  private checkName(name: string, line: number): boolean {
    if (!identifier.test(name)) {
      this.error(
        line,
        name === ''
          ? '"# @name" needs a name, like "# @name create"'
          : `"${name}" is not a request name (letters, digits, _ and -, starting with a letter or _)`,
      );
      return false;
    }
    const taken = this.nameLines.get(name);
    if (taken !== undefined) {
      this.error(line, `"${name}" already names another request (line ${taken})`);
      return false;
    }
    this.nameLines.set(name, line);
    return true;
  }

  private waitOf(text: string, line: number): number | null {
    const found = /^(\d+(?:\.\d+)?)\s*(ms|s)$/.exec(text);
    if (!found) {
      this.error(
        line,
        `${quote(text)} is not a wait: write it like "# @wait 2s" or "# @wait 500ms"`,
      );
      return null;
    }
    const ms = Math.round(Number(found[1]) * (found[2] === 's' ? 1000 : 1));
    if (ms > this.limits.maxWaitMs) {
      this.error(line, `a wait is at most ${formatDuration(this.limits.maxWaitMs)}`);
      return null;
    }
    return ms;
  }

  private fileVariable(text: string, line: number): void {
    const found = fileVariableLine.exec(text);
    if (!found) {
      const word = /^@(\w+)/.exec(text)?.[1];
      this.error(
        line,
        word === 'name' || word === 'wait'
          ? `${quote(text)} is a directive only in a comment: write "# ${text}"`
          : `${quote(text)} is not a file variable (a file variable is "@name = value")`,
      );
      return;
    }
    const [, name = '', rawValue = ''] = found;
    if (this.requestLines > 0) {
      this.error(line, 'file variables ("@name = value") go before the first request');
      return;
    }
    if (!identifier.test(name)) {
      this.error(
        line,
        `"${name}" is not a variable name (letters, digits, _ and -, starting with a letter or _)`,
      );
      return;
    }
    if (this.variables.has(name)) {
      this.error(line, `the file variable "${name}" is already defined`);
      return;
    }
    let value = '';
    for (const part of scanVariables(rawValue.trim())) {
      if (part.kind === 'text') {
        value += part.text;
      } else if (part.kind === 'unclosed') {
        this.error(line, `"{{" is not closed by "}}" on this line`);
      } else if (this.variables.has(part.inner)) {
        value += this.variables.get(part.inner);
      } else {
        this.error(
          line,
          `${part.text}: a file variable can only use the file variables defined above it`,
        );
      }
    }
    this.variables.set(name, value);
  }

  /** Reads the `{{...}}` in a line of the request used by request number `user`. */
  private template(text: string, line: number, user: number): Template {
    const template: Template = [];
    for (const part of scanVariables(text)) {
      if (part.kind === 'text') {
        append(template, part.text);
      } else if (part.kind === 'unclosed') {
        this.error(line, `"{{" is not closed by "}}" on this line`);
        append(template, part.text);
      } else {
        const variable = this.variable(part.text, part.inner, line, user);
        if (variable !== null) append(template, variable);
      }
    }
    return template;
  }

  private variable(
    text: string,
    inner: string,
    line: number,
    user: number,
  ): Variable | string | null {
    if (inner.startsWith('$')) {
      if (['$uuid', '$random.uuid', '$guid'].includes(inner)) return { kind: 'uuid', text, line };
      if (inner === '$timestamp') return { kind: 'timestamp', text, line };
      this.error(
        line,
        `${text} is not a built-in variable (there are {{$uuid}} and {{$timestamp}})`,
      );
      return null;
    }
    if (identifier.test(inner)) {
      const value = this.variables.get(inner);
      if (value !== undefined) return value;
      const request = this.nameLines.has(inner)
        ? `; to use the response of the request "${inner}", write {{${inner}.response.body.$.id}}, {{${inner}.response.headers.Name}} or {{${inner}.response.status}}`
        : ` (define it before the first request with "@${inner} = value")`;
      this.error(line, `${text}: there is no file variable "${inner}"${request}`);
      return null;
    }
    const found = /^([A-Za-z_][\w-]*)\.response\.(status|headers|body)(?:\.(.*))?$/.exec(inner);
    const [, request = '', part = '', rest] = found ?? [];
    let variable: Variable | null = null;
    if (part === 'status' && rest === undefined) {
      variable = { kind: 'status', text, line, request };
    } else if (part === 'headers' && rest !== undefined && tokenChars.test(rest)) {
      variable = { kind: 'header', text, line, request, header: rest };
    } else if (part === 'body' && (rest === undefined || rest === '*')) {
      variable = { kind: 'body', text, line, request, path: null };
    } else if (part === 'body' && rest !== undefined) {
      const path = parseJsonPath(rest);
      if (!path) {
        this.error(line, `${text}: "${rest}" is not a JSON path (a path is like $.items[0].id)`);
        return null;
      }
      variable = { kind: 'body', text, line, request, path };
    }
    if (!variable) {
      this.error(
        line,
        `${text} is not a variable: a response is used as {{name.response.status}}, {{name.response.headers.Name}} or {{name.response.body.$.path}}`,
      );
      return null;
    }
    this.references.push({ variable, user });
    return variable;
  }

  /** Done once every request is read: a variable may only use a request sent before its own. */
  private checkReferences(): void {
    for (const { variable, user } of this.references) {
      const request = this.named.get(variable.request);
      if (request === undefined) {
        this.error(
          variable.line,
          `${variable.text}: no request is named "${variable.request}" (name one with "# @name ${variable.request}" above its request line)`,
        );
      } else if (request.position === user) {
        this.error(variable.line, `${variable.text}: a request cannot use its own response`);
      } else if (request.position > user) {
        this.error(
          variable.line,
          `${variable.text}: the request "${variable.request}" comes later (line ${request.line}); a request can only use the responses before it`,
        );
      }
    }
  }
}

type Scanned =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; text: string; inner: string }
  | { kind: 'unclosed'; text: string };

/** Splits a line into text and `{{...}}`; spaces inside the braces are allowed, as in REST Client. */
function scanVariables(text: string): Scanned[] {
  const parts: Scanned[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) {
      parts.push(
        { kind: 'text', text: rest.slice(0, open) },
        { kind: 'unclosed', text: rest.slice(open) },
      );
      return parts;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const whole = rest.slice(open, close + 2);
    parts.push({ kind: 'variable', text: whole, inner: whole.slice(2, -2).trim() });
    rest = rest.slice(close + 2);
  }
  if (rest.length > 0) parts.push({ kind: 'text', text: rest });
  return parts;
}

/** Adds to a template, joining neighbouring text so a template without variables is one string. */
function append(template: Template, part: string | Variable): void {
  const last = template.at(-1);
  if (typeof part === 'string') {
    if (part === '') return;
    if (typeof last === 'string') template[template.length - 1] = last + part;
    else template.push(part);
  } else {
    template.push(part);
  }
}

function looksLikeRequestLine(text: string): boolean {
  const [method = '', target = ''] = text.trim().split(/\s+/);
  return isMethod(method) && /^(?:\/|https?:\/\/|\{\{)/i.test(target);
}

export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0
    ? `${groupThousands(bytes / 1024)} KiB (${groupThousands(bytes)} bytes)`
    : `${groupThousands(bytes)} bytes`;
}

/** `2 s`, `1.5 s`, `500 ms`: how the file writes a wait, with a space for reading. */
export function formatDuration(ms: number): string {
  return ms >= 1000 || ms === 0 ? `${groupThousands(ms / 1000)} s` : `${ms} ms`;
}

/** Reads a request file; every problem is reported, each at its line. */
export function parseRequestFile(text: string, options: RequestFileOptions = {}): ParseResult {
  return new Parser(options).parse(text);
}
