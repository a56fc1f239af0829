import { createContext, useContext, useEffect } from 'react';
import type { OpenmediaClient } from '../client/openmedia-client';

export const OpenmediaContext = createContext<OpenmediaClient | null>(null);

/** The provider's client; a hook outside the provider is a programmer error, said plainly. */
export function useProvidedClient(hookName: string): OpenmediaClient {
  const client = useContext(OpenmediaContext);
  if (client === null) throw new Error(`${hookName} must be used inside <OpenmediaProvider>`);
  return client;
}

/** Keeps the client connected while the calling component is mounted. */
export function useStartedClient(client: OpenmediaClient): void {
  useEffect(() => client.start(), [client]);
}

/**
 * The `<OpenmediaProvider>`'s client, for code that needs more than the hooks give (the host's
 * own `perform`, `getRecording`, `subscribe`). Must be used inside `<OpenmediaProvider>`.
 */
export function useOpenmediaClient(): OpenmediaClient {
  return useProvidedClient('useOpenmediaClient');
}
