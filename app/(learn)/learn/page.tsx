import type { Metadata } from 'next';
import Link from 'next/link';
import { ContinueOrVisitor } from '@/components/course/continue-or-visitor';
import { CourseOutline } from '@/components/course/course-outline';
import { listModules } from '@/lib/content';

export const metadata: Metadata = {
  title: 'Course',
  description: 'Every module and lesson of The Backend Developer, in order.',
};

export default function LearnPage() {
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          The Backend Developer
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Work through the modules in order, or jump to what you need.
        </p>
        <ContinueOrVisitor
          visitor={
            <p className="text-zinc-700 dark:text-zinc-300">
              <Link
                href="/sign-in?callbackUrl=%2Flearn"
                className="font-semibold text-sky-800 underline dark:text-sky-300"
              >
                Sign in to save your progress
              </Link>
              .
            </p>
          }
        />
      </header>
      <CourseOutline modules={listModules()} />
    </div>
  );
}
