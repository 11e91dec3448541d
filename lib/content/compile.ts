// Compiles a lesson's MDX with the project's remark/rehype pipeline. Used by lesson pages (at build
// time, since they are prerendered) and by the content checks, so both see the same result.
import { compile, run } from '@mdx-js/mdx';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { codeThemes, codeTransformers, getHighlighter, parseCodeMeta } from './highlight';
import { rehypeCodeBlocks } from './rehype-code-blocks';

export async function compileMdx(source: string, path: string): Promise<string> {
  const highlighter = await getHighlighter();
  const file = { value: source, path };
  const compiled = await compile(file, {
    outputFormat: 'function-body',
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      rehypeSlug,
      [
        rehypeShikiFromHighlighter,
        highlighter,
        {
          themes: codeThemes,
          defaultColor: 'light',
          fallbackLanguage: 'txt',
          defaultLanguage: 'txt',
          parseMetaString: parseCodeMeta,
          transformers: codeTransformers,
        },
      ],
      rehypeCodeBlocks,
    ],
  });
  return String(compiled);
}

export async function compileLesson(source: string, path: string): Promise<MDXContent> {
  const code = await compileMdx(source, path);
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  return Content;
}
