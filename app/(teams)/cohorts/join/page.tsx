import type { Metadata } from 'next';
import { JoinCohortForm } from '@/components/cohorts/cohort-forms';
import { MemberVisibility } from '@/components/cohorts/member-visibility';
import { loadForPage } from '@/lib/dal/guard';
import { getCurrentUserProfile } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Join a cohort', robots: { index: false } };

export default async function JoinCohortPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code } = await searchParams;
  const returnTo =
    typeof code === 'string' ? `/cohorts/join?code=${encodeURIComponent(code)}` : '/cohorts/join';
  await loadForPage(returnTo, getCurrentUserProfile);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Join a cohort
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Enter the invite code your cohort lead gave you.
      </p>
      <MemberVisibility joining />
      <JoinCohortForm code={typeof code === 'string' ? code : undefined} />
    </div>
  );
}
