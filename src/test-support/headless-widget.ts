/**
 * The widget without React, for Node integration tests against the mock GWS over real HTTP:
 * `createOpenmediaClient` with the production CometD channel and GWS REST client. Test-only; not
 * part of the public API.
 *
 * cometd-nodejs-client's `adapt()` installs a process-wide `window` (and replaces console.debug),
 * so only Node test files may import this, one widget at a time per file.
 */
import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import type { BackoffOptions } from '../channel/backoff';
import { createCometdChannel } from '../channel/cometd-channel';
import type { ConnectionStatus, NotificationChannel } from '../channel/types';
import { createOpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaStore } from '../core/store';
import type { MockStateView } from '../mock-gws/types';
import { CookieJar } from './cookie-jar';
import { adaptWithJar } from './test-cometd-client';

/** The cookie jar CometD's XMLHttpRequest and the REST fetch share, like a browser's. */
const jar = new CookieJar();
let adapted = false;

function adaptOnce(): void {
  if (adapted) return;
  adapted = true;
  adaptWithJar(jar);
}

/** Node's fetch keeps no cookies: this one plays the browser's jar. */
export function fetchWithJar(rewrite?: (init: RequestInit, headers: Headers) => void): typeof fetch {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header();
    if (cookie) headers.set('Cookie', cookie);
    rewrite?.(init, headers);
    const response = await fetch(input, { ...init, headers });
    jar.storeFrom(response.headers);
    return response;
  };
}

export interface HeadlessWidget {
  readonly openmedia: OpenmediaClient;
  readonly store: OpenmediaStore;
  readonly channel: NotificationChannel;
  readonly gws: GwsClient;
  /** Every status the connection reported, in order, with when. */
  readonly statuses: { readonly status: ConnectionStatus; readonly at: number }[];
  stop(): void;
}

export interface HeadlessOptions {
  readonly mockUrl: string;
  readonly mediaTypes?: readonly string[];
  readonly actionTimeoutMs?: number;
  /** Lets a test tamper with outgoing REST requests (e.g. send a stale CSRF token). */
  readonly rewrite?: (init: RequestInit, headers: Headers) => void;
}

/** The headless widget's reconnect back-off: short, so integration tests see retries quickly. */
export const HEADLESS_BACKOFF: BackoffOptions = { baseMs: 100, maxMs: 500 };

/** Logs in (a GET that creates the HTTP session, as the host page would), then connects. */
export async function startHeadlessWidget(options: HeadlessOptions): Promise<HeadlessWidget> {
  adaptOnce();
  jar.clear();
  const gws = createGwsClient({ gwsBase: options.mockUrl, fetch: fetchWithJar(options.rewrite) });
  await gws.getMe();
  const channel = createCometdChannel({ url: `${options.mockUrl}/api/v2/notifications`, backoff: HEADLESS_BACKOFF });
  const openmedia = createOpenmediaClient({
    gwsBase: options.mockUrl,
    channel,
    gwsClient: gws,
    mediaTypes: options.mediaTypes ?? ['promotion', 'workitem'],
    actionTimeoutMs: options.actionTimeoutMs ?? 15_000,
    lingerMs: 600_000,
    recordLimit: 0,
    // Publish at once: there is no frame to wait for in Node, and the tests read getSnapshot().
    schedule: (flush) => queueMicrotask(flush),
  });
  const statuses: { status: ConnectionStatus; at: number }[] = [];
  const unsubscribe = openmedia.subscribe(() => {
    const { status } = openmedia.getSnapshot();
    if (statuses.at(-1)?.status !== status) statuses.push({ status, at: Date.now() });
  });
  openmedia.start();
  return {
    openmedia,
    store: openmedia.store,
    channel,
    gws,
    statuses,
    stop() {
      unsubscribe();
      openmedia.dispose();
      openmedia.queryClient.clear();
    },
  };
}

/** POST a control route of the mock (`/mock/<name>`). */
export async function mockControl(mockUrl: string, name: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${mockUrl}/mock/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/mock/${name} answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

/** GET a read-only route of the mock (`/mock/state`, `/mock/log`). */
export async function mockRead<T>(mockUrl: string, name: 'state' | 'log'): Promise<T> {
  const response = await fetch(`${mockUrl}/mock/${name}`);
  if (!response.ok) throw new Error(`/mock/${name} answered ${response.status}`);
  return response.json() as Promise<T>;
}

/** Polls an async condition until it holds, or fails after `timeoutMs` naming `what`. */
export async function eventually(probe: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Differences between what the widget's store holds and the mock's own data, for `mediaTypes`:
 * missing or unknown interactions, other states, capabilities or user data. Empty when in sync.
 */
export async function differencesFromServer(mockUrl: string, store: OpenmediaStore, mediaTypes: readonly string[]): Promise<string[]> {
  const state = await mockRead<MockStateView>(mockUrl, 'state');
  const { byId } = store.getState();
  const differences: string[] = [];
  const known = new Set<string>();
  for (const wire of state.interactions.filter((i) => mediaTypes.includes(i.mediaType))) {
    known.add(wire.id);
    const mine = byId.get(wire.id)?.interaction;
    if (mine === undefined) {
      if (wire.state !== 'Completed') differences.push(`${wire.id}: missing`);
      continue;
    }
    if (mine.state !== wire.state) differences.push(`${wire.id}: state ${mine.state} ≠ ${wire.state}`);
    if (JSON.stringify(mine.capabilities) !== JSON.stringify(wire.capabilities)) differences.push(`${wire.id}: capabilities`);
    if (JSON.stringify(mine.userData) !== JSON.stringify(wire.userData ?? {})) differences.push(`${wire.id}: userData`);
  }
  for (const entry of byId.values()) if (!known.has(entry.interaction.id)) differences.push(`${entry.interaction.id}: unknown to the server`);
  return differences;
}
