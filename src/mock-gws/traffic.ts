import type { MockEngine } from './mock-engine';
import { startPacer } from './pacer';
import { createPrng, pick } from './prng';
import { copyUserData, type StoredInteraction } from './resource';

/** Above this many active interactions, traffic only accepts and completes (keeps the list readable). */
const MAX_ACTIVE = 30;

/** A new Invited offer in the mock's dialect, chosen by `random`. */
export function randomOffer(engine: MockEngine, random: () => number): StoredInteraction {
  return engine.dialect.randomOffer(engine.store.nextId(), random, Date.now());
}

/** One random step of traffic. Unsolicited: no referenceId, as if someone else caused it. */
export function trafficStep(engine: MockEngine, random: () => number): void {
  const active = engine.store.all().filter((r) => r.state === 'Invited' || r.state === 'Processing');
  const invited = active.filter((r) => r.state === 'Invited');
  const processing = active.filter((r) => r.state === 'Processing');
  const r = random();
  const crowded = active.length >= MAX_ACTIVE;

  if (!crowded && (active.length < 3 || r < 0.25)) {
    const offer = randomOffer(engine, random);
    engine.store.put(offer);
    engine.notify('StatusChange', offer);
    return;
  }
  const target = r < 0.45 || processing.length === 0 ? pick(random, invited) : pick(random, processing);
  if (!target) return;
  if (target.state === 'Invited') {
    const accepted = { ...target, state: 'Processing', capabilities: engine.dialect.capabilitiesFor('Processing', target.mediaType) };
    engine.store.put(accepted);
    engine.notify('StatusChange', accepted);
  } else if (r < 0.85 && !crowded) {
    const userData = copyUserData(target.userData);
    userData.LastUpdate = engine.dialect.formatDate(Date.now());
    userData.Score = Math.floor(random() * 100);
    const changed = { ...target, userData };
    engine.store.put(changed);
    engine.notify('PropertiesUpdated', changed);
  } else {
    const completed = { ...target, state: 'Completed', capabilities: engine.dialect.capabilitiesFor('Completed', target.mediaType) };
    engine.store.put(completed);
    engine.notify('StatusChange', completed);
  }
}

/** Seeded random traffic at a given rate (`POST /mock/traffic`). */
export class TrafficGenerator {
  readonly #engine: MockEngine;
  #stop: (() => void) | undefined;
  #rate = 0;
  #seed: number | undefined;

  constructor(engine: MockEngine) {
    this.#engine = engine;
  }

  /** Starts (or restarts) traffic; rate 0 stops it. */
  start(rate: number, seed = 1): void {
    this.stop();
    if (rate <= 0) return;
    const random = createPrng(seed);
    this.#rate = rate;
    this.#seed = seed;
    this.#stop = startPacer(rate, (n) => {
      for (let i = 0; i < n; i += 1) trafficStep(this.#engine, random);
    });
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#rate = 0;
    this.#seed = undefined;
  }

  view(): { running: boolean; rate: number; seed: number | undefined } {
    return { running: this.#stop !== undefined, rate: this.#rate, seed: this.#seed };
  }
}
