'use client';

import { useClipboard } from '@/components/ui/use-clipboard';
import { useHydrated } from '@/components/ui/use-hydrated';

const labels = { idle: 'Copy', copied: 'Copied', refused: 'Copy refused: select the code' };
const announcements = {
  idle: '',
  copied: 'Code copied.',
  refused: 'Your browser refused the clipboard. Select the code and copy it yourself.',
};

/**
 * Copies the code block it sits in, without the lines a diff marks as removed. When the browser
 * refuses the clipboard, the button says so (and a screen reader hears it): the code can still be
 * selected and copied by hand.
 */
export function CopyButton() {
  const { state, copy } = useClipboard();
  // Nothing to copy with until hydrated: disabled, and it says so.
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        className="copy-button"
        disabled={!hydrated}
        aria-busy={!hydrated || undefined}
        onClick={(event) => {
          const pre = event.currentTarget.closest('figure')?.querySelector('pre');
          if (!pre) return;
          const lines = [...pre.querySelectorAll<HTMLElement>('.line')].filter(
            (line) => !line.classList.contains('remove'),
          );
          void copy(
            lines.length > 0
              ? lines.map((line) => line.textContent ?? '').join('\n')
              : (pre.textContent ?? ''),
          );
        }}
      >
        {labels[state]}
        {state === 'idle' ? <span className="sr-only"> code</span> : null}
        {hydrated ? null : <span className="sr-only"> (loading…)</span>}
      </button>
      <span aria-live="polite" className="sr-only">
        {announcements[state]}
      </span>
    </>
  );
}
