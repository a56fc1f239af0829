import { createContext, useContext, useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { GwsClient } from '../api/client';
import type { NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import type { RecordingChannel } from '../replay/recording-channel';
import type { OpenmediaConnection } from './openmedia-connection';

/** Everything one `<OpenmediaProvider>` owns. */
export interface OpenmediaRuntime {
  readonly store: OpenmediaStore;
  readonly connection: OpenmediaConnection;
  readonly channel: NotificationChannel;
  readonly client: GwsClient;
  readonly queryClient: QueryClient;
  /** Keeps the latest raw messages for the diagnostics log; undefined when recording is off. */
  readonly recorder: RecordingChannel | undefined;
}

export const OpenmediaContext = createContext<OpenmediaRuntime | null>(null);

/** The provider's runtime; a hook outside the provider is a programmer error, said plainly. */
export function useOpenmediaRuntime(hookName: string): OpenmediaRuntime {
  const runtime = useContext(OpenmediaContext);
  if (runtime === null) throw new Error(`${hookName} must be used inside <OpenmediaProvider>`);
  return runtime;
}

/** Keeps the provider's connection open while the calling component is mounted. */
export function useRetainedConnection(runtime: OpenmediaRuntime): void {
  const { connection } = runtime;
  useEffect(() => connection.retain(), [connection]);
}
