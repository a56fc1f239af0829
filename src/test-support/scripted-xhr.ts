import { vi } from 'vitest';

/**
 * An XMLHttpRequest a test answers by hand, for the real CometD 9 client: install it with
 * {@link installScriptedXhr} (a global `window` of its own) and answer each Bayeux request with
 * the exact messages a server sent. Test-only; the node project runs each test file in isolation.
 */

export interface BayeuxMessage {
  id?: string;
  channel: string;
  [key: string]: unknown;
}

export class ScriptedXhr {
  static readonly UNSENT = 0;
  static sent: ScriptedXhr[] = [];
  withCredentials = false;
  readyState = 0;
  status = 0;
  statusText = '';
  responseText = '';
  method = '';
  url = '';
  messages: BayeuxMessage[] = [];
  answered = false;
  onload: (() => void) | undefined;
  onerror: (() => void) | undefined;
  onabort: (() => void) | undefined;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(..._args: unknown[]): void {}
  send(body: string): void {
    this.messages = JSON.parse(body) as BayeuxMessage[];
    ScriptedXhr.sent.push(this);
  }
  abort(): void {
    this.answered = true;
  }
  /** Answers with `replies` as JSON; `statusText` given: that status line, and `replies` undefined is an empty body. */
  respond(status: number, replies: unknown, statusText?: string): void {
    this.answered = true;
    this.status = status;
    this.statusText = statusText ?? (status === 200 ? 'OK' : 'Error');
    this.responseText = replies === undefined && statusText !== undefined ? '' : JSON.stringify(replies);
    this.readyState = 4;
    this.onload?.();
  }
  /** No answer at all (a cut network): CometD sees HTTP status 0. */
  fail(): void {
    this.answered = true;
    this.readyState = 4;
    this.onerror?.();
  }
}

/** The request headers CometD set on each {@link HeaderXhr} request. */
const headersOf = new WeakMap<ScriptedXhr, Record<string, string>>();

/** A {@link ScriptedXhr} that keeps the request headers CometD sets (read them with {@link requestHeaders}). */
export class HeaderXhr extends ScriptedXhr {
  override setRequestHeader(...args: unknown[]): void {
    const [name, value] = args;
    if (typeof name !== 'string' || typeof value !== 'string') return;
    headersOf.set(this, { ...headersOf.get(this), [name]: value });
  }
}

/** The headers a {@link HeaderXhr} request was sent with (none for another request). */
export function requestHeaders(xhr: ScriptedXhr | undefined): Record<string, string> {
  return (xhr && headersOf.get(xhr)) ?? {};
}

/** The requests not answered yet that carry a message on `channel`. */
export function unanswered(channel: string): ScriptedXhr[] {
  return ScriptedXhr.sent.filter((x) => !x.answered && x.messages.some((m) => m.channel === channel));
}

/** The one unanswered request carrying `channel`; throws (with what is pending) when there is not exactly one. */
export function pending(channel: string): ScriptedXhr {
  const requests = unanswered(channel);
  const [request] = requests;
  if (requests.length !== 1 || request === undefined) {
    const open = ScriptedXhr.sent.filter((x) => !x.answered).map((x) => x.messages.map((m) => m.channel).join('+'));
    throw new Error(`expected one pending ${channel} request, found ${requests.length} (pending: ${open.join(', ') || 'none'})`);
  }
  return request;
}

/** Answers each message of the request with `fields` (keeping its id and channel), then `extra`. */
export function answer(xhr: ScriptedXhr, fields: (m: BayeuxMessage) => object, extra: readonly unknown[] = []): void {
  xhr.respond(200, [...xhr.messages.map((m) => ({ id: m.id, channel: m.channel, ...fields(m) })), ...extra]);
}

/** A successful handshake reply (long-polling, retry advice). */
export const HANDSHAKE_OK = { successful: true, clientId: 'client-1', version: '1.0', supportedConnectionTypes: ['long-polling'], advice: { reconnect: 'retry', interval: 0, timeout: 30_000 } };

/** Lets CometD's pending timers and the promises they settle run (fake timers). */
export async function settleTimers(): Promise<void> {
  await vi.advanceTimersByTimeAsync(10);
}

/** Handshake, subscription to `/v2/me/openmedia` and first connect all succeed. */
export async function establishSession(): Promise<void> {
  answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
  await settleTimers();
  answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: '/v2/me/openmedia' }));
  await settleTimers();
  answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 30_000 } }));
  await settleTimers();
}

/**
 * A global `window` whose XMLHttpRequest is {@link ScriptedXhr} (or `xhr`, e.g. {@link HeaderXhr});
 * undo with `vi.unstubAllGlobals()`.
 */
export function installScriptedXhr(xhr: typeof ScriptedXhr = ScriptedXhr): void {
  ScriptedXhr.sent = [];
  vi.stubGlobal('window', {
    XMLHttpRequest: xhr,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    console,
    location: { host: 'widget.example' },
  });
}
