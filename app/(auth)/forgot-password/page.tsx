import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Forgot your password?
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Enter the e-mail address of your account and we will send you a link to choose a new
        password.
      </p>
      <ForgotPasswordForm />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it?{' '}
        <Link href="/sign-in" className="font-semibold text-sky-800 underline dark:text-sky-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
