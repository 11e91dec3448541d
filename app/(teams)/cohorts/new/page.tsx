import type { Metadata } from 'next';
import { NewCohortForm } from '@/components/cohorts/cohort-forms';
import { NoticePage } from '@/components/ui/notice-page';
import { loadForPage } from '@/lib/dal/guard';
import { getCurrentUserProfile } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'New cohort', robots: { index: false } };

export default async function NewCohortPage() {
  const profile = await loadForPage('/cohorts/new', getCurrentUserProfile);
  if (!profile) return null;
  if (profile.role === 'learner')
    return <NoticePage title="Instructors only">Instructors and admins create cohorts.</NoticePage>;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        New cohort
      </h1>
      <NewCohortForm />
    </div>
  );
}
