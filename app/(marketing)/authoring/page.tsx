import fs from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import { TableOfContents } from '@/components/course/table-of-contents';
import { mdxComponents } from '@/components/mdx';
import { compileLesson } from '@/lib/content/compile';
import { extractHeadings } from '@/lib/content/load';

export const metadata: Metadata = {
  title: 'Authoring guide',
  description:
    'How instructors write Backend Path lessons: files, frontmatter, components and checks.',
};

const guideFile = path.join(
  process.cwd(),
  'app',
  '(marketing)',
  'authoring',
  'authoring-guide.mdx',
);

export default async function AuthoringPage() {
  const source = fs.readFileSync(guideFile, 'utf8');
  const Guide = await compileLesson(source, path.relative(process.cwd(), guideFile));
  const headings = extractHeadings(source);
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_14rem]">
      <article className="min-w-0 space-y-6">
        <header className="space-y-2">
          <p className="text-sm font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">
            For instructors
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">
            Authoring guide
          </h1>
        </header>
        <div className="prose">
          <Guide components={mdxComponents} />
        </div>
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents headings={headings} id="toc-sidebar" />
        </div>
      </aside>
    </div>
  );
}
