'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button whose action is asked about first, inline: it turns into the question with a confirm
 * and a Cancel button (Escape cancels too). Focus goes to Cancel, and back to the button after a
 * cancel. With `ask` false, it acts at once.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  ask = true,
  disabled,
  className,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  ask?: boolean;
  disabled?: boolean;
  className: string;
}) {
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (returnFocus) buttonRef.current?.focus();
  }, [asking, returnFocus]);
  if (!asking) {
    return (
      <button
        ref={buttonRef}
        type="button"
        disabled={disabled}
        onClick={() => {
          setReturnFocus(false);
          if (ask) setAsking(true);
          else onConfirm();
        }}
        className={className}
      >
        {children}
      </button>
    );
  }
  const cancel = () => {
    setReturnFocus(true);
    setAsking(false);
  };
  return (
    <span
      role="group"
      aria-labelledby={questionId}
      className="inline-flex flex-wrap items-center gap-2 text-sm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <span id={questionId} className="font-medium text-zinc-900 dark:text-zinc-100">
        {question}
      </span>
      <button
        type="button"
        onClick={() => {
          setReturnFocus(true);
          setAsking(false);
          onConfirm();
        }}
        className="rounded-md bg-rose-700 px-3 py-1 font-semibold text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-700"
      >
        {confirmLabel}
      </button>
      <button
        ref={cancelRef}
        type="button"
        onClick={cancel}
        className="rounded-md border border-zinc-300 px-3 py-1 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Cancel
      </button>
    </span>
  );
}
