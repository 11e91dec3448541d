// The one shape every server action returns, and the wrapper that produces it. The data access
// layer authenticates, authorizes and validates; this turns its errors into state the UI can show.
import { unstable_rethrow } from 'next/navigation';
import { ZodError } from 'zod';
import {
  AppError,
  databaseUnavailableMessage,
  isDatabaseUnavailable,
  type ErrorCode,
} from './errors';
import { errorFields, requestLogger } from './log';

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T> =
  | { status: 'success'; data: T }
  | { status: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { status: 'error'; code: ErrorCode | 'internal' | 'unavailable'; message: string };

export function invalidResult(
  error: ZodError,
): Extract<ActionResult<never>, { status: 'invalid' }> {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors };
}

export async function runAction<T>(operation: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { status: 'success', data: await operation() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return invalidResult(error);
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message };
    if (isDatabaseUnavailable(error)) {
      (await requestLogger()).warn(errorFields(error), 'server action: database unavailable');
      return { status: 'error', code: 'unavailable', message: databaseUnavailableMessage };
    }
    // Unexpected (a bug): log the details, show nothing internal.
    (await requestLogger()).error(errorFields(error), 'server action failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
}
