import type { MockEngine } from './mock-engine';
import { startPacer } from './pacer';
import { copyUserData, type StoredInteraction } from './resource';
import type { BurstSpec } from './types';

/** Without a rate, a burst is published in slices this big so the event loop still flushes replies. */
const SLICE = 500;

/**
 * Benchmark traffic (`POST /mock/burst`): `count` notifications over `interactions` Processing
 * interactions, each stamped with `userData.sentAt` (epoch ms) and `userData.seq` at publish time.
 * Every tenth is a StatusChange, the rest PropertiesUpdated. A `reuse` burst numbers on from the
 * previous one, so a card never shows the same `seq` twice. Creating the interactions publishes
 * nothing, so a client receives exactly `count` notifications (duplicate/reorder switches aside).
 */
export class BurstRunner {
  readonly #engine: MockEngine;
  #cancel: (() => void) | undefined;
  #sent = 0;
  #total = 0;
  /** The interactions of the latest burst, for a `reuse` burst. */
  #ids: string[] = [];
  /** The first `seq` of this burst: a reuse burst goes on counting where the previous one ended. */
  #seqBase = 0;

  constructor(engine: MockEngine) {
    this.#engine = engine;
  }

  start(spec: BurstSpec): { ids: string[] } {
    this.stop();
    const reused = spec.reuse === true ? this.#ids.filter((id) => this.#engine.store.get(id) !== undefined) : [];
    const ids: string[] = reused.length > 0 ? reused : [];
    for (let i = 0; reused.length === 0 && i < spec.interactions; i += 1) {
      const record: StoredInteraction = {
        id: this.#engine.store.nextId(),
        mediaType: this.#engine.dialect.burstMediaType,
        openmediaType: 'Outbound',
        state: 'Processing',
        capabilities: this.#engine.dialect.capabilitiesFor('Processing', this.#engine.dialect.burstMediaType),
        userData: { Subject: `Benchmark ${i + 1}`, CustomerName: 'Benchmark', sentAt: 0, seq: -1 },
        receivedDate: this.#engine.dialect.formatDate(Date.now()),
        uri: undefined,
        extra: {},
      };
      this.#engine.store.put(record);
      ids.push(record.id);
    }
    this.#ids = ids;
    this.#seqBase = reused.length > 0 ? this.#seqBase + this.#total : 0;
    this.#sent = 0;
    this.#total = spec.count;
    const publishSome = (n: number): void => {
      for (let k = 0; k < n && this.#sent < this.#total; k += 1) this.#publishOne(ids);
      if (this.#sent >= this.#total) this.stop();
    };
    if (spec.count === 0) return { ids };
    if (spec.rate !== undefined) {
      this.#cancel = startPacer(spec.rate, publishSome);
    } else {
      let immediate: NodeJS.Immediate | undefined;
      let cancelled = false;
      const loop = (): void => {
        publishSome(SLICE);
        if (!cancelled) immediate = setImmediate(loop);
      };
      this.#cancel = () => {
        cancelled = true;
        if (immediate) clearImmediate(immediate);
      };
      immediate = setImmediate(loop);
    }
    return { ids };
  }

  stop(): void {
    const cancel = this.#cancel;
    this.#cancel = undefined;
    cancel?.();
  }

  view(): { running: boolean; sent: number; total: number } {
    return { running: this.#cancel !== undefined, sent: this.#sent, total: this.#total };
  }

  #publishOne(ids: readonly string[]): void {
    const seq = this.#seqBase + this.#sent;
    const id = ids[this.#sent % ids.length];
    const record = id === undefined ? undefined : this.#engine.store.get(id);
    this.#sent += 1;
    // A scenario (reset, traffic) may have removed or completed it meanwhile; count it as sent anyway.
    if (!record) return;
    const userData = copyUserData(record.userData);
    userData.seq = seq;
    userData.sentAt = Date.now();
    const updated = { ...record, userData };
    this.#engine.store.put(updated);
    // Every notification of a burst changes the user data, so even its StatusChanges carry them
    // (whole, also with leanStatusChanges: a lean one would say they did not change).
    this.#engine.notify(seq % 10 === 9 ? 'StatusChange' : 'PropertiesUpdated', updated, undefined, { whole: true });
  }
}
