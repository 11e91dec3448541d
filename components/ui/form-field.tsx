'use client';
// The one form pattern: labelled fields whose errors point at them (the form-level status region
// is FormStatus, components/auth/form-status.tsx), and a hook that submits without React's automatic form reset, so a refused submission leaves
// every field as the user typed it (passwords included: they are never sent back in state).

import {
  useActionState,
  useEffect,
  useRef,
  useTransition,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useRouter } from 'next/navigation';
import type { FieldErrors } from '@/lib/action-result';

const fieldClassName =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 shadow-sm focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 focus:outline-none aria-invalid:border-rose-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-rose-400';

interface FieldProps {
  label: string;
  name: string;
  /** Defaults to the name; give one when the same form appears several times on a page. */
  id?: string;
  errors?: string[];
  hint?: string;
  /** Read to screen readers only, where a table's column heading already names the field. */
  hideLabel?: boolean;
}

function Field({
  label,
  id,
  errors,
  hint,
  hideLabel,
  control,
}: Required<Pick<FieldProps, 'label' | 'id'>> &
  Pick<FieldProps, 'errors' | 'hint' | 'hideLabel'> & {
    control: (aria: {
      id: string;
      'aria-invalid'?: true;
      'aria-describedby'?: string;
    }) => ReactNode;
  }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-1">
      <label
        htmlFor={id}
        className={
          hideLabel ? 'sr-only' : 'block text-sm font-medium text-zinc-800 dark:text-zinc-200'
        }
      >
        {label}
      </label>
      {control({
        id,
        'aria-invalid': errors?.length ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-rose-700 dark:text-rose-400" data-testid={errorId}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose errors are tied to it with aria-describedby and aria-invalid. */
export function FormField({
  label,
  name,
  id = name,
  errors,
  hint,
  hideLabel,
  ...input
}: FieldProps & ComponentProps<'input'>) {
  return (
    <Field
      label={label}
      id={id}
      errors={errors}
      hint={hint}
      hideLabel={hideLabel}
      control={(aria) => <input name={name} className={fieldClassName} {...aria} {...input} />}
    />
  );
}

/** FormField for text that spans lines. */
export function FormTextArea({
  label,
  name,
  id = name,
  errors,
  hint,
  hideLabel,
  ...textarea
}: FieldProps & ComponentProps<'textarea'>) {
  return (
    <Field
      label={label}
      id={id}
      errors={errors}
      hint={hint}
      hideLabel={hideLabel}
      control={(aria) => (
        <textarea name={name} className={fieldClassName} {...aria} {...textarea} />
      )}
    />
  );
}

type AnyFormState = { status: string; fieldErrors?: FieldErrors; message?: string };

/**
 * useActionState for a form, without React's reset after the action: the form submits through
 * onSubmit (a transition), so what the user typed stays, passwords included. A password field
 * that was itself refused is cleared, and focus moves to the first highlighted field. Before
 * hydration the form posts natively (`action`), and the state's values refill its fields.
 */
export function useFormAction<State extends AnyFormState>(
  action: (state: State, formData: FormData) => Promise<State>,
  initialState: State,
  {
    refreshOnSuccess = false,
    beforeSubmit,
  }: {
    /** After a success, render the page again from the server (what was saved shows elsewhere too). */
    refreshOnSuccess?: boolean;
    /** Runs as the form is submitted, before the action (e.g. to mark what it may change as stale). */
    beforeSubmit?: () => void;
  } = {},
) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(
    action,
    initialState as Awaited<State>,
  );
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form || state.status !== 'invalid' || !state.fieldErrors) return;
    let first: HTMLElement | null = null;
    for (const control of form.elements) {
      if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement))
        continue;
      if (!state.fieldErrors[control.name]?.length) continue;
      if (control instanceof HTMLInputElement && control.type === 'password') control.value = '';
      first ??= control;
    }
    first?.focus();
  }, [state]);
  useEffect(() => {
    if (refreshOnSuccess && state.status === 'success') router.refresh();
  }, [state, refreshOnSuccess, router]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    beforeSubmit?.();
    const formData = new FormData(
      event.currentTarget,
      (event.nativeEvent as SubmitEvent).submitter,
    );
    startTransition(() => formAction(formData));
  };
  const fieldErrors: FieldErrors =
    state.status === 'invalid' && state.fieldErrors ? state.fieldErrors : {};
  const message =
    state.status === 'invalid' || state.status === 'error' ? state.message : undefined;
  return {
    state,
    pending,
    fieldErrors,
    /** The form-level message of a failure, for FormStatus. */
    message,
    formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true },
  };
}

/** The submitted values of a failed state, for defaultValue (empty before any submission). */
export function valuesOf<State extends { status: string }>(
  state: State,
): Partial<State extends { values: infer Values } ? Values : never> {
  return 'values' in state
    ? (state.values as State extends { values: infer Values } ? Values : never)
    : {};
}
