import 'server-only';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';

/**
 * For pages: runs a DAL read; a signed-out visitor is sent to sign in (and back), and a forbidden
 * one gets `null` so the page can explain. Other errors propagate to error.tsx.
 */
export async function loadForPage<T>(returnTo: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as never);
    }
    if (error instanceof AppError && error.code === 'forbidden') return null;
    throw error;
  }
}
