import type { UserDataValue } from '../protocol/types';
import { formatGwsDate } from '../protocol/format-gws-date';
import type { MockEngine } from './mock-engine';
import { startPacer } from './pacer';
import { createPrng, pick } from './prng';
import { copyUserData, type StoredInteraction } from './resource';
import { capabilitiesFor } from './state-machine';

const NAMES = ['Amélie Laurent', 'Jonas Becker', 'Priya Natarajan', 'Tomás Rivera', 'Mei Tanaka', 'Olu Adeyemi', 'Sara Lindqvist', 'Kenji Sato'];
const SEGMENTS = ['bronze', 'silver', 'gold', 'platinum'];
const OFFERS = ['SPRING-24-GOLD', 'LOYAL-12M', 'FIBRE-1G-BUNDLE', 'MOBILE-5G-PLUS', 'TV-SPORTS-ADDON'];
const SUBJECTS = ['Upgrade offer', 'Renewal reminder', 'Callback request', 'Bundle proposal', 'Retention offer'];
/** Above this many active interactions, traffic only accepts and completes (keeps the list readable). */
const MAX_ACTIVE = 30;

/** A new Invited offer with plausible user data, chosen by `random`. */
export function randomOffer(engine: MockEngine, random: () => number): StoredInteraction {
  const workitem = random() < 0.2;
  const userData: Record<string, UserDataValue> = {
    Subject: pick(random, SUBJECTS) ?? 'Offer',
    CustomerName: pick(random, NAMES) ?? 'Customer',
    CustomerSegment: pick(random, SEGMENTS) ?? 'silver',
    OfferCode: pick(random, OFFERS) ?? 'OFFER',
    Discount: 5 * (1 + Math.floor(random() * 4)),
  };
  return {
    id: engine.store.nextId(),
    mediaType: workitem ? 'workitem' : 'promotion',
    openmediaType: random() < 0.5 ? 'Inbound' : 'Outbound',
    state: 'Invited',
    capabilities: capabilitiesFor('Invited'),
    userData,
    receivedDate: formatGwsDate(Date.now()),
    uri: undefined,
    extra: {},
  };
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
    const accepted = { ...target, state: 'Processing', capabilities: capabilitiesFor('Processing') };
    engine.store.put(accepted);
    engine.notify('StatusChange', accepted);
  } else if (r < 0.85 && !crowded) {
    const userData = copyUserData(target.userData);
    userData.LastUpdate = formatGwsDate(Date.now());
    userData.Score = Math.floor(random() * 100);
    const changed = { ...target, userData };
    engine.store.put(changed);
    engine.notify('PropertiesUpdated', changed);
  } else {
    const completed = { ...target, state: 'Completed', capabilities: capabilitiesFor('Completed') };
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
