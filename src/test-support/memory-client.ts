import { QueryClient } from '@tanstack/query-core';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OpenmediaClientOptions } from '../client/client-options';
import { createOpenmediaClient } from '../client/openmedia-client';

/**
 * A client over an in-memory channel and a `fetch` double (test-only): work items, published a
 * microtask after each change; `options` adds to or replaces that. `entry(id)` reads the
 * published state.
 */
export function createMemoryClient(fetch: typeof globalThis.fetch, options: Partial<OpenmediaClientOptions> = {}) {
  const channel = createMemoryChannel();
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch }),
    queryClient: new QueryClient(),
    mediaTypes: ['workitem'],
    schedule: (flush) => queueMicrotask(flush),
    ...options,
  });
  const entry = (id: string) => client.getSnapshot().state.byId.get(id);
  return { channel, client, entry };
}
