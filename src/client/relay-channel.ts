import { createListenerSet, subscribeCounted } from '../channel/listener-set';
import { refusalWith, statusMessage } from '../channel/refusal';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from '../channel/types';
import type { ChannelDescriptor } from '../protocol/parse';
import type { ActionError } from '../core/types';
import { readRelayMessage } from './relay-protocol';
import type { RelayMessage, SharedAction } from './relay-protocol';
import { countTabs, currentPageId, standForLeadership } from './tab-leadership';
import type { BroadcastChannelLike, Election, TabEnvironment } from './tab-leadership';

/** This tab's part in the shared connection. `solo`: not shared (opted out, or no Web Locks / BroadcastChannel). */
export type TabRole = 'solo' | 'leader' | 'follower';

/** What a tab hears of the other tabs' actions (see {@link SharedChannel.subscribeActions}). */
export type ActionNews =
  /** Tab `from` sent this action, or GWS accepted it (then with its referenceId). */
  /** `onThisPage`: the sender is another widget of this same page, not another tab. */
  | { readonly kind: 'started'; readonly from: string; readonly action: SharedAction; readonly onThisPage?: boolean }
  /** Tab `from` is done with it; `error`: it failed with no widget of that tab's shown to say so. */
  | { readonly kind: 'ended'; readonly from: string; readonly requestId: string; readonly error?: ActionError }
  /** Tab `from` stopped sharing or closed: its actions end with it (here). */
  | { readonly kind: 'tab-gone'; readonly from: string }
  /**
   * This tab stopped listening: it will not hear the others' actions end, so what it heard is
   * forgotten. When it starts again, the other tabs tell it their actions still in flight.
   */
  | { readonly kind: 'deaf' };

/** This tab's role and how many tabs share the connection (undefined: not known). */
export interface TabInfo {
  readonly role: TabRole;
  readonly tabs: number | undefined;
}

export const SOLO_TAB: TabInfo = { role: 'solo', tabs: undefined };

/**
 * A {@link NotificationChannel} shared by the tabs of one browser: the leader tab runs the real
 * channel and relays every raw message and status change; followers hear them over the
 * BroadcastChannel. Each tab still reads its snapshots and performs its actions itself.
 */
export interface SharedChannel extends NotificationChannel {
  getTab(): TabInfo;
  /**
   * This follower took the leader's page for held (its status says reconnecting meanwhile): the
   * connection itself may be fine, and this tab's REST requests still go through.
   */
  leaderHeld?(): boolean;
  /** Called after each change of {@link getTab}. */
  subscribeTab(listener: () => void): () => void;
  /** Tell the other tabs that these offers were alerted (only the leader alerts). */
  announceAlerted(ids: readonly string[]): void;
  /** Offers another tab alerted. */
  subscribeAlerted(listener: (ids: readonly string[]) => void): () => void;
  /** Tell the other tabs that this tab's SetInFocus made `id` the interaction in focus. */
  announceFocused(id: string): void;
  /** The interaction another tab's SetInFocus put in focus (a joining tab hears the latest one). */
  subscribeFocused(listener: (id: string) => void): () => void;
  /** Tell the other tabs of an action of this tab in flight (again once it has its referenceId). */
  announceAction(action: SharedAction): void;
  /** Tell the other tabs that this tab is done with that action. */
  announceActionEnded(requestId: string, error?: ActionError): void;
  /** The other tabs' actions (a joining tab hears those in flight). */
  subscribeActions(listener: (news: ActionNews) => void): () => void;
}

export interface SharedChannelOptions {
  /** Lock and BroadcastChannel name: one shared connection per name. */
  readonly name: string;
  readonly descriptor: ChannelDescriptor;
  readonly environment: TabEnvironment;
  /** The real channel, created each time this tab takes the lead. */
  readonly createSource: () => NotificationChannel;
  /** How often the tab count is re-read (a closed tab says goodbye; a crashed one does not). Default 5 000 ms. */
  readonly recountMs?: number;
  /** How often a follower pings the leader's page. Default {@link LEADER_PING_MS}. */
  readonly pingMs?: number;
  /** A leader's page silent this long after a ping is held. Default {@link LEADER_HELD_MS}. */
  readonly heldMs?: number;
}

/**
 * How often a follower asks whether the leader's page still relays. The leader's connection runs
 * on (in its Worker), but what it hears reaches the other tabs through the leader page's thread:
 * a host's long task there (a heavy CRM) stops the relay, and the other tabs would show "Live"
 * over a list that no longer moves.
 */
export const LEADER_PING_MS = 2_000;
/**
 * A leader page that answered nothing for this long is held: its followers say the connection is
 * being checked ("reconnecting") until it speaks again. Nothing is lost meanwhile: what the
 * leader's connection heard is queued for its page, which relays it, in order, once free.
 */
export const LEADER_HELD_MS = 4_000;

/** Adds `listener` to `set`; returns its removal. */
function listenOn<T>(set: Set<{ readonly listener: T }>, listener: T): () => void {
  const record = { listener };
  set.add(record);
  return () => {
    set.delete(record);
  };
}

/** How many alerted offer ids a tab remembers for tabs that join later. */
const REMEMBERED_ALERTS = 500;

export function isSharedChannel(channel: NotificationChannel): channel is SharedChannel {
  return typeof (channel as Partial<SharedChannel>).getTab === 'function';
}

function newTabId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

interface Leading {
  readonly source: NotificationChannel;
  unsubscribe(): void;
  /** Another tab spoke for the first time: the source's Worker starts relaying to the tabs. */
  othersAppeared(): void;
  /** The source's Worker relays to the tabs itself (statuses included: the page tells none). */
  relaysItself(): boolean;
}

interface Run {
  readonly bus: BroadcastChannelLike;
  readonly onBus: (event: { readonly data: unknown }) => void;
  readonly election: Election;
  readonly recount: ReturnType<typeof setInterval>;
  readonly onPageHide: () => void;
  leading: Leading | undefined;
  /** A leader's connection fed this tab: taking over later must re-read what the gap lost. */
  followed: boolean;
  readonly ping: ReturnType<typeof setInterval>;
  /** When this tab last pinged (its own ping coming late means its own thread was held). */
  lastPingAt: number | undefined;
  /** When a follower's ping went unanswered first (undefined: the leader spoke since). */
  unansweredSince: number | undefined;
  /** A follower took the leader's page for held, and shows `reconnecting` instead of its status. */
  leaderHeld: boolean;
  /** The leader's status as last heard (what a follower shows again once the leader speaks). */
  leaderStatus: ConnectionStatus;
  /** The server's refusal the leader said with it. */
  leaderRefusal: string | undefined;
  /**
   * Another tab has spoken on the bus during this run. Until then a leader relays nothing: it is
   * alone, and a structured clone plus a trip through the browser process for every notification
   * would be paid for no one. A tab that joins says hello first and waits for the leader's status
   * answer (sent after this turns true) before it reads its snapshot, so it misses nothing.
   */
  others: boolean;
}

export function createSharedChannel(options: SharedChannelOptions): SharedChannel {
  const { name, environment } = options;
  const tabId = newTabId();
  const pageId = environment.pageId ?? currentPageId();
  const listeners = createListenerSet();
  const tabListeners = new Set<{ readonly listener: () => void }>();
  const alertedListeners = new Set<{ readonly listener: (ids: readonly string[]) => void }>();
  const alerted = new Set<string>();
  const focusedListeners = new Set<{ readonly listener: (id: string) => void }>();
  /** The latest focus confirmed in this browser (this tab's or heard), for tabs that join later. */
  let focused: string | undefined;
  const actionListeners = new Set<{ readonly listener: (news: ActionNews) => void }>();
  /** This tab's actions in flight, told again to a tab that joins. */
  const ownActions = new Map<string, SharedAction>();
  let status: ConnectionStatus = 'disconnected';
  /** See `NotificationChannel.getRefusal`. */
  let refusal: string | undefined;
  let tab: TabInfo = { role: 'follower', tabs: undefined };
  let run: Run | undefined;

  function setStatus(next: ConnectionStatus, why?: string): void {
    const shownWhy = refusalWith(next, why);
    if (next === status && shownWhy === refusal) return;
    status = next;
    refusal = shownWhy;
    listeners.status(next, shownWhy);
  }

  function setTab(next: Partial<TabInfo>): void {
    const merged = { ...tab, ...next };
    if (merged.role === tab.role && merged.tabs === tab.tabs) return;
    tab = merged;
    for (const { listener } of [...tabListeners]) listener();
  }

  function post(message: RelayMessage, current = run): void {
    try {
      current?.bus.postMessage(message);
    } catch {
      // A closed channel (the page is being torn down): nobody is left to tell.
    }
  }

  function recount(current = run): void {
    if (current === undefined) return;
    void countTabs(environment.locks, name).then((tabs) => {
      if (run === current && tabs !== undefined) setTab({ tabs });
    });
  }

  function remember(ids: readonly string[]): void {
    for (const id of ids) {
      alerted.delete(id);
      alerted.add(id);
    }
    for (const id of alerted) {
      if (alerted.size <= REMEMBERED_ALERTS) break;
      alerted.delete(id);
    }
  }

  function tellActions(news: ActionNews): void {
    for (const { listener } of [...actionListeners]) listener(news);
  }

  /** The leader spoke (a follower hears only the leader relay, report and answer pings). */
  function leaderSpoke(current: Run): void {
    current.unansweredSince = undefined;
    if (!current.leaderHeld) return;
    current.leaderHeld = false;
    setStatus(current.leaderStatus, current.leaderRefusal);
  }

  function pingLeader(current: Run): void {
    if (run !== current || current.leading || !current.others) return;
    const at = Date.now();
    const pingMs = options.pingMs ?? LEADER_PING_MS;
    // This tab's own thread was held (its ping comes late): the leader's answers may be queued
    // behind this tick, so it judges nothing and asks again.
    const selfHeld = current.lastPingAt !== undefined && at - current.lastPingAt > 2 * pingMs;
    current.lastPingAt = at;
    if (current.unansweredSince === undefined || selfHeld) current.unansweredSince = at;
    // (A quarter ping of slack: a timer a millisecond early must not cost a whole ping.)
    else if (!current.leaderHeld && status === 'connected' && at - current.unansweredSince >= (options.heldMs ?? LEADER_HELD_MS) - pingMs / 4) {
      current.leaderHeld = true;
      setStatus('reconnecting');
    }
    post({ kind: 'ping' }, current);
  }

  function lead(current: Run): void {
    if (run !== current) return;
    current.leaderHeld = false;
    current.unansweredSince = undefined;
    const tookOver = current.followed;
    setTab({ role: 'leader' });
    post({ kind: 'leader', from: tabId }, current);
    recount(current);
    const source = options.createSource();
    let live = true;
    let connectedOnce = false;
    /**
     * The source's Worker relays to the other tabs itself (what it hears after saying so): a host's
     * long task on this page then holds this tab only, not the others' news, nor its answers to
     * their pings. Until then, and without a Worker, this page relays.
     */
    let sourceRelays = false;
    const relays = () => current.others && !sourceRelays;
    const relay: ChannelListener = {
      onMessage(data, receivedAt) {
        if (!live) return;
        // Relayed first: whatever this tab says because of it (an action of its own ended by this
        // notification) must reach the others after the notification, not before it.
        // With when it came: a follower held by a long task of its own hears it late.
        if (relays()) post({ kind: 'message', data, at: receivedAt ?? Date.now() }, current);
        listeners.message(data, receivedAt);
      },
      onStatus(next, why) {
        if (!live) return;
        setStatus(next, why);
        if (relays()) post(statusMessage(next, why), current);
        if (next !== 'connected' || connectedOnce) return;
        connectedOnce = true;
        // What was sent between the last leader's end and this subscription reached no tab (a
        // Worker that relays asks it itself, right after its status).
        if (relays()) post({ kind: 'resync' }, current);
        if (tookOver) listeners.resyncNeeded();
      },
      onResyncNeeded() {
        if (!live) return;
        listeners.resyncNeeded();
        if (relays()) post({ kind: 'resync' }, current);
      },
      // The leader's client checks the session; its verdict reaches the others as a status.
      onSessionCheckNeeded() {
        if (live) listeners.sessionCheckNeeded();
      },
    };
    const unsubscribe = source.subscribe(relay);
    const relaying = (on: boolean) => {
      if (live) sourceRelays = on;
    };
    current.leading = {
      source,
      unsubscribe() {
        live = false;
        unsubscribe();
      },
      othersAppeared: () => source.relayTo?.(name, true, relaying),
      relaysItself: () => sourceRelays,
    };
    source.relayTo?.(name, current.others, relaying);
    relay.onStatus?.(source.getStatus(), source.getRefusal?.());
  }

  function receive(current: Run, message: RelayMessage): void {
    const { leading } = current;
    switch (message.kind) {
      case 'message':
        if (leading) return;
        leaderSpoke(current);
        listeners.message(message.data, message.at);
        return;
      case 'status':
        if (leading) return;
        if (message.status === 'connected') current.followed = true;
        current.leaderStatus = message.status;
        current.leaderRefusal = message.refusal;
        leaderSpoke(current);
        setStatus(message.status, message.refusal);
        return;
      case 'resync':
        if (leading) return;
        leaderSpoke(current);
        listeners.resyncNeeded();
        return;
      case 'ping':
        if (leading) post({ kind: 'pong' }, current);
        return;
      case 'pong':
        if (!leading) leaderSpoke(current);
        return;
      case 'hello':
        if (leading) {
          // A Worker that relays answers with its own status: this page's may be behind it (held
          // by a long task), and would come after it.
          if (!leading.relaysItself()) post(statusMessage(leading.source.getStatus(), leading.source.getRefusal?.()), current);
          if (alerted.size > 0) post({ kind: 'alerted', ids: [...alerted] }, current);
          if (focused !== undefined) post({ kind: 'focused', id: focused }, current);
        }
        // Every tab tells the newcomer of its own actions in flight.
        for (const action of ownActions.values()) post({ kind: 'action', from: tabId, ...action, page: pageId }, current);
        // Read again a little later too: the newcomer's lock request may not show in the count yet.
        recount(current);
        setTimeout(() => recount(current), 500);
        return;
      case 'bye':
        // The leader is gone; the next tab in the lock's queue takes over at once.
        if (message.leader && !leading) {
          current.leaderStatus = 'reconnecting';
          current.leaderRefusal = undefined;
          setStatus('reconnecting');
        }
        tellActions({ kind: 'tab-gone', from: message.from });
        recount(current);
        setTimeout(() => recount(current), 500);
        return;
      case 'leader':
        recount(current);
        return;
      case 'reconnect':
        leading?.source.reconnect?.();
        return;
      case 'session-ended':
        leading?.source.sessionEnded?.();
        return;
      case 'alerted':
        remember(message.ids);
        for (const { listener } of [...alertedListeners]) listener(message.ids);
        return;
      case 'focused':
        focused = message.id;
        for (const { listener } of [...focusedListeners]) listener(message.id);
        return;
      case 'action': {
        const { kind: _kind, from, page, ...action } = message;
        tellActions({ kind: 'started', from, action, onThisPage: page !== undefined && page === pageId });
        return;
      }
      case 'action-ended':
        tellActions(
          message.error === undefined
            ? { kind: 'ended', from: message.from, requestId: message.requestId }
            : { kind: 'ended', from: message.from, requestId: message.requestId, error: message.error },
        );
        return;
    }
  }

  function start(): void {
    const bus = environment.openChannel(name);
    const current: Run = {
      bus,
      onBus: (event) => {
        const message = readRelayMessage(event.data);
        if (message === undefined || run !== current) return;
        // A BroadcastChannel never delivers a tab's own posts: this came from another tab (or
        // from this tab's own connection Worker, which relays only once another tab is there).
        if (!current.others) {
          current.others = true;
          current.leading?.othersAppeared();
        }
        receive(current, message);
      },
      election: { resign: () => undefined },
      // A tab that has never heard from another re-reads nothing: alone, it can lose no tab, and
      // a new one says hello first. Any other tab re-reads the count: a crashed tab says no
      // goodbye, and a newcomer's hello can come before its lock request shows in the count.
      recount: setInterval(() => {
        if (tab.tabs !== 1 || current.others) recount(current);
      }, options.recountMs ?? 5_000),
      ping: setInterval(() => pingLeader(current), options.pingMs ?? LEADER_PING_MS),
      lastPingAt: undefined,
      unansweredSince: undefined,
      leaderHeld: false,
      leaderStatus: 'connecting',
      leaderRefusal: undefined,
      onPageHide: () => post({ kind: 'bye', from: tabId, leader: current.leading !== undefined }, current),
      leading: undefined,
      followed: false,
      others: false,
    };
    run = current;
    bus.addEventListener('message', current.onBus);
    globalThis.addEventListener?.('pagehide', current.onPageHide);
    setStatus('connecting');
    setTab({ role: 'follower' });
    // The lock is asked for before the hello, so the others' count, read on hearing it, has this tab.
    (current as { election: Election }).election = standForLeadership(environment.locks, name, () => lead(current));
    post({ kind: 'hello', from: tabId }, current);
    recount(current);
  }

  function stop(): void {
    const current = run;
    if (current === undefined) return;
    run = undefined;
    clearInterval(current.recount);
    clearInterval(current.ping);
    globalThis.removeEventListener?.('pagehide', current.onPageHide);
    current.leading?.unsubscribe();
    post({ kind: 'bye', from: tabId, leader: current.leading !== undefined }, current);
    // The others dropped them with the goodbye.
    ownActions.clear();
    tellActions({ kind: 'deaf' });
    current.leading = undefined;
    current.election.resign();
    current.bus.removeEventListener('message', current.onBus);
    current.bus.close();
    setTab({ role: 'follower', tabs: undefined });
    setStatus('disconnected');
  }

  return {
    descriptor: options.descriptor,
    getStatus: () => status,
    getRefusal: () => refusal,
    subscribe(listener) {
      return subscribeCounted(listeners, listener, start, stop);
    },
    reconnect() {
      if (run === undefined) return;
      if (run.leading) run.leading.source.reconnect?.();
      else post({ kind: 'reconnect' });
    },
    sessionEnded() {
      if (run === undefined) return;
      if (run.leading) run.leading.source.sessionEnded?.();
      else post({ kind: 'session-ended' });
    },
    retryNow() {
      // Every tab hears the browser's `online`; only the one holding the connection acts on it.
      if (run?.leading) run.leading.source.retryNow?.();
    },
    // Only the leader holds the long poll; a follower hears over the BroadcastChannel and waits for nothing.
    afterPendingConnect(callback) {
      const source = run?.leading?.source;
      if (source?.afterPendingConnect) return source.afterPendingConnect(callback);
      callback();
      return false;
    },
    getTab: () => tab,
    leaderHeld: () => run?.leaderHeld === true,
    subscribeTab: (listener) => listenOn(tabListeners, listener),
    announceAlerted(ids) {
      if (ids.length === 0) return;
      remember(ids);
      post({ kind: 'alerted', ids });
    },
    subscribeAlerted: (listener) => listenOn(alertedListeners, listener),
    announceFocused(id) {
      focused = id;
      post({ kind: 'focused', id });
    },
    subscribeFocused: (listener) => listenOn(focusedListeners, listener),
    announceAction(action) {
      ownActions.set(action.requestId, action);
      post({ kind: 'action', from: tabId, ...action, page: pageId });
    },
    announceActionEnded(requestId, error) {
      if (!ownActions.delete(requestId)) return;
      post(error === undefined ? { kind: 'action-ended', from: tabId, requestId } : { kind: 'action-ended', from: tabId, requestId, error });
    },
    subscribeActions: (listener) => listenOn(actionListeners, listener),
  };
}
