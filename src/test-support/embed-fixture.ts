/** Fixtures for the embed tests: a memory channel and a scripted GWS client. Not part of the API. */
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { scriptedGws } from './harness';

export function createEmbedFixture() {
  const channel = createMemoryChannel();
  const gws = scriptedGws();
  const gwsClient = createGwsClient({ fetch: gws.fetch });
  const posts = () => gws.requests.filter((request) => request.method === 'POST');
  return { channel, gws, gwsClient, posts };
}
