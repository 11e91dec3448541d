import type { Metadata } from 'next';
import { NewCohortForm } from '@/components/cohorts/cohort-forms';
import { forbidden } from 'next/navigation';
import { loadForPage } from '@/lib/dal/guard';
import { getCurrentUserProfile } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'New cohort', robots: { index: false } };

export default async function NewCohortPage() {
  const profile = await loadForPage('/cohorts/new', getCurrentUserProfile);
  // createCohort refuses learners too; this answers 403 before showing a form they cannot use.
  if (profile.role === 'learner') forbidden();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        New cohort
      </h1>
      <NewCohortForm />
    </div>
  );
}
