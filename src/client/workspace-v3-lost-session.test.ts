import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_RECHECK_DELAY_MS } from '../api/workspace-v3/session-check';
import { createMemoryChannel } from '../channel/memory-channel';
import { capture, frames } from '../protocol/workspace-v3/fixtures';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/parse';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { answer, installScriptedXhr, pending, unanswered } from '../test-support/scripted-xhr';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';

// The v3 dialect's code loads on demand (a dynamic import); loaded once here, each client
// then has it within a few microtasks, as a browser has a cached chunk.
beforeAll(async () => {
  await import('./workspace-v3-dialect');
});

/**
 * Issue 14: a Workspace v3 session the server no longer knows ends as signed out, not
 * "Reconnecting…" for ever. The wire is the simulator's after a restart (recorded, see
 * ../shared/fixtures/workspace-v3/07-unknown-session-server-disconnect.json): every handshake is
 * accepted, the session is disconnected at once and its subscription refused, and
 * `current-session` answers 403 with no body.
 */

const forbidden = () => new Response('', { status: 403, statusText: 'Forbidden' });

let clients: OpenmediaClient[] = [];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const client of clients) client.dispose();
  clients = [];
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function track(client: OpenmediaClient): OpenmediaClient {
  clients.push(client);
  return client;
}

describe('workspace-v3: the session check (the dialect asks current-session)', () => {
  function setup(route: () => Response) {
    const fake = createFakeFetch(route);
    vi.stubGlobal('fetch', fake.fetch);
    const channel = createMemoryChannel(WORKSPACE_V3_CHANNEL);
    const client = track(createOpenmediaClient({ dialect: 'workspace-v3', channel, schedule: queueMicrotask, tickMs: 60_000 }));
    client.start();
    return { fake, channel, client };
  }

  it('current-session refused twice (403, 403): signed out', async () => {
    let refuse = false;
    const t = setup(() => (refuse ? forbidden() : json(capture('v3-01-current-session-invited'))));
    await vi.advanceTimersByTimeAsync(10_000);
    refuse = true;
    t.channel.setStatus('reconnecting');
    const before = t.fake.requests.length;
    t.channel.requestSessionCheck();
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS - 10);
    expect(t.client.getSnapshot().status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(20);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
    expect(t.fake.requests.slice(before).map((r) => r.url)).toEqual(['/workspace/v3/current-session', '/workspace/v3/current-session']);
  });

  it('signed out elsewhere while CometD stays up (it says nothing more): a read refused with 403 asks, and ends signed out', async () => {
    let refuse = false;
    const t = setup(() => (refuse ? forbidden() : json(capture('v3-01-current-session-invited'))));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.client.getSnapshot().status).toBe('connected');
    // WWE's Sign out: the cookie is no longer known; the CometD session is kept, deaf.
    refuse = true;
    t.channel.requestResync();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });

  it('a read refused with 403 while the session is still known: the read’s error stays, the widget stays Live', async () => {
    let refuseReads = 0;
    const t = setup(() => {
      if (refuseReads > 0) {
        refuseReads -= 1;
        return forbidden();
      }
      return json(capture('v3-01-current-session-invited'));
    });
    await vi.advanceTimersByTimeAsync(10_000);
    refuseReads = 3;
    t.channel.requestResync();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.client.getSnapshot().status).toBe('connected');
  });

  it('a widget whose every read is refused (a cookie the server never knew): signed out, not an endless "Could not load"', async () => {
    const t = setup(forbidden);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });

  it('a session still being set up (403, then the session): keeps reconnecting', async () => {
    let refuse = false;
    const t = setup(() => (refuse ? forbidden() : json(capture('v3-01-current-session-invited'))));
    await vi.advanceTimersByTimeAsync(10);
    t.channel.setStatus('reconnecting');
    refuse = true;
    t.channel.requestSessionCheck();
    await vi.advanceTimersByTimeAsync(10);
    refuse = false;
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS);
    expect(t.client.getSnapshot().status).toBe('reconnecting');
  });

  it('one check at a time: a second request while the first waits adds no read', async () => {
    let refuse = false;
    const t = setup(() => (refuse ? forbidden() : json(capture('v3-01-current-session-invited'))));
    await vi.advanceTimersByTimeAsync(10_000);
    refuse = true;
    t.channel.setStatus('reconnecting');
    const before = t.fake.requests.length;
    t.channel.requestSessionCheck();
    t.channel.requestSessionCheck();
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS + 10);
    expect(t.fake.requests.length - before).toBe(2);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });
});

describe('workspace-v3 over the real CometD client: the simulator restarted under the page', () => {
  const CHANNEL = WORKSPACE_V3_CHANNEL.channel;
  const ADVICE = { reconnect: 'retry', interval: 0, timeout: 30_000 };
  let n = 0;
  const handshakeOk = () => ({ successful: true, clientId: `c${++n}`, version: '1.0', supportedConnectionTypes: ['long-polling'], advice: ADVICE });
  /** The recorded reply of the restarted simulator's first /meta/connect: the server's disconnect, then the connect. */
  const [serverDisconnect] = frames('07-unknown-session-server-disconnect');

  function setup() {
    installScriptedXhr();
    let restarted = false;
    const fake = createFakeFetch(() => (restarted ? forbidden() : json(capture('v3-01-current-session-invited'))));
    vi.stubGlobal('fetch', fake.fetch);
    const client = track(
      createOpenmediaClient({ dialect: 'workspace-v3', gwsBase: 'http://127.0.0.1:4191', shareConnection: false, schedule: queueMicrotask, tickMs: 60_000 }),
    );
    client.start();
    return { client, restart: () => (restarted = true) };
  }

  async function establish(): Promise<void> {
    answer(pending('/meta/handshake'), handshakeOk);
    await vi.advanceTimersByTimeAsync(0);
    answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: CHANNEL }));
    answer(pending('/meta/connect'), () => ({ successful: true, advice: ADVICE }));
    await vi.advanceTimersByTimeAsync(10);
  }

  /** Answers as the restarted simulator does, whatever the client sends, for `ms`. */
  async function restartedServer(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 50) {
      for (const x of unanswered('/meta/handshake')) answer(x, handshakeOk);
      for (const x of unanswered('/meta/subscribe')) answer(x, () => ({ successful: false, error: '403::subscribe_failed', subscription: CHANNEL }));
      for (const x of unanswered('/meta/connect')) answer(x, () => ({ successful: true }), [serverDisconnect]);
      for (const x of unanswered('/meta/disconnect')) answer(x, () => ({ successful: true }));
      await vi.advanceTimersByTimeAsync(50);
    }
  }

  it('shows signed out within 8 s (two back-off restarts of ≤ 1 s and ≤ 2 s, then 403 twice 2.5 s apart), never connected again', async () => {
    const t = setup();
    await establish();
    expect(t.client.getSnapshot().status).toBe('connected');
    expect(t.client.store.getState().byId.get('b7d20a96a667c294')?.interaction.state).toBe('Invited');
    t.restart();
    const statuses: string[] = [];
    t.client.subscribe(() => statuses.push(t.client.getSnapshot().status));
    // The long poll meets the new server, which does not know the client.
    answer(pending('/meta/connect'), () => ({ successful: false, error: '402::session_unknown', advice: { reconnect: 'handshake', interval: 0 } }));
    await restartedServer(8_000);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
    expect(statuses).not.toContain('connected');
    // Signed out stops for good: no more handshakes once it is shown.
    const handshakes = () => unanswered('/meta/handshake').length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(handshakes()).toBe(0);
  });
});
