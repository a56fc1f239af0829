import type { IncomingMessage, ServerResponse } from 'node:http';
import serverLib from 'cometd-nodejs-server';
import type { CometDServer, ServerSession } from 'cometd-nodejs-server';
import { GWS_V2_NOTIFICATIONS_PATH } from './gws-v2-wire';

/** Where the GWS v2 mock's CometD server is mounted (prefix match: the client appends /handshake, /connect, …). */
export const NOTIFICATIONS_PATH = GWS_V2_NOTIFICATIONS_PATH;

/**
 * Private members of cometd-nodejs-server 1.2.1 used by `dropSessions`: the public API can only
 * `disconnect()` a session, which tells the client to stop; GWS losing a session must instead
 * make the next /meta/connect fail with 402 so the client re-handshakes.
 */
interface SessionInternals {
  _flush(): void;
}
interface ServerInternals {
  _removeServerSession(session: ServerSession, timeout: boolean): unknown;
}

/** The CometD (Bayeux, long-polling) side of the mock. */
export class CometdEndpoint {
  readonly #server: CometDServer;
  /** Live sessions, each with the HTTP session (cookie) it was opened in. */
  readonly #sessions = new Map<ServerSession, string | undefined>();
  /** Requests from HTTP sessions the server no longer knows: their handshakes lead nowhere. */
  readonly #forgetting = new WeakSet<IncomingMessage>();
  readonly #httpSessionOf: (req: IncomingMessage) => string | undefined;
  #handshakes = 0;
  /** Every subscription is refused (`403::subscribe_denied`): see `refuseSubscriptions`. */
  #refuseSubscriptions = false;

  constructor(options: {
    readonly longPollTimeoutMs: number;
    readonly httpSessionOf?: (req: IncomingMessage) => string | undefined;
    /** Refuse subscriptions to wildcard channels (`403::subscribe_denied`, cometd-nodejs-server's words), as a production server may. */
    readonly refuseWildcardSubscriptions?: boolean;
  }) {
    this.#httpSessionOf = options.httpSessionOf ?? (() => undefined);
    this.#server = serverLib.createCometDServer({
      // Several tabs (and several test clients) share one browser cookie: allow them all to long-poll.
      maxSessionsPerBrowser: -1,
      timeout: options.longPollTimeoutMs,
      browserCookiePath: '/',
    });
    const refuseWildcards = options.refuseWildcardSubscriptions === true;
    this.#server.policy = {
      canSubscribe: (_session, _message, channel, callback) => callback(undefined, !this.#refuseSubscriptions && !(refuseWildcards && channel.name.endsWith('*'))),
    };
    this.#server.addListener('sessionAdded', (session: ServerSession) => {
      const request = (this.#server.context as { request?: IncomingMessage } | null)?.request;
      if (request && this.#forgetting.has(request)) {
        // The Workspace API with an unknown session cookie (the simulator after a restart): the
        // handshake succeeds, then the session is unknown at once (402 on subscribe and connect).
        setImmediate(() => (this.#server as unknown as ServerInternals)._removeServerSession(session, false));
        return;
      }
      this.#sessions.set(session, request && this.#httpSessionOf(request));
      this.#handshakes += 1;
      session.addListener('suspended', () => this.#releaseWhenBroken(session));
    });
    this.#server.addListener('sessionRemoved', (session: ServerSession) => {
      this.#sessions.delete(session);
    });
  }

  /**
   * The server does not notice a held /meta/connect whose connection broke (network cut, expired
   * session) until its timeout, and would drain the next notifications into the dead socket. Release
   * it as soon as the connection closes so later notifications wait in the session's queue for the
   * client's next /meta/connect.
   */
  #releaseWhenBroken(session: ServerSession): void {
    const response = (this.#server.context as { response?: ServerResponse }).response;
    response?.once('close', () => {
      if (!response.writableFinished) (session as unknown as SessionInternals)._flush();
    });
  }

  /**
   * `forget`: the request's HTTP session is unknown to the server. Its CometD sessions are gone
   * (the next connect gets `402::session_unknown`) and a handshake in it succeeds but leads nowhere.
   */
  handle(req: IncomingMessage, res: ServerResponse, options: { readonly forget?: boolean } = {}): void {
    if (options.forget) {
      this.#forgetting.add(req);
      const httpSession = this.#httpSessionOf(req);
      if (httpSession !== undefined) this.#remove([...this.#sessions].filter(([, id]) => id === httpSession).map(([session]) => session));
    }
    this.#server.handle(req, res);
  }

  /**
   * Publishes on `channel`. The channel is looked up (or created) on every publish: the server
   * sweeps a channel without subscribers after about a second, and a kept reference would then
   * publish to nobody.
   */
  publish(channel: string, data: unknown): void {
    this.#server.createServerChannel(channel).publish(null, data);
  }

  get sessionCount(): number {
    return this.#sessions.size;
  }

  get handshakes(): number {
    return this.#handshakes;
  }

  /**
   * Forgets every session server-side. A held /meta/connect is released (answered) so the client
   * sends the next one at once, which gets `402::session_unknown` with `reconnect: handshake`.
   */
  /**
   * From now on, refuse every subscription (`403::subscribe_denied`) or none: a session the
   * server will not give the agent's notifications to (a permission taken away). A client already
   * subscribed keeps its subscription until it subscribes again (after `dropSessions`, say).
   */
  refuseSubscriptions(on: boolean): void {
    this.#refuseSubscriptions = on;
  }

  get refusingSubscriptions(): boolean {
    return this.#refuseSubscriptions;
  }

  dropSessions(): number {
    const sessions = [...this.#sessions.keys()];
    this.#remove(sessions);
    return sessions.length;
  }

  #remove(sessions: readonly ServerSession[]): void {
    const server = this.#server as unknown as ServerInternals;
    for (const session of sessions) {
      server._removeServerSession(session, false);
      (session as unknown as SessionInternals)._flush();
      this.#sessions.delete(session);
    }
  }

  close(): void {
    this.dropSessions();
    this.#server.close();
  }
}
