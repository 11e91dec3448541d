import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectLeakMarkers, scanBuildForLeaks } from '@/scripts/lib/scan-build';

const labYaml = `title: A small lab
intro: Count the orders.
tasks:
  - id: count-orders
    title: Count the orders
    prompt: How many orders are there?
    starter: |
      SELECT * FROM orders;
    solution: |
      -- solution-marker: tiny-lab
      SELECT count(*) AS orders_in_total_for_everyone FROM orders;
    checks:
      - kind: result
    wrong:
      - |
        SELECT count(customer_id) AS orders_in_total_for_nobody FROM orders WHERE id <> 0;
      - |
        SELECT * FROM orders WHERE id IN (SELECT id FROM orders);
`;

let project: string;

/** Writes `text` (gzip-compressed for a .gz file) at `file` under the project. */
function put(file: string, text: string) {
  const target = path.join(project, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.endsWith('.gz') ? zlib.gzipSync(text) : text);
}

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-build-'));
  put(
    'content/shop/01-orders.mdx',
    '# Orders\n\n```sql\nSELECT * FROM orders WHERE id IN (SELECT id FROM orders);\n```\n',
  );
  put('content/shop/labs/tiny-lab/lab.yaml', labYaml);
  put('content/shop/labs/tiny-lab/schema.sql', 'CREATE TABLE orders (id int, customer_id int);');
  put('content/shop/labs/tiny-lab/seed.sql', 'INSERT INTO orders VALUES (1, 1);');
  put(
    'content/shop/labs/tiny-lab/hidden/other.sql',
    "INSERT INTO customers VALUES (7, 'hidden-marker-z9q@example.org', 'Hidden-Marker-Z9Q');",
  );
  // A clean build: pages, chunks and lab files with only public text.
  put('.next/static/chunks/app.js', 'console.log("SELECT * FROM orders;")');
  put('.next/server/app/learn/orders.html', '<h1>Orders</h1><p>How many orders are there?</p>');
  put('.next/server/app/learn/orders.rsc', '0:["$","p",null,{"children":"Count the orders"}]');
  put('public/labs/tiny-lab/abc/lab.json', '{"title":"A small lab"}');
  put('public/labs/tiny-lab/abc/seed.bin.gz', 'orders 1 1');
  // Where the hidden data and the solutions belong: the server's code and its copy of content/.
  put('.next/server/app/learn/page.js', 'const secret = "Hidden-Marker-Z9Q";');
  put(
    '.next/standalone/content/shop/labs/tiny-lab/hidden/other.sql',
    "INSERT INTO customers VALUES (7, 'x', 'Hidden-Marker-Z9Q');",
  );
  put('.next/standalone/content/shop/labs/tiny-lab/lab.yaml', labYaml);
});

afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('collectLeakMarkers', () => {
  it('collects hidden values, solution markers and the lines no public text has', () => {
    const markers = collectLeakMarkers(path.join(project, 'content'));
    expect(markers.map((marker) => [marker.kind, marker.text])).toEqual(
      expect.arrayContaining([
        ['hidden-data', 'hidden-marker-z9q'],
        ['solution-marker', 'solution-marker: tiny-lab'],
        ['solution', 'select count(*) as orders_in_total_for_everyone from orders;'],
        [
          'wrong-answer',
          'select count(customer_id) as orders_in_total_for_nobody from orders where id <> 0;',
        ],
      ]),
    );
    // The second wrong answer is shown in the lesson: not a secret, not a marker.
    expect(markers.map((marker) => marker.text)).not.toContain(
      'select * from orders where id in (select id from orders);',
    );
    expect(markers.filter((marker) => marker.kind === 'hidden-data')).toHaveLength(1);
  });
});

describe('scanBuildForLeaks', () => {
  it('passes a clean build, and scans its served files but not the server code or content', () => {
    const report = scanBuildForLeaks(project);
    expect(report.findings).toEqual([]);
    const scanned = report.files.map((file) => path.relative(project, file));
    expect(scanned).toEqual(
      expect.arrayContaining([
        '.next/static/chunks/app.js',
        '.next/server/app/learn/orders.html',
        '.next/server/app/learn/orders.rsc',
        'public/labs/tiny-lab/abc/seed.bin.gz',
      ]),
    );
    expect(scanned).not.toContain('.next/server/app/learn/page.js');
    expect(scanned.some((file) => file.startsWith('.next/standalone/content'))).toBe(false);
  });

  it.each([
    [
      'a hidden value in a chunk',
      '.next/static/chunks/leak.js',
      'x="Hidden-Marker-Z9Q"',
      'hidden-data',
    ],
    [
      'a hidden value in a gzipped snapshot',
      'public/labs/tiny-lab/abc/seed.bin.gz',
      '\u0000\u0001hidden-marker-z9q@example.org\u0000',
      'hidden-data',
    ],
    [
      'a solution in a prerendered page',
      '.next/server/app/learn/orders.html',
      '<pre>-- solution-marker: tiny-lab\nSELECT 1</pre>',
      'solution-marker',
    ],
    [
      'a wrong answer line in an RSC payload, JSON-escaped',
      '.next/server/app/learn/orders.rsc',
      '0:"SELECT count(customer_id) AS orders_in_total_for_nobody FROM orders WHERE id \\u003c\\u003e 0;\\n"',
      'wrong-answer',
    ],
    [
      'a wrong answer in the standalone copy of a page, HTML-escaped',
      '.next/standalone/.next/server/app/learn/orders.html',
      '<code>SELECT count(customer_id) AS orders_in_total_for_nobody FROM orders WHERE id &lt;&gt; 0;</code>',
      'wrong-answer',
    ],
    [
      'a solution in the browser lab file',
      'public/labs/tiny-lab/abc/lab.json',
      '{"solution":"-- solution-marker: tiny-lab\\nSELECT 1"}',
      'solution-marker',
    ],
  ])('reports %s with the file and the marker', (_, file, text, kind) => {
    put(file, text);
    const report = scanBuildForLeaks(project);
    expect(
      report.findings.map((finding) => [path.relative(project, finding.file), finding.marker.kind]),
    ).toEqual([[file, kind]]);
  });
});
