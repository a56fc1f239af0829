import type { OpenmediaInteraction } from '../protocol/types';

/** What an offer alert does outside the widget: the page title, a desktop notification, a sound. */
export interface AlertEffects {
  /** Show `count` waiting offers in the tab title; 0 restores the title exactly as it was. */
  setBadge(count: number): void;
  /** A desktop notification for this offer (permission already granted). Clicking it calls `onClick`. */
  notify(interaction: OpenmediaInteraction, text: { readonly title: string; readonly body: string }, onClick: () => void): void;
  /** Prepare the sound from a user gesture (browsers start audio only after one). */
  primeSound(): void;
  /**
   * The sound is on but this page has had no gesture to start audio with (a reload, a restarted
   * browser): prepare it at the agent's next click or key press anywhere in the page, so the
   * next offer is heard, not silently played into a suspended audio context.
   */
  primeSoundOnGesture?(): void;
  playSound(): void;
  /** Bring this tab forward and put the keyboard focus on the offer's card. */
  focusOffer(id: string): void;
}

interface TitleHolder {
  title: string;
  /** A document's head: watched so a title the host sets while offers wait gets the badge back at once. */
  readonly head?: Node | null;
}

/** One badge per document, whoever writes it (two widgets on one page count the same offers). */
interface SharedBadge {
  readonly counts: Map<object, number>;
  original: string | undefined;
  written: string | undefined;
  watcher: MutationObserver | undefined;
  /** The count the badge shows now (undefined: none). */
  shownCount: number | undefined;
  /** The host's text before the badge, where it kept the badge inside its title (usually ''). */
  before: string;
  /** Re-applications after the host's title changes within the current second, and when it began. */
  reapplied: number;
  reappliedSince: number;
}

/**
 * The badges, kept on the global object (as the page id is): two copies of this code on one page
 * (the embed bundle beside an npm build, two micro-frontends) share one badge per document instead
 * of re-badging each other's title for ever.
 */
const BADGES_KEY = Symbol.for('openmedia-widget.title-badges.v1');

function badges(): WeakMap<TitleHolder, SharedBadge> {
  const scope = globalThis as unknown as Record<symbol, WeakMap<TitleHolder, SharedBadge> | undefined>;
  return (scope[BADGES_KEY] ??= new WeakMap());
}

/** At most this many re-badgings of titles the host set, a second: a host that rewrites every title it sees is not answered for ever. */
const MAX_REAPPLY_PER_SECOND = 4;

/** The badge as written: the count before the title. */
function badgeText(count: number): string {
  return `(${count}) `;
}

function apply(doc: TitleHolder, badge: SharedBadge): void {
  let count = 0;
  for (const each of badge.counts.values()) count = Math.max(count, each);
  const shown = badge.shownCount;
  if (badge.written !== undefined && doc.title !== badge.written) {
    // The host changed the title while the badge showed. Kept the badge (it added to the title
    // around it): that is the title with the badge, the host's own without it. Replaced it: its
    // new title is the one to badge and to restore.
    const at = shown === undefined ? -1 : doc.title.indexOf(badgeText(shown));
    if (shown !== undefined && at >= 0) {
      badge.before = doc.title.slice(0, at);
      badge.original = badge.before + doc.title.slice(at + badgeText(shown).length);
      badge.written = doc.title;
      if (count === shown) return;
    } else {
      badge.before = '';
      badge.original = doc.title;
    }
  }
  if (count <= 0) {
    badge.watcher?.disconnect();
    badge.watcher = undefined;
    if (badge.original !== undefined && doc.title === badge.written) doc.title = badge.original;
    badge.original = undefined;
    badge.written = undefined;
    badge.shownCount = undefined;
    badge.before = '';
    return;
  }
  badge.original ??= doc.title;
  // Where the host keeps the badge inside its own title, it stays there.
  badge.written = badge.before + badgeText(count) + badge.original.slice(badge.before.length);
  badge.shownCount = count;
  if (doc.title !== badge.written) doc.title = badge.written;
  if (badge.watcher === undefined && doc.head && typeof MutationObserver !== 'undefined') {
    // The host retitles the page (a route change) while offers wait: its title, badged again.
    badge.watcher = new MutationObserver(() => {
      if (doc.title === badge.written) return;
      const now = Date.now();
      if (now - badge.reappliedSince >= 1_000) {
        badge.reappliedSince = now;
        badge.reapplied = 0;
      }
      badge.reapplied += 1;
      if (badge.reapplied > MAX_REAPPLY_PER_SECOND) return;
      apply(doc, badge);
    });
    badge.watcher.observe(doc.head, { childList: true, subtree: true, characterData: true });
  }
}

/**
 * The tab title badge: `(2) Agent desktop`. The title before the first badge is kept and put back
 * exactly; a title the host sets while the badge shows becomes the new one to restore, and gets the
 * badge back at once (a few times a second at most). Every badge of one document is one, even
 * across copies of this code: it shows the largest count any of them was given (two widgets on a
 * page do not write `(2) (2) Agent desktop`).
 */
export function createTitleBadge(doc: TitleHolder | undefined): (count: number) => void {
  const key = {};
  return (count) => {
    if (doc === undefined) return;
    const all = badges();
    let badge = all.get(doc);
    if (badge === undefined) {
      badge = { counts: new Map(), original: undefined, written: undefined, watcher: undefined, shownCount: undefined, before: '', reapplied: 0, reappliedSince: 0 };
      all.set(doc, badge);
    }
    if (count > 0) badge.counts.set(key, count);
    else badge.counts.delete(key);
    apply(doc, badge);
  };
}

interface AudioContextLike {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: AudioNode;
  resume(): Promise<void>;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
}

/** Two short generated tones (no audio file to ship or to fetch). */
interface Chime {
  /** Create (if need be) and resume the audio context; settles once the browser said yes or no. */
  prime(): Promise<void>;
  play(): void;
  running(): boolean;
}

function createChime(): Chime {
  let context: AudioContextLike | undefined;
  function ensure(): AudioContextLike | undefined {
    if (context !== undefined) return context;
    const Context = (globalThis as { AudioContext?: new () => AudioContextLike }).AudioContext;
    if (Context === undefined) return undefined;
    try {
      context = new Context();
    } catch {
      return undefined;
    }
    return context;
  }
  return {
    prime() {
      return ensure()?.resume().catch(() => undefined) ?? Promise.resolve();
    },
    running: () => context?.state === 'running',
    play() {
      const audio = ensure();
      if (audio === undefined) return;
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
      const start = audio.currentTime;
      [880, 1175].forEach((frequency, i) => {
        const at = start + i * 0.16;
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.16);
      });
    },
  };
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}

/**
 * What may start audio: the events whose handlers browsers count as a user's activation (a touch
 * counts at its end, not at `pointerdown`; Escape counts for nothing), and the key press.
 */
export const ACTIVATION_EVENTS = ['pointerup', 'click', 'touchend', 'keydown'] as const;

/** One sound per page, whichever widgets and clients play it: one audio context, one wait for a gesture. */
interface PageSound {
  readonly chime: Chime;
  /** Readies the chime at the next gesture that starts it (until one does). */
  primeOnGesture(): void;
}

const pageSounds = new WeakMap<object, PageSound>();

function pageSound(doc: Document): PageSound {
  let sound = pageSounds.get(doc);
  if (sound !== undefined) return sound;
  const chime = createChime();
  let waiting = false;
  const stopWaiting = () => {
    waiting = false;
    for (const type of ACTIVATION_EVENTS) doc.removeEventListener(type, onGesture, { capture: true });
  };
  function onGesture(): void {
    // Resumed inside the gesture (Safari starts audio only there); the listeners go once it runs.
    void chime.prime().then(() => {
      if (chime.running()) stopWaiting();
    });
  }
  sound = {
    chime,
    primeOnGesture() {
      if (waiting || chime.running()) return;
      waiting = true;
      // Capture, passive: seen wherever the agent clicks or types in the page, never in its way.
      for (const type of ACTIVATION_EVENTS) doc.addEventListener(type, onGesture, { capture: true, passive: true });
    },
  };
  pageSounds.set(doc, sound);
  return sound;
}

/** The browser's effects; each does nothing where its API is missing. */
export function createBrowserAlertEffects(): AlertEffects {
  const doc = typeof document === 'undefined' ? undefined : document;
  const shared = doc === undefined ? undefined : pageSound(doc);
  const chime = shared?.chime ?? createChime();
  return {
    setBadge: createTitleBadge(doc),
    notify(interaction, text, onClick) {
      const Api = (globalThis as { Notification?: typeof Notification }).Notification;
      if (Api === undefined || Api.permission !== 'granted') return;
      try {
        // The tag makes the browser replace, not stack, a notification for the same offer.
        const notification = new Api(text.title, { body: text.body, tag: `openmedia-offer-${interaction.id}` });
        notification.onclick = () => {
          onClick();
          notification.close();
        };
      } catch {
        // Chrome on Android only allows notifications from a service worker: no notification, no error.
      }
    },
    primeSound: () => void chime.prime(),
    primeSoundOnGesture: () => shared?.primeOnGesture(),
    playSound: () => chime.play(),
    focusOffer(id) {
      globalThis.focus?.();
      const card = doc?.querySelector<HTMLElement>(`[data-omw-card="${cssEscape(id)}"]`);
      card?.focus();
    },
  };
}
