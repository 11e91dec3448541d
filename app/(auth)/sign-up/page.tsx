import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { callbackPathSchema } from '@/lib/validations/navigation';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const returnTo = callbackPathSchema.parse(callbackUrl);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Create your account
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Your progress is saved to your account, so you can continue on any device.
      </p>
      <SignUpForm callbackUrl={returnTo} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{' '}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as never}
          className="font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
