import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';

/**
 * For pages: runs a DAL read and turns its refusals into the matching answer. A signed-out
 * visitor is sent to sign in (and back), a refused one gets 403 with the nearest forbidden.tsx,
 * and an unknown resource 404 with not-found.tsx. Other errors propagate to error.tsx.
 */
export async function loadForPage<T>(returnTo: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'unauthenticated')
        redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as never);
      if (error.code === 'forbidden') forbidden();
      if (error.code === 'not_found') notFound();
    }
    throw error;
  }
}
