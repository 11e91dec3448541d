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

export const codeTransformers: ShikiTransformer[] = [
  transformerMetaHighlight(),
  transformerNotationHighlight(),
  transformerNotationDiff(),
  transformerTitle,
];
