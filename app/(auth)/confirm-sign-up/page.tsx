import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmSignUpForm } from '@/components/auth/confirm-sign-up-form';
import { isSignUpTokenUsable, signUpLinkHours } from '@/lib/dal/sign-up';

export const metadata: Metadata = {
  title: 'Finish creating your account',
  robots: { index: false },
  referrer: 'no-referrer',
};

export default async function ConfirmSignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await isSignUpTokenUsable(token));
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Finish creating your account
      </h1>
      {usable ? (
        <>
          <p className="text-zinc-700 dark:text-zinc-300">
            Your e-mail address is confirmed. Create the account, then sign in with the password you
            chose.
          </p>
          <ConfirmSignUpForm token={token} />
        </>
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">
          This link has expired or was already used. Links work once, for {signUpLinkHours} hours.{' '}
          <Link href="/sign-up" className="font-semibold text-sky-800 underline dark:text-sky-300">
            Sign up again
          </Link>{' '}
          or{' '}
          <Link href="/sign-in" className="font-semibold text-sky-800 underline dark:text-sky-300">
            sign in
          </Link>
          .
        </p>
      )}
    </div>
  );
}
