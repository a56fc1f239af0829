import type { UserDataValue } from '../protocol/types';
import type { BurstRunner } from './burst';
import type { CometdEndpoint } from './cometd-endpoint';
import type { NetworkCut } from './faults';
import type { HttpSessions } from './http-sessions';
import type { MockEngine } from './mock-engine';
import { createPrng } from './prng';
import type { RequestLog } from './request-log';
import { copyUserData } from './resource';
import { randomOffer, type TrafficGenerator } from './traffic';
import { ENDED_STATES, MockInputError, type MockControl } from './types';

export interface ControlDeps {
  readonly engine: MockEngine;
  readonly cometd: CometdEndpoint;
  readonly sessions: HttpSessions;
  readonly cut: NetworkCut;
  readonly log: RequestLog;
  readonly traffic: TrafficGenerator;
  readonly burst: BurstRunner;
  /** Destroys the sockets of in-flight /api/v2 requests whose session id matches. */
  readonly destroyInFlight: (matches: (sessionId: string | undefined) => boolean) => void;
}

/** The typed scenario and fault API; `/mock/*` routes are a thin JSON layer over it. */
export function createMockControl(deps: ControlDeps): MockControl<Record<string, unknown>> {
  const { engine, cometd, sessions, cut, log, traffic, burst } = deps;
  // Offers made by scenarios get varied, plausible user data; seeded so runs repeat.
  let offerRandom = createPrng(7);

  return {
    state() {
      const now = Date.now();
      return {
        interactions: engine.store.all().map((r) => engine.wire(r)),
        sessions: cometd.sessionCount,
        handshakes: cometd.handshakes,
        published: engine.bus.published,
        traffic: traffic.view(),
        burst: burst.view(),
        faults: {
          failNext: engine.failNext.view(),
          ...engine.bus.view(),
          networkCutUntil: cut.until(now),
          expiredSessions: sessions.expiredCount,
          refuseSubscriptions: cometd.refusingSubscriptions,
        },
      };
    },

    log: () => log.list(),

    offer(overrides?: Record<string, unknown>) {
      const base = randomOffer(engine, offerRandom);
      const defaults = {
        id: base.id,
        mediaType: base.mediaType,
        state: 'Invited',
        openmediaType: base.openmediaType,
        userData: copyUserData(base.userData),
        ...(base.userDataTypes ? { userDataTypes: base.userDataTypes } : {}),
      };
      let built = engine.dialect.readResource(overrides, { ...defaults, extra: base.extra }, Date.now());
      // The random offer's own extras (an email's addresses) belong to its media type only.
      if (built.ok && built.record.mediaType !== base.mediaType) built = engine.dialect.readResource(overrides, defaults, Date.now());
      if (!built.ok) throw new MockInputError(built.error);
      const existing = engine.store.get(built.record.id);
      // Re-offering a finished interaction is a scenario (it came back); offering a live one is a mistake.
      if (existing && !ENDED_STATES.has(existing.state)) {
        throw new MockInputError(`interaction ${built.record.id} exists and is ${existing.state}`, 409);
      }
      engine.store.put(built.record);
      engine.notify('StatusChange', built.record);
      return { id: built.record.id };
    },

    setUserData(id: string, userData: Record<string, UserDataValue>, deleteKeys: readonly string[] = []) {
      const record = engine.store.get(id);
      if (!record) throw new MockInputError(`no interaction with id ${id}`, 404);
      const drop = new Set(deleteKeys);
      const next = Object.fromEntries(Object.entries(record.userData).filter(([key]) => !drop.has(key)));
      for (const [key, value] of Object.entries(userData)) {
        Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
      }
      const updated = { ...record, userData: next };
      engine.store.put(updated);
      engine.notify('PropertiesUpdated', updated);
    },

    traffic: (rate: number, seed?: number) => traffic.start(rate, seed),
    failNext: (spec) => engine.failNext.set(spec),
    publishRaw: (data: unknown) => engine.bus.publish(data),

    publish(spec) {
      const message = engine.dialect.message(
        spec.notificationType,
        spec.openmedia ?? spec.interaction,
        spec.referenceId ?? spec.operationId,
        spec.notificationType === 'Error' ? spec : undefined,
      );
      const rejection = engine.dialect.rejectionOf(message);
      if (rejection !== undefined) throw new MockInputError(`not a valid notification (${rejection}); use /mock/raw for invalid ones`);
      engine.bus.publish(message);
    },

    duplicateNext: (count: number) => engine.bus.duplicateNext(count),
    reorderNext: (count: number) => engine.bus.reorderNext(count),
    dropSessions: () => cometd.dropSessions(),
    refuseSubscriptions: (on: boolean) => cometd.refuseSubscriptions(on),

    expireSession() {
      const n = sessions.expireAll();
      // Workspace v3 (the simulator) forgets the CometD sessions of a session it no longer knows:
      // forget them here too, so a held long-poll is answered at once and the next connect gets
      // 402. Cutting the held connection alone is not enough there: a browser resends a POST
      // whose reused keep-alive connection closed before any answer, and the resent long-poll,
      // still of a known CometD session, would be held until its timeout. (GWS v2 keeps the
      // Bayeux session; its next request meets the 401.)
      if (engine.dialect.name === 'workspace-v3') cometd.dropSessions();
      // A held long-poll would otherwise carry on until its timeout; cut it so the next request meets the 401.
      deps.destroyInFlight((id) => sessions.isExpired(id));
      return n;
    },

    restoreSession: () => sessions.restoreAll(),

    networkCut(seconds: number) {
      cut.start(seconds, Date.now());
      deps.destroyInFlight(() => true);
    },

    reset() {
      traffic.stop();
      burst.stop();
      engine.reset();
      sessions.restoreAll();
      cut.clear();
      cometd.refuseSubscriptions(false);
      log.clear();
      offerRandom = createPrng(7);
    },

    burst: (spec) => burst.start(spec),
  };
}
