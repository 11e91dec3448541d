// The one shape every server action returns, and the wrappers that produce it. The data access
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

export type FailedResult = Exclude<ActionResult<never>, { status: 'success' }>;

/** What the user typed into a form's non-secret fields, by field name. Never a password. */
export type FormValues = Record<string, string>;

/**
 * A form's state: nothing submitted yet, its result, or a failure that carries the submitted
 * non-secret values back, so the form shows what the user typed (also without JavaScript).
 */
export type FormState<T = never, V extends FormValues = FormValues> =
  { status: 'idle' } | { status: 'success'; data: T } | (FailedResult & { values: V });

export const highlightedFieldsMessage = 'Please correct the highlighted fields.';

/**
 * A validation failure. With `fields` (the inputs the form shows), only their errors are
 * highlighted, and the message says what is wrong elsewhere instead of pointing at a
 * highlighted field that does not exist.
 */
export function invalidResult(
  error: ZodError,
  fields?: readonly string[],
): Extract<ActionResult<never>, { status: 'invalid' }> {
  const fieldErrors: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    if (fields && !fields.includes(key)) elsewhere.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  const highlighted = Object.keys(fieldErrors).length > 0;
  const message = [highlighted ? highlightedFieldsMessage : '', ...new Set(elsewhere)]
    .filter(Boolean)
    .join(' ');
  return { status: 'invalid', message, fieldErrors };
}

/** The submitted values of these non-secret fields ('' when absent). */
export function formValues<K extends string>(
  formData: FormData,
  names: readonly K[],
): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

interface FailureOptions {
  /** The inputs the form shows: only their errors are highlighted. */
  fields?: readonly string[];
  /** The field an expected "invalid" refusal from the data access layer is about. */
  invalidField?: string;
}

async function toFailure(error: unknown, options: FailureOptions = {}): Promise<FailedResult> {
  unstable_rethrow(error);
  if (error instanceof ZodError) return invalidResult(error, options.fields);
  if (error instanceof AppError) {
    if (error.code === 'invalid' && options.invalidField)
      return {
        status: 'invalid',
        message: highlightedFieldsMessage,
        fieldErrors: { [options.invalidField]: [error.message] },
      };
    return { status: 'error', code: error.code, message: error.message };
  }
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

/**
 * Runs an operation for a control that is not a whole form. With `fields`, only errors about
 * those are highlighted (the control shows them on its field); others are said in the message.
 */
export async function runAction<T>(
  operation: () => Promise<T>,
  options: FailureOptions = {},
): Promise<ActionResult<T>> {
  try {
    return { status: 'success', data: await operation() };
  } catch (error) {
    return toFailure(error, options);
  }
}

/**
 * runAction for a form: a failure carries `values` (the non-secret fields as typed) back, and
 * highlights only the fields the form shows (by default, those in `values`). Redirects pass through.
 */
export async function runFormAction<T, V extends FormValues>(
  values: V,
  operation: () => Promise<T>,
  options: FailureOptions = {},
): Promise<FormState<T, V>> {
  try {
    return { status: 'success', data: await operation() };
  } catch (error) {
    const fields = options.fields ?? Object.keys(values);
    return { ...(await toFailure(error, { ...options, fields })), values };
  }
}
