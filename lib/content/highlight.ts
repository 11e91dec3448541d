// Build-time syntax highlighting: one shiki highlighter per process (JavaScript regex engine, so no
// WebAssembly to load), with titles, line highlights ({1,3-5} in the fence meta) and diff marks.
import type { Element, ElementContent, Root } from 'hast';
import { createHighlighter, createJavaScriptRegexEngine, type Highlighter, type ShikiTransformer } from 'shiki';
import {
  transformerMetaHighlight,
  transformerNotationDiff,
  transformerNotationHighlight,
} from '@shikijs/transformers';

export const codeLanguages = [
  'bash', 'csharp', 'css', 'diff', 'dockerfile', 'go', 'graphql', 'hcl', 'html', 'http', 'ini', 'java',
  'javascript', 'json', 'jsx', 'kotlin', 'markdown', 'mdx', 'nginx', 'php', 'proto', 'python', 'ruby', 'rust', 'shellsession',
  'sql', 'toml', 'tsx', 'typescript', 'xml', 'yaml',
] as const;

// The high-contrast variants meet WCAG AA contrast for every token (the plain ones do not).
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | undefined;

export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(codeThemes),
    langs: [...codeLanguages],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** `title="server.ts"` in the fence meta becomes a caption above the block. */
export function parseCodeMeta(meta: string): { title?: string } {
  const match = /title=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  const title = match?.[1] ?? match?.[2];
  return title ? { title } : {};
}

const transformerTitle: ShikiTransformer = {
  name: 'backend-path:title',
  root(root: Root) {
    const title = (this.options.meta as { title?: unknown } | undefined)?.title;
    const language = this.options.lang;
    const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!pre) return;
    pre.properties['data-language'] = language;
    const caption: ElementContent[] =
      typeof title === 'string'
        ? [{ type: 'element', tagName: 'figcaption', properties: { className: ['code-title'] }, children: [{ type: 'text', value: title }] }]
        : [];
    root.children = [
      { type: 'element', tagName: 'figure', properties: { className: ['code-block'] }, children: [...caption, pre] },
    ];
  },
};

/** The value of one property in an inline style, lower-cased ("color" in "color:#FFF;..."). */
function styleValue(style: unknown, property: string): string | undefined {
  if (typeof style !== 'string') return undefined;
  for (const declaration of style.split(';')) {
    const [name, value] = declaration.split(':');
    if (name?.trim() === property) return value?.trim().toLowerCase();
  }
  return undefined;
}

/**
 * Tokens drawn in the block's own text colour (in both themes) become plain text: they inherit it
 * from the <pre>. About a third of the spans in a code block, and 5 to 10% of a code-heavy page.
 */
const transformerPlainDefaultTokens: ShikiTransformer = {
  name: 'backend-path:plain-default-tokens',
  pre(pre: Element) {
    const light = styleValue(pre.properties.style, 'color');
    const dark = styleValue(pre.properties.style, '--shiki-dark');
    const code = pre.children.find((child): child is Element => child.type === 'element');
    if (!light || !dark || !code) return;
    for (const line of code.children) {
      if (line.type !== 'element') continue;
      line.children = line.children.flatMap((token) =>
        token.type === 'element' &&
        token.tagName === 'span' &&
        Object.keys(token.properties).length === 1 &&
        styleValue(token.properties.style, 'color') === light &&
        styleValue(token.properties.style, '--shiki-dark') === dark
          ? token.children
          : [token],
      );
    }
  },
};

export const codeTransformers: ShikiTransformer[] = [
  transformerPlainDefaultTokens,
  transformerMetaHighlight(),
  transformerNotationHighlight(),
  transformerNotationDiff(),
  transformerTitle,
];
