import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { isResetTokenUsable } from '@/lib/dal/password-reset';

export const metadata: Metadata = {
  title: 'Choose a new password',
  robots: { index: false },
  referrer: 'no-referrer',
};

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await isResetTokenUsable(token));
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Choose a new password
      </h1>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">
          This reset link has expired or was already used. Links work once, for 30 minutes.{' '}
          <Link
            href="/forgot-password"
            className="font-semibold text-sky-800 underline dark:text-sky-300"
          >
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
