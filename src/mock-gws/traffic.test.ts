import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotification } from '../protocol/parse';
import type { OpenmediaStateChangeMessageWire } from '../protocol/types';
import { GWS_V2_WIRE } from './gws-v2-wire';
import { BUILT_IN_DATA } from './initial-data';
import { MockEngine } from './mock-engine';
import { createPrng } from './prng';
import { createMockGws, type RunningMockGws } from './server';
import { GwsRestClient } from '../test-support/gws-rest-client';
import { createTestCometdClient, type TestCometdClient } from '../test-support/test-cometd-client';
import { waitFor } from '../test-support/wait-for';
import { trafficStep } from './traffic';

describe('traffic steps', () => {
  function run(seed: number, steps: number): unknown[] {
    const sent: unknown[] = [];
    const engine = new MockEngine({ initialData: BUILT_IN_DATA, outcomeDelayMs: 0, host: () => 'gws.test', sink: (d) => sent.push(d), wire: GWS_V2_WIRE });
    const random = createPrng(seed);
    for (let i = 0; i < steps; i += 1) trafficStep(engine, random);
    // Dates depend on the clock; everything else must depend on the seed alone.
    return JSON.parse(JSON.stringify(sent).replace(/"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}"/g, '"<date>"')) as unknown[];
  }

  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(42, 200)).toEqual(run(42, 200));
    expect(run(42, 200)).not.toEqual(run(43, 200));
  });
});

// One CometD client for this file.
describe('a traffic run over CometD', () => {
  let mock: RunningMockGws;
  let rest: GwsRestClient;
  let client: TestCometdClient;

  beforeAll(async () => {
    mock = await createMockGws();
    rest = new GwsRestClient(mock.url);
    await rest.login();
    client = createTestCometdClient(mock.url, rest.jar);
    await client.start();
  });

  afterAll(async () => {
    await client.stop();
    await mock.close();
  });

  it('publishes offers, accepts, user-data changes and completions that the parser all accepts', async () => {
    const started = await rest.mock('traffic', { rate: 1000, seed: 7 });
    expect(started.body).toEqual({ ok: true, traffic: { running: true, rate: 1000, seed: 7 } });
    await waitFor(() => client.messages.length >= 400, '400 traffic notifications', 5000);
    await rest.mock('traffic', { rate: 0 });
    expect(mock.control.state().traffic.running).toBe(false);
    const published = mock.control.state().published;
    await waitFor(() => client.messages.length === published, 'every published notification');

    const messages = client.messages as OpenmediaStateChangeMessageWire[];
    for (const m of messages) {
      const parsed = parseNotification(m);
      expect(parsed.ok ? 'ok' : parsed.reason).toBe('ok');
      expect(m).not.toHaveProperty('referenceId');
    }
    const kinds = new Set(messages.map((m) => `${m.notificationType}:${m.openmedia?.state ?? ''}`));
    expect([...kinds].sort()).toEqual(['PropertiesUpdated:Processing', 'StatusChange:Completed', 'StatusChange:Invited', 'StatusChange:Processing']);

    // Each notification is the whole resource: the last one per id is what the mock holds now.
    const last = new Map(messages.map((m) => [m.openmedia?.id, m.openmedia] as const));
    const now = new Map(mock.control.state().interactions.map((i) => [i.id, i] as const));
    for (const [id, resource] of last) {
      if (id !== undefined && now.has(id)) expect(resource).toEqual(now.get(id));
    }
  });
});
