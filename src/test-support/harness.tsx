/**
 * Test fixtures for the hook tests (and the UI helper's): a provider over an in-memory channel
 * and a scripted GWS behind a fake fetch. Test-only.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import type { OpenmediaProviderProps } from '../hooks/openmedia-provider';
import { createScriptedGws } from '../testing/scripted-gws';
import type { ScriptedGws } from '../testing/scripted-gws';

export { CAPABILITIES, createScriptedGws as scriptedGws, errorNotification, listOnServer, resource, statusChange } from '../testing/scripted-gws';
export type { ScriptedGws } from '../testing/scripted-gws';

export interface Harness {
  readonly channel: ReturnType<typeof createMemoryChannel>;
  readonly gws: ScriptedGws;
  readonly queryClient: QueryClient;
  readonly wrapper: (props: { children: ReactNode }) => ReactNode;
}

/** A provider over a memory channel and a scripted GWS. */
export function createHarness(props: Partial<OpenmediaProviderProps> = {}): Harness {
  const channel = createMemoryChannel();
  const gws = createScriptedGws();
  const queryClient = new QueryClient();
  const client = createGwsClient({ fetch: gws.fetch });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OpenmediaProvider channel={channel} gwsClient={client} queryClient={queryClient} {...props}>
      {children}
    </OpenmediaProvider>
  );
  return { channel, gws, queryClient, wrapper };
}
