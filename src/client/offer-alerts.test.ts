import { afterEach, describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import { waitFor } from '../test-support/wait-for';
import { createScriptedGws, resource, statusChange } from '../testing/scripted-gws';
import type { ScriptedGws } from '../testing/scripted-gws';
import { createTitleBadge } from './alert-effects';
import type { AlertEffects } from './alert-effects';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import type { OfferAlertOptions } from './offer-alerts';
import type { StorageLike } from './seen-offers';

function memoryStorage(): StorageLike & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

interface Recorded {
  readonly offers: string[];
  readonly notifications: string[];
  readonly sounds: number[];
  readonly badges: number[];
}

function recordingEffects(): AlertEffects & Recorded {
  const recorded: Recorded = { offers: [], notifications: [], sounds: [], badges: [] };
  return {
    ...recorded,
    setBadge: (count) => recorded.badges.push(count),
    notify: (_interaction, text) => recorded.notifications.push(text.title),
    primeSound: () => undefined,
    playSound: () => recorded.sounds.push(recorded.sounds.length + 1),
    focusOffer: () => undefined,
  };
}

const session = memoryStorage();
const clients: OpenmediaClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
  session.items.clear();
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

function open(gws: ScriptedGws, alerts: boolean | OfferAlertOptions = true) {
  // The client reads sessionStorage when it is created: the record of alerted offers outlives it.
  Object.defineProperty(globalThis, 'sessionStorage', { value: session, configurable: true });
  const channel: MemoryChannel = createMemoryChannel();
  const effects = recordingEffects();
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: gws.fetch }),
    mediaTypes: ['workitem'],
    schedule: queueMicrotask,
    alerts,
    alertEffects: effects,
  });
  client.alerts.onOffer((interaction) => effects.offers.push(interaction.id));
  client.start();
  clients.push(client);
  return { channel, client, effects };
}

const loaded = (client: OpenmediaClient, id: string) => () => client.getSnapshot().state.byId.has(id);

describe('offer alerts', () => {
  it('alerts a new offer once, however often a reconnect or a snapshot re-lists it', async () => {
    const gws = createScriptedGws();
    const { channel, client, effects } = open(gws, { notifications: true, sound: true });
    await waitFor(() => client.getSnapshot().status === 'connected', 'connected');
    const offer = resource('O1', 'Invited', 'workitem', { Subject: 'Refund' });
    gws.snapshots.set('workitem', [offer]);
    channel.emit(statusChange(offer));
    await waitFor(() => effects.offers.length === 1, 'the offer alerted');
    expect(effects.notifications).toEqual(['New offer: Refund']);
    expect(effects.sounds).toHaveLength(1);

    // A re-handshake: the resync re-reads the snapshot, which lists the same offer.
    channel.requestResync();
    await waitFor(() => gws.requests.filter((r) => r.method === 'GET').length >= 2, 'the resync read');
    channel.emit(statusChange(offer));
    // A new offer after it: once that one is alerted, a second alert for O1 would have come first.
    channel.emit(statusChange(resource('O1-next', 'Invited', 'workitem', { Subject: 'Next' })));
    await waitFor(() => effects.offers.includes('O1-next'), 'the next offer alerted');
    expect(effects.offers).toEqual(['O1', 'O1-next']);
    expect(effects.notifications).toEqual(['New offer: Refund', 'New offer: Next']);
  });

  it('does not alert again after a remount or a reload within the session', async () => {
    const gws = createScriptedGws();
    gws.snapshots.set('workitem', [resource('O2', 'Invited')]);
    const first = open(gws);
    await waitFor(() => first.effects.offers.length === 1, 'the first client alerted');
    first.client.dispose();
    const second = open(gws);
    await waitFor(loaded(second.client, 'O2'), 'the remounted client read the offer');
    // A new offer after it: once that one is alerted, an alert for O2 would have come first.
    second.channel.emit(statusChange(resource('O2-next', 'Invited')));
    await waitFor(() => second.effects.offers.includes('O2-next'), 'the next offer alerted');
    expect(second.effects.offers).toEqual(['O2-next']);
  });

  it('never alerts an offer already answered, and alerts only offers', async () => {
    const gws = createScriptedGws();
    gws.snapshots.set('workitem', [resource('A1', 'Processing'), resource('O3', 'Invited')]);
    const { channel, client, effects } = open(gws);
    await waitFor(loaded(client, 'A1'), 'the snapshot read');
    await waitFor(() => effects.offers.length === 1, 'the waiting offer alerted');
    // Offered and answered within one burst: published once, as answered.
    channel.emit(statusChange(resource('O4', 'Invited')));
    channel.emit(statusChange(resource('O4', 'Processing')));
    await waitFor(loaded(client, 'O4'), 'the answered offer shown');
    channel.emit(statusChange(resource('O5', 'Invited')));
    await waitFor(() => effects.offers.includes('O5'), 'a later offer alerted');
    expect(effects.offers).toEqual(['O3', 'O5']);
  });

  it('shows the number of waiting offers in the title, and the title as it was once none wait', async () => {
    const gws = createScriptedGws();
    const { channel, client, effects } = open(gws);
    await waitFor(() => client.getSnapshot().status === 'connected', 'connected');
    channel.emit(statusChange(resource('T1', 'Invited')));
    channel.emit(statusChange(resource('T2', 'Invited')));
    await waitFor(() => effects.badges.at(-1) === 2, 'two waiting');
    channel.emit(statusChange(resource('T1', 'Processing')));
    channel.emit(statusChange(resource('T2', 'Completed')));
    await waitFor(() => effects.badges.at(-1) === 0, 'none waiting');
  });

  it('keeps notifications and sound off unless turned on, and a muted sound silent', async () => {
    const gws = createScriptedGws();
    const { channel, client, effects } = open(gws, true);
    await waitFor(() => client.getSnapshot().status === 'connected', 'connected');
    channel.emit(statusChange(resource('S1', 'Invited')));
    await waitFor(() => effects.offers.length === 1, 'S1 heard');
    expect(effects.notifications).toEqual([]);
    expect(effects.sounds).toEqual([]);
    client.alerts.setPreferences({ sound: true, muted: true });
    channel.emit(statusChange(resource('S2', 'Invited')));
    await waitFor(() => effects.offers.length === 2, 'S2 heard');
    expect(effects.sounds).toEqual([]);
    client.alerts.setPreferences({ muted: false });
    channel.emit(statusChange(resource('S3', 'Invited')));
    await waitFor(() => effects.sounds.length === 1, 'S3 rang');
  });

  it('tells onOffer listeners even with alerts off, without badge, notification or sound', async () => {
    const gws = createScriptedGws();
    const { channel, client, effects } = open(gws, false);
    client.alerts.setPreferences({ notifications: true, sound: true });
    await waitFor(() => client.getSnapshot().status === 'connected', 'connected');
    channel.emit(statusChange(resource('H1', 'Invited')));
    await waitFor(() => effects.offers.length === 1, 'H1 heard');
    expect(effects.notifications).toEqual([]);
    expect(effects.sounds).toEqual([]);
    expect(effects.badges.filter((count) => count > 0)).toEqual([]);
  });
});

describe('createTitleBadge', () => {
  it('restores the title exactly, and keeps a title the host set meanwhile', () => {
    const doc = { title: 'Agent desktop – (beta)' };
    const badge = createTitleBadge(doc);
    badge(2);
    expect(doc.title).toBe('(2) Agent desktop – (beta)');
    badge(1);
    expect(doc.title).toBe('(1) Agent desktop – (beta)');
    badge(0);
    expect(doc.title).toBe('Agent desktop – (beta)');
    badge(1);
    doc.title = 'Case 42';
    badge(3);
    expect(doc.title).toBe('(3) Case 42');
    badge(0);
    expect(doc.title).toBe('Case 42');
  });
});
