import { useCallback, useState } from 'react';

export interface MockFeedback {
  readonly tone: 'ok' | 'error';
  readonly text: string;
}

/** Runs one control request at a time and keeps a line of feedback about the last one. */
export function useMockRunner(onDone: () => void) {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [feedback, setFeedback] = useState<MockFeedback | undefined>(undefined);
  const run = useCallback(
    async (label: string, action: () => Promise<unknown>, describe?: (result: unknown) => string) => {
      setBusy(label);
      try {
        const result = await action();
        setFeedback({ tone: 'ok', text: describe ? describe(result) : label });
      } catch (error) {
        setFeedback({ tone: 'error', text: `${label}: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        setBusy(undefined);
        onDone();
      }
    },
    [onDone],
  );
  return { busy, feedback, run };
}
