import { useEffect, useState } from 'react';
import type { Messages } from './messages';

export type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" (or "Could not copy") stays. */
const COPY_SAID_MS = 3_000;

/**
 * Copies text to the clipboard on the agent's press, and says how it went for a few seconds: where
 * the page has no clipboard (an insecure origin, an old webview) or it refuses, "Could not copy".
 */
export function useCopy(): readonly [CopyState, (text: string) => void] {
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return undefined;
    const timer = setTimeout(() => setCopy('idle'), COPY_SAID_MS);
    return () => clearTimeout(timer);
  }, [copy]);
  const copyText = (text: string) => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopy('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return [copy, copyText];
}

/** Where a copy's outcome is said: present before it changes, so "Copied" is announced. */
export function CopyStatus({ copy, messages }: { readonly copy: CopyState; readonly messages: Messages }) {
  return (
    <span className="omw-ud-copy-status" aria-live="polite">
      {copy === 'copied' ? messages.copied : copy === 'failed' ? messages.copyFailed : ''}
    </span>
  );
}
