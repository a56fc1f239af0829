/**
 * The widget without React, for Node integration tests against the mock GWS over real HTTP: the
 * production CometD channel, GWS client, store and provider connection, wired as the provider
 * wires them. Test-only; not part of the public API.
 *
 * cometd-nodejs-client's `adapt()` installs a process-wide `window` (and replaces console.debug),
 * so only Node test files may import this, one widget at a time per file.
 */
import { QueryClient } from '@tanstack/react-query';
import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import { createCometdChannel } from '../channel/cometd-channel';
import type { ConnectionStatus, NotificationChannel } from '../channel/types';
import { createOpenmediaStore } from '../core/store';
import type { OpenmediaStore } from '../core/store';
import { CookieJar } from '../mock-gws/testing/cookie-jar';
import { adaptWithJar } from '../mock-gws/testing/test-cometd-client';
import { createOpenmediaConnection } from './openmedia-connection';
import type { OpenmediaConnection } from './openmedia-connection';

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
  readonly store: OpenmediaStore;
  readonly connection: OpenmediaConnection;
  readonly channel: NotificationChannel;
  readonly client: GwsClient;
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

/** Logs in (a GET that creates the HTTP session, as the host page would), then connects. */
export async function startHeadlessWidget(options: HeadlessOptions): Promise<HeadlessWidget> {
  adaptOnce();
  jar.clear();
  const client = createGwsClient({ gwsBase: options.mockUrl, fetch: fetchWithJar(options.rewrite) });
  await client.getMe();
  const channel = createCometdChannel({ url: `${options.mockUrl}/api/v2/notifications`, backoff: { baseMs: 100, maxMs: 500 } });
  const queryClient = new QueryClient();
  // Flush at once: there is no frame to wait for in Node, and the tests read getSnapshot().
  const store = createOpenmediaStore({ lingerMs: 600_000, schedule: (flush) => queueMicrotask(flush) });
  const connection = createOpenmediaConnection({
    channel,
    client,
    queryClient,
    store,
    mediaTypes: options.mediaTypes ?? ['promotion', 'workitem'],
    actionTimeoutMs: options.actionTimeoutMs ?? 15_000,
  });
  const statuses: { status: ConnectionStatus; at: number }[] = [];
  const unsubscribe = connection.subscribe(() => {
    const { status } = connection.getState();
    if (statuses.at(-1)?.status !== status) statuses.push({ status, at: Date.now() });
  });
  const detach = connection.attach();
  const release = connection.retain();
  return {
    store,
    connection,
    channel,
    client,
    statuses,
    stop() {
      release();
      detach();
      unsubscribe();
      queryClient.clear();
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
