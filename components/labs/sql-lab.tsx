// <SqlLab id="…" /> in a lesson: the lab's title, introduction and tasks as static HTML (readable
// without JavaScript, and by search engines), and the launcher that loads the panel (editor, the
// learner's own PostgreSQL in a Web Worker) only when the learner opens the lab.
import { CopyButton } from '@/components/mdx/copy-button';
import { compileLesson } from '@/lib/content/compile';
import { describeCheck } from '@/lib/labs/grade';
import { readLabAssets } from '@/lib/labs/server/assets';
import { findLab } from '@/lib/labs/server/catalog';
import { labTextClassName } from './lab-text';
import { SqlLabLauncher, type LauncherTask } from './sql-lab-launcher';

async function Markdown({ source, file }: { source: string; file: string }) {
  // The lesson pipeline in markdown mode (a .md path): code blocks highlighted as in lessons, with
  // the Copy button the pipeline adds to each.
  const Content = await compileLesson(source, file.replace(/\.ya?ml$/, '.md'));
  return <Content components={{ CopyButton }} />;
}

export async function SqlLab({ id }: { id?: string }) {
  const lab = id ? findLab(id) : undefined;
  const assets = id ? readLabAssets(id) : null;
  if (!lab || !assets) {
    // content:check refuses a lesson whose lab is missing; this shows in a draft preview.
    return (
      <p className="not-prose rounded-md border border-rose-300 p-4 text-rose-800 dark:border-rose-800 dark:text-rose-300">
        {lab
          ? `The files of lab "${id}" are not built: run npm run labs:build.`
          : `There is no lab "${id ?? ''}".`}
      </p>
    );
  }
  const tasks: LauncherTask[] = await Promise.all(
    lab.lab.tasks.map(async (task) => ({
      id: task.id,
      title: task.title,
      starter: task.starter,
      checks: task.checks.map(describeCheck),
      hint: task.hint ? <Markdown source={task.hint} file={lab.file} /> : null,
      prompt: <Markdown source={task.prompt} file={lab.file} />,
    })),
  );
  const headingId = `lab-${lab.id}-title`;
  return (
    <section
      id={`lab-${lab.id}`}
      className="not-prose my-10 scroll-mt-24 rounded-xl border border-zinc-300 bg-white shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
      data-lab={lab.id}
    >
      <header className="space-y-2 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <p className="text-xs font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">
          SQL lab · PostgreSQL in your browser
        </p>
        <h2 id={headingId} className="text-xl font-bold text-zinc-950 dark:text-white">
          {lab.lab.title}
        </h2>
        <div className={labTextClassName}>
          <Markdown source={lab.lab.intro} file={lab.file} />
        </div>
      </header>
      <SqlLabLauncher labId={lab.id} assets={assets} tasks={tasks} />
    </section>
  );
}
