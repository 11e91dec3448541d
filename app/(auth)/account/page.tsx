import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { getAccountDeletionCheck } from '@/lib/dal/account';
import { loadForPage } from '@/lib/dal/guard';
import { getCurrentUserProfile } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ password?: string }>;
}) {
  const account = await loadForPage('/account', async () => ({
    profile: await getCurrentUserProfile(),
    deletionCheck: await getAccountDeletionCheck(),
  }));
  const { password } = await searchParams;
  const { profile, deletionCheck } = account;
  const hasPassword = deletionCheck.confirmWith === 'password';
  return (
    <div className="max-w-xl space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          Your account
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Signed in as <strong>{profile.name ?? profile.email}</strong> ({profile.email}).
        </p>
      </header>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Change password
        </h2>
        {password === 'changed' ? (
          <p
            role="status"
            className="rounded-md bg-emerald-50 px-4 py-2 text-sm text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
          >
            Your password was changed. Every other device has been signed out.
          </p>
        ) : null}
        {hasPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="text-zinc-700 dark:text-zinc-300">
            You sign in with GitHub, so this account has no password to change.
          </p>
        )}
      </section>
      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Your data
        </h2>
        <p className="text-zinc-700 dark:text-zinc-300">
          A JSON file with everything we hold about you: your profile, progress, quiz answers,
          review schedule, notes, bookmarks, cohorts, notifications and the audit entries about you.
        </p>
        <a
          href="/account/export"
          download
          className="inline-block font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Download my data
        </a>
      </section>
      <section
        aria-labelledby="delete-heading"
        className="space-y-3 rounded-lg border border-rose-300 p-5 dark:border-rose-900"
      >
        <h2 id="delete-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Delete my account
        </h2>
        <p className="text-zinc-700 dark:text-zinc-300">
          This removes your account, your progress and everything else we hold about you, at once
          and for good. It cannot be undone.
        </p>
        <DeleteAccountForm check={deletionCheck} />
      </section>
    </div>
  );
}
