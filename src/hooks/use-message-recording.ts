import { useMemo } from 'react';
import type { Recording } from '../replay/recording';
import { useOpenmediaRuntime } from './openmedia-context';

/**
 * Reads the provider's recording of the latest raw channel messages (see the provider's
 * `recordLimit`): the replayable part of a diagnostics log. Returns undefined when recording is
 * off. Must be used inside `<OpenmediaProvider>`.
 */
export function useMessageRecording(): (() => Recording) | undefined {
  const { recorder } = useOpenmediaRuntime('useMessageRecording');
  return useMemo(() => (recorder ? () => recorder.getRecording() : undefined), [recorder]);
}
