'use client';

import { useState } from 'react';

/** Copies the code block it sits in, without the lines a diff marks as removed. */
export function CopyButton() {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={copied ? 'Copied' : 'Copy code'}
      onClick={async (event) => {
        const pre = event.currentTarget.closest('figure')?.querySelector('pre');
        if (!pre) return;
        const lines = [...pre.querySelectorAll<HTMLElement>('.line')].filter(
          (line) => !line.classList.contains('remove'),
        );
        const text =
          lines.length > 0
            ? lines.map((line) => line.textContent ?? '').join('\n')
            : (pre.textContent ?? '');
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        } catch {
          // Clipboard refused (insecure context or permissions): the code can still be selected.
        }
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
