// The HTTP labs' request file: parsing, sending to a service with variables resolved from earlier
// responses, and the curl-style transcript.
import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, parseJsonPath } from '@/lib/labs/http/json-path';
import {
  headerValue,
  type HttpRequest,
  type HttpResponse,
  type HttpService,
} from '@/lib/labs/http/message';
import {
  parseRequestFile,
  type RequestFile,
  type RequestFileOptions,
} from '@/lib/labs/http/request-file';
import { formatTranscript, reasonPhrase, sendRequests } from '@/lib/labs/http/transcript';

/**
 * A small service: `/echo` answers with the request it got, `POST /items` creates an item (its id
 * and ETag depend on the seed, as the real service's hidden variants do), `/items/{id}` honours
 * If-None-Match, `/slow` asks to retry after 2 s of its clock, `/page` is HTML, `/broken` throws.
 */
class FakeService implements HttpService {
  readonly received: HttpRequest[] = [];
  private clock = Date.UTC(2026, 0, 1, 12);
  private nextId: number;
  private readonly readyAt: number;

  constructor(seed = 1) {
    this.nextId = seed * 100;
    this.readyAt = this.clock + 2000;
  }

  handle(request: HttpRequest): HttpResponse {
    this.received.push(request);
    const json = (status: number, body: unknown, headers: [string, string][] = []) => ({
      status,
      headers: [['Content-Type', 'application/json'] as const, ...headers],
      body: JSON.stringify(body),
    });
    if (request.target === '/echo') {
      return {
        status: 200,
        headers: [['Content-Type', 'text/plain']],
        body: `${request.method} ${request.target}\n${request.body}`,
      };
    }
    if (request.method === 'POST' && request.target === '/items') {
      const id = this.nextId++;
      return json(
        201,
        { id: `it_${id}`, owner: { name: 'Ada' }, tags: [{ name: 'new' }, { name: 'blue' }] },
        [
          ['Location', `http://shop.test/items/it_${id}`],
          ['ETag', `"v1-${id}"`],
        ],
      );
    }
    const item = /^\/items\/it_(\d+)$/.exec(request.target);
    if (item) {
      const etag = `"v1-${item[1]}"`;
      if (headerValue(request.headers, 'If-None-Match') === etag) {
        return { status: 304, headers: [['ETag', etag]], body: '' };
      }
      return json(200, { id: `it_${item[1]}` }, [['ETag', etag]]);
    }
    if (request.target === '/slow') {
      if (this.clock < this.readyAt) {
        return { status: 429, headers: [['Retry-After', '2']], body: '' };
      }
      return { status: 200, headers: [], body: 'ready' };
    }
    if (request.target === '/page') {
      return { status: 200, headers: [['Content-Type', 'text/html']], body: '<p>hi</p>' };
    }
    if (request.target === '/broken') throw new Error('no route');
    return { status: 404, headers: [], body: '' };
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  now(): number {
    return this.clock;
  }
}

function parse(text: string, options?: RequestFileOptions): RequestFile {
  const result = parseRequestFile(text, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.file;
}

function errorsOf(text: string, options?: RequestFileOptions): string[] {
  const result = parseRequestFile(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map((e) => e.message);
}

const lines = (...text: string[]) => text.join('\n');

describe('parseRequestFile', () => {
  it('reads requests with their titles, names, waits, headers, bodies and line numbers', () => {
    const file = parse(
      lines(
        '@base = http://shop.test', // 1
        '@limit = 2', // 2
        '', // 3
        '### Create an item', // 4
        '# @name create', // 5
        '// a comment', // 6
        'POST {{base}}/items HTTP/1.1', // 7
        'Content-Type: application/json', // 8
        '# between headers', // 9
        'Accept:application/json', // 10
        '', // 11
        '{', // 12
        '  "name": "lamp",', // 13
        '', // 14
        '  "size": 2', // 15
        '}', // 16
        '', // 17
        '', // 18
        '###', // 19
        '# @wait 2s', // 20
        'GET /items?limit={{limit}}', // 21
        '###', // 22
      ),
    );
    expect(file.variables).toEqual({ base: 'http://shop.test', limit: '2' });
    expect(file.requests).toEqual([
      {
        line: 7,
        endLine: 16,
        title: 'Create an item',
        name: 'create',
        waitMs: 0,
        method: 'POST',
        target: ['/items'],
        headers: [
          { name: 'Content-Type', value: ['application/json'], line: 8 },
          { name: 'Accept', value: ['application/json'], line: 10 },
        ],
        body: ['{\n  "name": "lamp",\n\n  "size": 2\n}'],
        bodyLine: 12,
      },
      {
        line: 21,
        endLine: 21,
        title: null,
        name: null,
        waitMs: 2000,
        method: 'GET',
        target: ['/items?limit=2'],
        headers: [],
        body: [],
        bodyLine: null,
      },
    ]);
  });

  it('reads CRLF files, a request before any ###, and waits in ms or decimal seconds', () => {
    const file = parse(
      'GET /a\r\nAccept: text/plain\r\n\r\nhello\r\nworld\r\n\r\n###\r\n// @wait 250ms\r\nGET /b\r\n###\r\n# @wait = 1.5s\r\n# @name = c\r\nDELETE /c\r\n',
    );
    expect(file.requests.map((r) => [r.line, r.method, r.target, r.waitMs])).toEqual([
      [1, 'GET', ['/a'], 0],
      [9, 'GET', ['/b'], 250],
      [13, 'DELETE', ['/c'], 1500],
    ]);
    expect(file.requests[0]?.body).toEqual(['hello\nworld']);
    expect(file.requests[0]?.headers[0]?.value).toEqual(['text/plain']);
    expect(file.requests[2]?.name).toBe('c');
  });

  it('reduces a full URL on the lab host to its path and query, dropping the fragment', () => {
    const file = parse(
      lines(
        'GET https://SHOP.test:8443/items?x=1#top',
        '###',
        'GET http://shop.test',
        '###',
        'GET http://shop.test?page=2',
      ),
    );
    expect(file.requests.map((r) => r.target)).toEqual([['/items?x=1'], ['/'], ['/?page=2']]);
  });

  it('keeps the variables of the target, headers and body for the time of sending', () => {
    const file = parse(
      lines(
        '# @name create',
        'POST /items',
        '',
        '###',
        'PUT {{create.response.headers.Location}}',
        'If-Match: {{ create.response.headers.etag }}',
        'X-Request-Id: {{$uuid}}',
        '',
        '{"owner": {{create.response.body.$.owner}}, "at": {{$timestamp}},',
        ' "tag": "{{create.response.body.tags[1].name}}", "was": {{create.response.status}}}',
      ),
    );
    const put = file.requests[1];
    expect(put?.target).toEqual([
      {
        kind: 'header',
        text: '{{create.response.headers.Location}}',
        line: 5,
        request: 'create',
        header: 'Location',
      },
    ]);
    expect(put?.headers.map((h) => h.value)).toEqual([
      [
        {
          kind: 'header',
          text: '{{ create.response.headers.etag }}',
          line: 6,
          request: 'create',
          header: 'etag',
        },
      ],
      [{ kind: 'uuid', text: '{{$uuid}}', line: 7 }],
    ]);
    expect(put?.body).toEqual([
      '{"owner": ',
      {
        kind: 'body',
        text: '{{create.response.body.$.owner}}',
        line: 9,
        request: 'create',
        path: ['owner'],
      },
      ', "at": ',
      { kind: 'timestamp', text: '{{$timestamp}}', line: 9 },
      ',\n "tag": "',
      {
        kind: 'body',
        text: '{{create.response.body.tags[1].name}}',
        line: 10,
        request: 'create',
        path: ['tags', 1, 'name'],
      },
      '", "was": ',
      { kind: 'status', text: '{{create.response.status}}', line: 10, request: 'create' },
      '}',
    ]);
  });

  it('lets a file variable use the ones above it', () => {
    const file = parse(lines('@host = shop.test', '@base = http://{{host}}/v1', 'GET {{base}}/x'));
    expect(file.variables.base).toBe('http://shop.test/v1');
    expect(file.requests[0]?.target).toEqual(['/v1/x']);
  });

  it('reports a line that is not a header, with a hint when it is a body without its blank line', () => {
    expect(errorsOf(lines('POST /items', 'Content-Type application/json'))).toEqual([
      'line 2: "Content-Type application/json" is not a header (a header is "Name: value")',
    ]);
    expect(errorsOf(lines('POST /items', 'Content-Type: application/json', '{"a": 1}'))).toEqual([
      'line 3: "{"a": 1}" is not a header (a header is "Name: value"); a body comes after a blank line',
    ]);
  });

  it('reports a header name with characters HTTP does not allow', () => {
    expect(
      errorsOf(lines('GET /a', 'Content Type: text/plain', 'X-Ok: 1', 'Bad(name): 2')),
    ).toEqual([
      'line 2: "Content Type" is not a header name (letters, digits and !#$%&\'*+-.^_`|~, no spaces)',
      'line 4: "Bad(name)" is not a header name (letters, digits and !#$%&\'*+-.^_`|~, no spaces)',
    ]);
  });

  it('reports wrong request lines', () => {
    expect(errorsOf('FETCH /items')).toEqual([
      'line 1: unknown method "FETCH" (use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS)',
    ]);
    expect(errorsOf('\n\nget /items')).toEqual([
      'line 3: unknown method "get": methods are written in capitals (GET)',
    ]);
    expect(errorsOf('Accept: text/plain')).toEqual([
      'line 1: "Accept: text/plain" is not a request line (a request starts with a line like "GET /orders")',
    ]);
    expect(errorsOf('/items?limit=2')).toEqual([
      'line 1: "/items?limit=2" has no method: write it like "GET /items?limit=2"',
    ]);
    expect(errorsOf('DELETE')).toEqual([
      'line 1: "DELETE" has no target: write it like "DELETE /orders"',
    ]);
    expect(errorsOf('GET /items HTTP/2')).toEqual([
      'line 1: only HTTP/1.1 is simulated, not "HTTP/2"',
    ]);
    expect(errorsOf('GET /my items')).toEqual([
      'line 1: the target "/my items" contains a space (encode it as %20)',
    ]);
  });

  it('refuses targets that are not a path or a URL of the lab host', () => {
    expect(errorsOf('GET items')).toEqual([
      'line 1: "items" is not a target: write a path like "/orders" or a URL like "http://shop.test/orders"',
    ]);
    expect(errorsOf('GET http://example.com/items')).toEqual([
      'line 1: "http://example.com/items" is not on this lab\'s service: its host is shop.test',
    ]);
    expect(errorsOf('GET ftp://shop.test/items')).toEqual([
      'line 1: "ftp://shop.test/items": only http:// and https:// URLs can be sent',
    ]);
    expect(parse('GET http://api.test/x', { host: 'api.test' }).requests[0]?.target).toEqual([
      '/x',
    ]);
  });

  it('says there is nothing to send in an empty file or one of comments', () => {
    expect(errorsOf('')).toEqual(['There is no request to send']);
    expect(errorsOf(lines('# just a note', '###', '', '// another', '###'))).toEqual([
      'There is no request to send',
    ]);
  });

  it('reports variables that use a request without that name, a later one or its own', () => {
    expect(
      errorsOf(
        lines(
          'GET /items/{{creat.response.body.$.id}}', // 1
          '###', // 2
          '# @name first', // 3
          'GET /a', // 4
          'X-Then: {{second.response.status}}', // 5
          'X-Self: {{first.response.status}}', // 6
          '###', // 7
          '# @name second', // 8
          'GET /b', // 9
        ),
      ),
    ).toEqual([
      'line 1: {{creat.response.body.$.id}}: no request is named "creat" (name one with "# @name creat" above its request line)',
      'line 5: {{second.response.status}}: the request "second" comes later (line 9); a request can only use the responses before it',
      'line 6: {{first.response.status}}: a request cannot use its own response',
    ]);
  });

  it('orders the requests as the file does even when a request line is wrong', () => {
    expect(
      errorsOf(lines('# @name a', 'get /x', '###', 'GET /{{a.response.status}}', '###', 'GET /y')),
    ).toEqual(['line 2: unknown method "get": methods are written in capitals (GET)']);
  });

  it('reports unknown, misspelt and unclosed variables', () => {
    expect(
      errorsOf(
        lines(
          '# @name create', // 1
          'POST /items', // 2
          '###', // 3
          'GET /a?b={{base}}', // 4
          'X-Id: {{$guuid}}', // 5
          'X-Who: {{create}}', // 6
          'X-Where: {{create.response.header.Location}}', // 7
          'X-What: {{create.response.body.$.items[first]}}', // 8
          'X-Open: {{create.response.status', // 9
        ),
      ),
    ).toEqual([
      'line 4: {{base}}: there is no file variable "base" (define it before the first request with "@base = value")',
      'line 5: {{$guuid}} is not a built-in variable (there are {{$uuid}} and {{$timestamp}})',
      'line 6: {{create}}: there is no file variable "create"; to use the response of the request "create", write {{create.response.body.$.id}}, {{create.response.headers.Name}} or {{create.response.status}}',
      'line 7: {{create.response.header.Location}} is not a variable: a response is used as {{name.response.status}}, {{name.response.headers.Name}} or {{name.response.body.$.path}}',
      'line 8: {{create.response.body.$.items[first]}}: "$.items[first]" is not a JSON path (a path is like $.items[0].id)',
      'line 9: "{{" is not closed by "}}" on this line',
    ]);
  });

  it('reports misplaced or wrong file variables and directives', () => {
    expect(
      errorsOf(
        lines(
          '@base = {{host}}', // 1
          '@base = again', // 2
          '@name create', // 3
          '# @name 2nd', // 4
          '# @wait 2', // 5
          '# @retry 3', // 6
          'GET /a', // 7
          '# @name late', // 8
          '', // 9
          '###', // 10
          '@after = 1', // 11
          '# @wait 2h', // 12
          '# @name one', // 13
          '# @name two', // 14
          '# @wait 90000s', // 15
          'GET /b', // 16
          '###', // 17
          '# @name one', // 18
          'GET /c', // 19
          '###', // 20
          '# @name lonely', // 21
        ),
      ),
    ).toEqual([
      'line 1: {{host}}: a file variable can only use the file variables defined above it',
      'line 2: the file variable "base" is already defined',
      'line 3: "@name create" is a directive only in a comment: write "# @name create"',
      'line 4: "2nd" is not a request name (letters, digits, _ and -, starting with a letter or _)',
      'line 5: "2" is not a wait: write it like "# @wait 2s" or "# @wait 500ms"',
      'line 6: unknown directive "@retry" (there are "# @name" and "# @wait")',
      'line 8: a directive goes above the request line it is for',
      'line 11: file variables ("@name = value") go before the first request',
      'line 12: "2h" is not a wait: write it like "# @wait 2s" or "# @wait 500ms"',
      'line 14: this request already has a name (line 13)',
      'line 15: a wait is at most 3,600 s',
      'line 18: "one" already names another request (line 13)',
      'line 21: there is no request after this directive',
    ]);
  });

  it('notices a second request written without its ### line', () => {
    expect(
      errorsOf(lines('POST /items', 'Content-Type: text/plain', '', 'a body', '', 'GET /items')),
    ).toEqual([
      'line 6: "GET /items" looks like the start of another request: put a line starting with ### before it',
    ]);
    expect(errorsOf(lines('GET /a', '', '# @name next', 'GET /b'))).toEqual([
      'line 3: "# @name next" looks like the start of another request: put a line starting with ### before it',
    ]);
  });

  it('refuses a file, a request count or a body over the limits, naming the limit', () => {
    expect(errorsOf('GET /a\n'.padEnd(20_001, ' '))).toEqual([
      'The file has 20,001 characters; a request file has at most 20,000',
    ]);
    const many = Array.from({ length: 31 }, (_, i) => `GET /r${i}`).join('\n###\n');
    expect(errorsOf(many)).toEqual([
      'line 61: a request file has at most 30 requests; this is one more',
    ]);
    expect(
      parse(Array.from({ length: 30 }, (_, i) => `GET /r${i}`).join('\n###\n')).requests,
    ).toHaveLength(30);
    // Within 20,000 characters a body cannot reach 64 KiB: the limit is for a larger maxChars
    // (and for bodies that variables make longer, see sendRequests).
    const large = { maxChars: 100_000 };
    expect(errorsOf(lines('POST /items', '', 'x'.repeat(64 * 1024 + 1)), large)).toEqual([
      'line 3: this body has 65,537 bytes; a body has at most 64 KiB (65,536 bytes)',
    ]);
    expect(
      parse(lines('POST /items', '', 'é'.repeat(3)), { maxBodyBytes: 6 }).requests,
    ).toHaveLength(1);
    expect(errorsOf(lines('POST /items', '', 'é'.repeat(3)), { maxBodyBytes: 5 })).toEqual([
      'line 3: this body has 6 bytes; a body has at most 5 bytes',
    ]);
    expect(errorsOf('GET /a\n###\nGET /b', { maxRequests: 1 })).toEqual([
      'line 3: a request file has at most 1 requests; this is one more',
    ]);
  });
});

describe('parseJsonPath', () => {
  it('reads paths with or without $, with indexes and quoted keys', () => {
    expect(parseJsonPath('$.items[0].id')).toEqual(['items', 0, 'id']);
    expect(parseJsonPath('items[0].id')).toEqual(['items', 0, 'id']);
    expect(parseJsonPath('$.id')).toEqual(['id']);
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath("$['odd key'][2]")).toEqual(['odd key', 2]);
    expect(parseJsonPath('[1].x')).toEqual([1, 'x']);
    for (const wrong of ['$.', '$..a', 'a[', 'a[-1]', '$x', 'a b']) {
      expect(parseJsonPath(wrong), wrong).toBeNull();
    }
  });

  it('says what it found instead when a path does not match', () => {
    const value = { items: [{ id: 7 }], n: 1 };
    expect(evaluateJsonPath(value, ['items', 0, 'id'])).toEqual({ found: true, value: 7 });
    expect(evaluateJsonPath(value, ['items', 1])).toEqual({
      found: false,
      reason: '$.items has 1 item',
    });
    expect(evaluateJsonPath(value, ['item'])).toEqual({ found: false, reason: '$ has items, n' });
    expect(evaluateJsonPath(value, ['n', 'x'])).toEqual({
      found: false,
      reason: '$.n is a number',
    });
    expect(evaluateJsonPath(value, ['items', 'id'])).toEqual({
      found: false,
      reason: '$.items is an array (use an index like $.items[0])',
    });
  });
});

describe('sendRequests', () => {
  const createThenUse = lines(
    '# @name create', // 1
    'POST http://shop.test/items', // 2
    'Content-Type: application/json', // 3
    '', // 4
    '{"name": "lamp"}', // 5
    '###', // 6
    'GET {{create.response.headers.location}}', // 7
    'If-None-Match: {{create.response.headers.ETag}}', // 8
    '###', // 9
    'POST /echo', // 10
    '', // 11
    'id={{create.response.body.$.id}} owner={{create.response.body.owner}}', // 12
    'tag={{create.response.body.$.tags[1].name}} status={{create.response.status}}', // 13
  );

  it('uses values of earlier responses, so the file works against any seed', () => {
    for (const seed of [1, 7]) {
      const service = new FakeService(seed);
      const transcript = sendRequests(parse(createThenUse), service);
      expect(transcript.failure).toBeUndefined();
      const id = seed * 100;
      const [create, get, echo] = transcript.exchanges;
      expect(create?.response.status).toBe(201);
      expect(get?.request).toEqual({
        method: 'GET',
        target: `/items/it_${id}`,
        headers: [
          ['Host', 'shop.test'],
          ['If-None-Match', `"v1-${id}"`],
        ],
        body: '',
      });
      expect(get?.response.status).toBe(304);
      expect(echo?.request.body).toBe(`id=it_${id} owner={"name":"Ada"}\ntag=blue status=201`);
      expect(service.received).toHaveLength(3);
    }
  });

  it('puts a whole body in as it was received, keys in their order', () => {
    const file = parse(
      lines(
        '# @name c',
        'POST /items',
        '###',
        'POST /echo',
        '',
        '{{c.response.body.$}}|{{c.response.body}}|{{c.response.body.*}}',
      ),
    );
    const [create, echo] = sendRequests(file, new FakeService()).exchanges;
    const body = create?.response.body ?? '';
    expect(body).toContain('"id":"it_100"');
    expect(echo?.request.body).toBe(`${body}|${body}|${body}`);
  });

  it('reduces a URL made of file and response variables once they are in', () => {
    const transcript = sendRequests(
      parse(
        lines(
          '@base = http://shop.test',
          '# @name c',
          'POST {{base}}/items',
          '###',
          'GET {{base}}/items/{{c.response.body.id}}',
        ),
      ),
      new FakeService(3),
    );
    expect(transcript.exchanges.map((e) => `${e.request.target} ${e.response.status}`)).toEqual([
      '/items 201',
      '/items/it_300 200',
    ]);
  });

  it('adds Host and a Content-Length in bytes where curl would, and nothing else', () => {
    const service = new FakeService();
    const transcript = sendRequests(
      parse(
        lines(
          'POST /echo',
          'host: other.test',
          '',
          'café',
          '###',
          'POST /echo',
          'Content-Length: 99',
          '',
          'x',
        ),
      ),
      service,
    );
    expect(transcript.exchanges.map((e) => e.request.headers)).toEqual([
      [
        ['host', 'other.test'],
        ['Content-Length', '5'],
      ],
      [
        ['Host', 'shop.test'],
        ['Content-Length', '99'],
      ],
    ]);
  });

  it('waits on the service clock before a request, as Retry-After asks', () => {
    const service = new FakeService();
    const start = service.now();
    const transcript = sendRequests(
      parse(lines('GET /slow', '###', '# @wait 2s', 'GET /slow', 'X-At: {{$timestamp}}')),
      service,
    );
    expect(transcript.exchanges.map((e) => [e.waitedMs, e.at - start, e.response.status])).toEqual([
      [0, 0, 429],
      [2000, 2000, 200],
    ]);
    expect(transcript.exchanges[1]?.request.headers[1]).toEqual([
      'X-At',
      String(Math.floor((start + 2000) / 1000)),
    ]);
    expect(service.now() - start).toBe(2000);
  });

  it('stops at a variable without a value, keeping the exchanges made before it', () => {
    const service = new FakeService();
    const transcript = sendRequests(
      parse(
        lines(
          '# @name create',
          'POST /items',
          '###',
          'GET /echo',
          '###',
          'GET /items/{{create.response.body.$.id}}',
          'If-Match: {{create.response.headers.Last-Modified}}',
          '###',
          'GET /echo',
        ),
      ),
      service,
    );
    expect(transcript.exchanges.map((e) => e.line)).toEqual([2, 4]);
    expect(transcript.failure).toEqual({
      line: 7,
      message:
        'line 7: {{create.response.headers.Last-Modified}}: the response to "create" (line 2) has no Last-Modified header',
    });
    expect(service.received).toHaveLength(2);
  });

  it('explains a body that is not JSON and a path that is not in it', () => {
    const notJson = sendRequests(
      parse(lines('# @name page', 'GET /page', '###', 'GET /items/{{page.response.body.$.id}}')),
      new FakeService(),
    );
    expect(notJson.failure?.message).toBe(
      'line 4: {{page.response.body.$.id}}: the body of the response to "page" (line 2) is not JSON (it is text/html)',
    );
    const missing = sendRequests(
      parse(lines('# @name c', 'POST /items', '###', 'GET /x/{{c.response.body.tags[2].name}}')),
      new FakeService(),
    );
    expect(missing.exchanges).toHaveLength(1);
    expect(missing.failure?.message).toBe(
      'line 4: {{c.response.body.tags[2].name}}: the body of the response to "c" (line 2) has no $.tags[2].name: $.tags has 2 items',
    );
    const empty = sendRequests(
      parse(lines('# @name s', 'GET /slow', '###', 'GET /x/{{s.response.body.$.id}}')),
      new FakeService(),
    );
    expect(empty.failure?.message).toBe(
      'line 4: {{s.response.body.$.id}}: the response to "s" (line 2) has no body',
    );
  });

  it('refuses a target or header that a response turns into something else', () => {
    const service = new FakeService();
    const target = sendRequests(
      parse(lines('# @name p', 'GET /page', '###', 'GET {{p.response.body}}')),
      service,
    );
    expect(target.failure?.message).toBe(
      'line 4: "<p>hi</p>" is not a target: write a path like "/orders" or a URL like "http://shop.test/orders"',
    );
    const header = sendRequests(
      parse(
        lines(
          '# @name e',
          'POST /echo',
          '',
          'a',
          '###',
          'GET /echo',
          'X-Echo: {{e.response.body}}',
        ),
      ),
      new FakeService(),
    );
    expect(header.failure?.message).toBe('line 7: the X-Echo header would contain a line break');
    const body = sendRequests(
      parse(lines('# @name c', 'POST /items', '###', 'POST /echo', '', '{{c.response.body}}')),
      new FakeService(),
      { maxBodyBytes: 10 },
    );
    expect(body.failure?.message).toMatch(
      /^line 6: this body has \d+ bytes once its variables are in; a body has at most 10 bytes$/,
    );
  });

  it('reports a failure of the service itself at its request', () => {
    const transcript = sendRequests(
      parse(lines('GET /echo', '###', 'GET /broken')),
      new FakeService(),
    );
    expect(transcript.exchanges).toHaveLength(1);
    expect(transcript.failure?.message).toBe(
      "line 3: the lab's service failed on this request (no route)",
    );
  });

  it('draws {{$uuid}} from the seed: the same seed gives the same ids, another seed others', () => {
    const file = parse(
      lines('POST /echo', '', '{{$uuid}} {{$random.uuid}}', '###', 'POST /echo', '', '{{$guid}}'),
    );
    const ids = (seed: string | number) =>
      sendRequests(file, new FakeService(), { seed }).exchanges.flatMap((e) =>
        e.request.body.split(' '),
      );
    const first = ids('attempt-1');
    expect(first).toHaveLength(3);
    for (const id of first) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(first).size).toBe(3);
    expect(ids('attempt-1')).toEqual(first);
    expect(ids('attempt-2')).not.toEqual(first);
    expect(ids(42)).toEqual(ids('42'));
  });
});

describe('formatTranscript', () => {
  it('writes an exchange as curl -v does', () => {
    const service = new FakeService();
    const transcript = sendRequests(
      parse(
        lines(
          '# @name create',
          'POST /items',
          'Content-Type: application/json',
          '',
          '{"name": "lamp"}',
          '###',
          '# @wait 1.5s',
          'GET /items/{{create.response.body.$.id}}',
          'If-None-Match: {{create.response.headers.ETag}}',
          '###',
          'GET /echo',
          'X-Gone: {{create.response.headers.Gone}}',
        ),
      ),
      service,
    );
    expect(formatTranscript(transcript)).toBe(
      lines(
        '> POST /items HTTP/1.1',
        '> Host: shop.test',
        '> Content-Type: application/json',
        '> Content-Length: 16',
        '>',
        '{"name": "lamp"}',
        '',
        '< HTTP/1.1 201 Created',
        '< Content-Type: application/json',
        '< Location: http://shop.test/items/it_100',
        '< ETag: "v1-100"',
        '<',
        '{',
        '  "id": "it_100",',
        '  "owner": {',
        '    "name": "Ada"',
        '  },',
        '  "tags": [',
        '    {',
        '      "name": "new"',
        '    },',
        '    {',
        '      "name": "blue"',
        '    }',
        '  ]',
        '}',
        '',
        '(waited 1.5 s)',
        '> GET /items/it_100 HTTP/1.1',
        '> Host: shop.test',
        '> If-None-Match: "v1-100"',
        '>',
        '< HTTP/1.1 304 Not Modified',
        '< ETag: "v1-100"',
        '<',
        '',
        '(stopped) line 12: {{create.response.headers.Gone}}: the response to "create" (line 2) has no Gone header',
        '',
      ),
    );
  });

  it('keeps JSON keys in their order and numbers as written, and can leave bodies as they are', () => {
    const body = '{"b":1.0,"2":[],"a":{"x":"}, [\\"q\\"]","y":[1e3, {}]}}';
    const transcript = {
      exchanges: [
        {
          line: 1,
          name: null,
          title: null,
          waitedMs: 0,
          request: { method: 'GET', target: '/', headers: [], body: '' },
          response: {
            status: 299,
            headers: [['Content-Type', 'application/problem+json; charset=utf-8'] as const],
            body,
          },
          at: 0,
        },
      ],
    };
    expect(formatTranscript(transcript)).toBe(
      lines(
        '> GET / HTTP/1.1',
        '>',
        '< HTTP/1.1 299',
        '< Content-Type: application/problem+json; charset=utf-8',
        '<',
        '{',
        '  "b": 1.0,',
        '  "2": [],',
        '  "a": {',
        '    "x": "}, [\\"q\\"]",',
        '    "y": [',
        '      1e3,',
        '      {}',
        '    ]',
        '  }',
        '}',
        '',
      ),
    );
    expect(formatTranscript(transcript, { prettyJson: false })).toContain(`<\n${body}\n`);
  });

  it('cuts a long body and says how much is left out', () => {
    const service = new FakeService();
    const transcript = sendRequests(parse(lines('POST /echo', '', 'x'.repeat(16_000))), service);
    const text = formatTranscript(transcript, { maxBodyChars: 100 });
    expect(text).toContain(`>\n${'x'.repeat(100)}\n… 15,900 more characters not shown\n\n<`);
    expect(text).toContain(
      `<\nPOST /echo\n${'x'.repeat(89)}\n… 15,911 more characters not shown\n`,
    );
    expect(formatTranscript(transcript)).toContain('… 12,000 more characters not shown');
  });

  it('does not split a character in two when cutting', () => {
    const transcript = sendRequests(parse(lines('POST /echo', '', '😀😀😀')), new FakeService());
    expect(formatTranscript(transcript, { maxBodyChars: 3 })).toContain(
      '>\n😀\n… 4 more characters not shown\n',
    );
  });
});

describe('reasonPhrase', () => {
  it('knows the phrases of the codes the labs use', () => {
    const codes = [
      200, 201, 204, 304, 400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 428, 429, 500,
    ];
    expect(codes.map((code) => `${code} ${reasonPhrase(code)}`)).toEqual([
      '200 OK',
      '201 Created',
      '204 No Content',
      '304 Not Modified',
      '400 Bad Request',
      '401 Unauthorized',
      '403 Forbidden',
      '404 Not Found',
      '405 Method Not Allowed',
      '406 Not Acceptable',
      '409 Conflict',
      '412 Precondition Failed',
      '413 Content Too Large',
      '415 Unsupported Media Type',
      '422 Unprocessable Content',
      '428 Precondition Required',
      '429 Too Many Requests',
      '500 Internal Server Error',
    ]);
    expect(reasonPhrase(299)).toBeUndefined();
  });
});
