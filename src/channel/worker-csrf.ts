import type { CsrfHeader, CsrfHeaderSource } from './csrf-header';
import type { ToConnectionWorker } from './worker-protocol';

/** Plain data for postMessage: the source may hand out an object with more in it. */
function copyOf(token: CsrfHeader | undefined): CsrfHeader | undefined {
  return token === undefined ? undefined : { header: token.header, value: token.value };
}

function same(a: CsrfHeader | undefined, b: CsrfHeader | undefined): boolean {
  return a?.header === b?.header && a?.value === b?.value;
}

/** The Worker's CSRF source: the page's token, fed by its `csrf` and `csrfRefreshed` commands. */
export interface RelayedCsrfSource extends CsrfHeaderSource {
  /** The page's `csrf` command. */
  changed(token: CsrfHeader | undefined): void;
  /** The page's `csrfRefreshed` command. */
  refreshed(token: CsrfHeader | undefined): void;
}

/**
 * The token inside a connection Worker. The Worker has no REST client: the page reads the token
 * and sends it; a refresh the Worker's channel needs is asked of the page (`csrfRefresh`).
 */
export function createRelayedCsrfSource(initial: CsrfHeader | undefined, askForRefresh: () => void): RelayedCsrfSource {
  let token = initial;
  let known = initial !== undefined;
  const listeners = new Set<() => void>();
  const waitingForReady: (() => void)[] = [];
  const waitingForRefresh: (() => void)[] = [];

  function set(next: CsrfHeader | undefined): void {
    known = true;
    const changed = !same(token, next);
    token = next;
    for (const resolve of waitingForReady.splice(0)) resolve();
    if (changed) for (const listener of [...listeners]) listener();
  }

  return {
    current: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ready: () => (known ? Promise.resolve() : new Promise<void>((resolve) => waitingForReady.push(resolve))),
    refresh() {
      const done = new Promise<void>((resolve) => waitingForRefresh.push(resolve));
      // One read on its way serves every caller until it is over.
      if (waitingForRefresh.length === 1) askForRefresh();
      return done;
    },
    changed: set,
    refreshed(next) {
      set(next);
      for (const resolve of waitingForRefresh.splice(0)) resolve();
    },
  };
}

/** The page's side of the relay, for one Worker. */
export interface CsrfRelay {
  /** What the Worker's `start` config carries. */
  readonly initial: { readonly token: CsrfHeader | undefined };
  /** The Worker asked for a fresh token (`csrfRefresh`). */
  refresh(): void;
  stop(): void;
}

/**
 * Sends the page's token to a connection Worker: now, on every change, once GWS first answered
 * (so a Worker waiting for a token learns there is none), and after each read it asks for.
 */
export function relayCsrfToWorker(source: CsrfHeaderSource, post: (message: ToConnectionWorker) => void): CsrfRelay {
  let live = true;
  const initial = { token: copyOf(source.current()) };
  const unsubscribe = source.subscribe(() => {
    if (live) post({ kind: 'csrf', token: copyOf(source.current()) });
  });
  if (initial.token === undefined) {
    const answered = () => {
      if (live) post({ kind: 'csrf', token: copyOf(source.current()) });
    };
    source.ready().then(answered, answered);
  }
  return {
    initial,
    refresh() {
      const over = () => {
        if (live) post({ kind: 'csrfRefreshed', token: copyOf(source.current()) });
      };
      source.refresh().then(over, over);
    },
    stop() {
      live = false;
      unsubscribe();
    },
  };
}

