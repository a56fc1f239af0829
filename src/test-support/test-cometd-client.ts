import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { CookieJar } from './cookie-jar';

/**
 * A real CometD client for integration tests. `adapt()` installs a process-wide `window` and cookie
 * store, so use one of these per test file (vitest runs each file in its own process).
 */
export interface TestCometdClient {
  readonly cometd: CometD;
  /** Bayeux `data` of every message received on /v2/me/openmedia, in arrival order. */
  readonly messages: unknown[];
  /** Every /meta/handshake and /meta/connect reply or failure, in order. */
  readonly meta: Message[];
  /** Successful subscriptions to /v2/me/openmedia (one per successful handshake). */
  subscriptions(): number;
  /** Handshakes and subscribes; resolves once the first subscription is confirmed. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Installs cometd-nodejs-client's `window` with `jar` as its cookie store. The jar is shared with
 * the test's fetch calls, so CometD carries the same JSESSIONID as REST, as in a browser.
 */
export function adaptWithJar(jar: CookieJar): void {
  adapt({
    cookies: {
      storeCookie(_uri, header, callback) {
        jar.store(header);
        callback(null, undefined);
      },
      retrieveCookies(_context, _uri, callback) {
        const header = jar.header();
        callback(null, header ? [header] : []);
      },
    },
  });
}

export function createTestCometdClient(baseUrl: string, jar: CookieJar): TestCometdClient {
  adaptWithJar(jar);
  const cometd = new CometD();
  // cometd-nodejs-server has no WebSocket: without this the first handshake fails before falling back.
  cometd.unregisterTransport('websocket');
  cometd.configure({ url: `${baseUrl}/api/v2/notifications`, logLevel: 'warn', backoffIncrement: 50, maxBackoff: 300 });
  const messages: unknown[] = [];
  const meta: Message[] = [];
  let subscriptions = 0;
  let firstSubscription: (() => void) | undefined;

  cometd.addListener('/meta/connect', (m) => meta.push(m));
  cometd.addListener('/meta/handshake', (reply) => {
    meta.push(reply);
    if (!reply.successful) return;
    // Every handshake (re-handshakes included) clears the client's subscriptions: subscribe again.
    cometd.subscribe(OPENMEDIA_CHANNEL.channel, (m) => messages.push(m.data), (sub) => {
      meta.push(sub);
      if (sub.successful) {
        subscriptions += 1;
        firstSubscription?.();
      }
    });
  });

  return {
    cometd,
    messages,
    meta,
    subscriptions: () => subscriptions,
    start() {
      return new Promise<void>((resolve) => {
        firstSubscription = () => {
          firstSubscription = undefined;
          resolve();
        };
        cometd.handshake();
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        if (cometd.isDisconnected()) return resolve();
        cometd.disconnect(() => resolve());
      });
    },
  };
}
