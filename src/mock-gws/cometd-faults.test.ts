import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from 'cometd';
import type { OpenmediaStateChangeMessageWire } from '../protocol/types';
import { createMockGws, type RunningMockGws } from './server';
import { GwsRestClient } from '../test-support/gws-rest-client';
import { createTestCometdClient, type TestCometdClient } from '../test-support/test-cometd-client';
import { waitFor } from '../test-support/wait-for';

// One CometD client for this file: the session-level faults as a long-polling client lives them.
let mock: RunningMockGws;
let rest: GwsRestClient;
let client: TestCometdClient;

interface FailedMeta extends Message {
  failure?: { httpCode?: number };
}

function failuresAfter(index: number): FailedMeta[] {
  return (client.meta.slice(index) as FailedMeta[]).filter((m) => m.successful === false);
}

function offerIds(): string[] {
  return (client.messages as OpenmediaStateChangeMessageWire[]).map((m) => m.openmedia?.id ?? '');
}

beforeAll(async () => {
  // A short long-poll keeps the "connected again" checks quick.
  mock = await createMockGws({ outcomeDelayMs: 5, longPollTimeoutMs: 500 });
  rest = new GwsRestClient(mock.url);
  await rest.login();
  client = createTestCometdClient(mock.url, rest.jar);
  await client.start();
});

afterAll(async () => {
  await client.stop();
  await mock.close();
});

beforeEach(() => {
  mock.control.reset();
  client.messages.length = 0;
});

describe('HTTP session expiry seen by CometD', () => {
  it('the held long-poll is cut and the next /meta/connect gets HTTP 401 until the session is restored', async () => {
    const mark = client.meta.length;
    await rest.mock('expire-session');
    const refused = await waitFor(() => failuresAfter(mark).find((m) => m.failure?.httpCode === 401), 'a connect refused with 401');
    expect(refused.channel).toBe('/meta/connect');
    // Still refused on the client's retries.
    await waitFor(() => failuresAfter(mark).filter((m) => m.failure?.httpCode === 401).length >= 2, 'a second 401');

    await rest.mock('restore-session');
    const { id } = (await rest.mock('offer')).body as { id: string };
    await waitFor(() => offerIds().includes(id), 'the offer after the session came back');
    // Same CometD session throughout: the HTTP session came back, the Bayeux one never left.
    expect(mock.control.state().handshakes).toBe(1);
  });
});

describe('network cut seen by CometD', () => {
  it('fails the long-poll, then reconnects and delivers what was published during the cut', async () => {
    const mark = client.meta.length;
    await rest.mock('network-cut', { seconds: 0.4 });
    await waitFor(() => failuresAfter(mark).length > 0, 'a failed /meta/connect');
    expect(failuresAfter(mark).every((m) => m.failure?.httpCode !== 401)).toBe(true);
    // The CometD session outlives a short cut, so its queue is delivered on reconnection.
    const { id } = (await rest.mock('offer')).body as { id: string };
    await waitFor(() => offerIds().includes(id), 'the offer published during the cut', 4000);
    expect(mock.control.state().handshakes).toBe(1);
  });
});
