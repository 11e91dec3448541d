import { describe, expect, it } from 'vitest';
import { compileMdx } from '@/lib/content/compile';

const block = (title: string | null, code: string) =>
  `\`\`\`python${title ? ` title="${title}"` : ''}\n${code}\n\`\`\``;

describe('<CodeTabs>', () => {
  it('becomes synced Tabs with one Tab per code block, named by its title, each with a copy button', async () => {
    const output = await compileMdx(
      `<CodeTabs>\n\n${block('Python', 'x = 1')}\n\n${block('Go', 'x := 1')}\n\n</CodeTabs>\n`,
      'tabs.mdx',
    );
    expect(output).toMatch(/_components\.Tabs|Tabs\b/);
    expect(output).toContain('syncKey: "code"');
    expect(output).toContain('label: "Python"');
    expect(output).toContain('label: "Go"');
    expect(output.match(/CopyButton, \{\}/g)).toHaveLength(2);
    // The tab names the block, so the caption is not repeated inside it.
    expect(output).not.toContain('"figcaption"');
  });

  it('gives Markdown (a lab prompt, compiled as .md) code blocks a Copy button too', async () => {
    const output = await compileMdx('Run this:\n\n```sql\nselect 1;\n```\n', 'lab.md');
    expect(output).toContain('CopyButton');
  });

  it('highlights titled blocks at build time, with highlighted lines', async () => {
    const output = await compileMdx(
      '```sql title="q.sql" {2}\nselect 1\nfrom t;\n```\n',
      'code.mdx',
    );
    expect(output).toContain('"figcaption"');
    expect(output).toContain('q.sql');
    expect(output).toContain('highlighted');
    expect(output).toContain('--shiki-dark');
  });

  it("leaves tokens in the block's own colour as plain text, and colours the rest", async () => {
    const output = await compileMdx('```ts\nconst a = f(1);\n```\n', 'plain.mdx');
    // "(" is drawn in the block's text colour: a bare string, not a span with a style.
    expect(output).toMatch(/"\(",/);
    expect(output).not.toMatch(/style: \{\s*color: "#0E1116"/i);
    // Keywords keep their light and dark colours.
    expect(output).toMatch(
      /color: "#A0111F",\s*"--shiki-dark": "#FF9492"\s*\},\s*children: "const"/,
    );
  });

  it.each([
    [
      'a block without a title',
      `<CodeTabs>\n\n${block(null, 'x = 1')}\n\n${block('Go', 'x := 1')}\n\n</CodeTabs>\n`,
      /needs a title/,
    ],
    [
      'a single block',
      `<CodeTabs>\n\n${block('Python', 'x = 1')}\n\n</CodeTabs>\n`,
      /at least two code blocks/,
    ],
    [
      'prose inside',
      `<CodeTabs>\n\nSome text.\n\n${block('Go', 'x := 1')}\n\n</CodeTabs>\n`,
      /may only contain fenced code blocks/,
    ],
  ])('refuses %s with a clear message', async (_name, source, message) => {
    await expect(compileMdx(source, 'tabs.mdx')).rejects.toThrow(message);
  });
});
