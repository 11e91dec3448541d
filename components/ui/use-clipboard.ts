'use client';

import { useEffect, useRef, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'refused';

/**
 * Copies text to the clipboard and says how it went: "copied" for a moment, or "refused" (an
 * insecure page, or a browser that denies the permission) until the next try, so the control can
 * tell the user to copy by hand.
 */
export function useClipboard() {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async (text: string) => {
    window.clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setState('refused');
      return;
    }
    setState('copied');
    timer.current = window.setTimeout(() => setState('idle'), 2000);
  };
  return { state, copy };
}
