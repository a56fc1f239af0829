import { useMemo } from 'react';
import type { Recording } from '../replay/recording';
import { useProvidedClient } from './openmedia-context';

/**
 * Reads the client's recording of the latest raw channel messages (see `recordLimit`): the
 * replayable part of a diagnostics log. Returns undefined when recording is off. Must be used
 * inside `<OpenmediaProvider>`.
 */
export function useMessageRecording(): (() => Recording) | undefined {
  const client = useProvidedClient('useMessageRecording');
  return useMemo(() => (client.getRecording() === undefined ? undefined : () => client.getRecording() as Recording), [client]);
}
