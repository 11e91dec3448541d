import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { signInWithProviderAction } from '@/app/(auth)/actions';
import { SentNotice } from '@/components/auth/form-status';
import { SignInForm } from '@/components/auth/sign-in-form';
import { buttonClassName } from '@/components/ui/button';
import { listOAuthProviders } from '@/lib/auth/providers';
import { getMyLandingPath } from '@/lib/dal/me';
import { callbackPathSchema } from '@/lib/validations/navigation';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; confirmed?: string | string[] }>;
}) {
  const { callbackUrl, confirmed } = await searchParams;
  const returnTo = callbackUrl === undefined ? undefined : callbackPathSchema.parse(callbackUrl);
  // A signed-in user goes on to their landing page, by role. Signing in without a callbackUrl
  // ends here too (app/(auth)/actions.ts), so this is the one place that picks it. With a
  // callbackUrl the form stays: a signed-in user may be asked to sign in again (deleting an
  // account without a password).
  if (returnTo === undefined) {
    const landing = await getMyLandingPath();
    if (landing) redirect(landing);
  }
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white">Sign in</h1>
      {confirmed === '1' ? (
        <SentNotice message="Your account is ready. Sign in with the password you chose." />
      ) : null}
      {listOAuthProviders().map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          {returnTo ? <input type="hidden" name="callbackUrl" value={returnTo} /> : null}
          <button type="submit" className={`${buttonClassName('secondary')} w-full`}>
            Sign in with {provider.name}
          </button>
        </form>
      ))}
      <SignInForm callbackUrl={returnTo} />
      <p className="text-sm">
        <Link
          href="/forgot-password"
          className="font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Forgot your password?
        </Link>
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New to Backend Path?{' '}
        <Link
          href={
            (returnTo
              ? `/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`
              : '/sign-up') as never
          }
          className="font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
