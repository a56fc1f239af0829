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
import type { OpenmediaResourceWire } from '../protocol/types';

export { CAPABILITIES, createScriptedGws as scriptedGws, errorNotification, resource, statusChange } from '../testing/scripted-gws';
export type { ScriptedGws } from '../testing/scripted-gws';

export interface Harness {
  readonly channel: ReturnType<typeof createMemoryChannel>;
  readonly gws: ScriptedGws;
  readonly queryClient: QueryClient;
  readonly wrapper: (props: { children: ReactNode }) => ReactNode;
}

/**
 * Keeps the scripted GWS's snapshots in step with a notification the test pushes on the channel,
 * as a real GWS's would be: the resource is listed under its media type, replacing an earlier
 * version, until it is Completed. A test whose server lists nothing while it notifies would see
 * every re-read (the one an action in doubt asks for) end its cards.
 */
export function listOnServer(gws: ScriptedGws, notification: unknown): void {
  const resource = (notification as { openmedia?: OpenmediaResourceWire } | null)?.openmedia;
  if (resource === undefined || typeof resource.mediaType !== 'string') return;
  const listed = (gws.snapshots.get(resource.mediaType) ?? []).filter((other) => other.id !== resource.id);
  if (resource.state !== 'Completed') listed.push(resource);
  gws.snapshots.set(resource.mediaType, listed);
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
