import { useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies a value to the clipboard and remembers how it went, for a status line next to the button.
 * With `resetAfterMs` the status goes back to idle after that long.
 */
export function useCopy(resetAfterMs?: number): [CopyState, (value: string) => Promise<void>] {
  const [state, setState] = useState<CopyState>('idle');
  async function copy(value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    if (resetAfterMs !== undefined) window.setTimeout(() => setState('idle'), resetAfterMs);
  }
  return [state, copy];
}
