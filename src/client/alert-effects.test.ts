import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserAlertEffects, createTitleBadge } from './alert-effects';
import type { OpenmediaInteraction } from '../protocol/types';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createTitleBadge', () => {
  it('shows the count before the title and puts the title back exactly', () => {
    const doc = { title: 'Agent desktop' };
    const badge = createTitleBadge(doc);
    badge(2);
    expect(doc.title).toBe('(2) Agent desktop');
    badge(3);
    expect(doc.title).toBe('(3) Agent desktop');
    badge(0);
    expect(doc.title).toBe('Agent desktop');
    badge(-1);
    expect(doc.title).toBe('Agent desktop');
  });

  it('a title the host sets while the badge shows becomes the one to restore', () => {
    const doc = { title: 'Agent desktop' };
    const badge = createTitleBadge(doc);
    badge(1);
    doc.title = 'Call with Kate';
    badge(2);
    expect(doc.title).toBe('(2) Call with Kate');
    badge(0);
    expect(doc.title).toBe('Call with Kate');
  });

  it('a title the host sets just before the badge clears is left as the host set it', () => {
    const doc = { title: 'Agent desktop' };
    const badge = createTitleBadge(doc);
    badge(1);
    doc.title = 'Call with Kate';
    badge(0);
    expect(doc.title).toBe('Call with Kate');
    badge(1);
    expect(doc.title).toBe('(1) Call with Kate');
  });

  it('does not write the title again when the count is unchanged', () => {
    let writes = 0;
    let title = 'Desk';
    const doc = {
      get title() {
        return title;
      },
      set title(value: string) {
        writes += 1;
        title = value;
      },
    };
    const badge = createTitleBadge(doc);
    badge(1);
    badge(1);
    expect(writes).toBe(1);
  });

  it('does nothing without a document', () => {
    expect(() => createTitleBadge(undefined)(3)).not.toThrow();
  });
});

const offer = { id: 'offer "1"' } as OpenmediaInteraction;

describe('createBrowserAlertEffects: notifications', () => {
  function stubNotification(permission: string, construct?: () => void) {
    const made: { title: string; options: NotificationOptions; closed: boolean; onclick: (() => void) | null }[] = [];
    class FakeNotification {
      static permission = permission;
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions) {
        construct?.();
        const record = { title, options, closed: false, onclick: null as (() => void) | null };
        made.push(record);
        Object.defineProperty(this, 'onclick', {
          set: (fn: () => void) => (record.onclick = fn),
          get: () => record.onclick,
        });
        this.close = () => {
          record.closed = true;
        };
      }
      close: () => void = () => undefined;
    }
    vi.stubGlobal('Notification', FakeNotification);
    return made;
  }

  it('shows one notification per offer, tagged by its id; a click calls back and closes it', () => {
    const made = stubNotification('granted');
    const onClick = vi.fn();
    createBrowserAlertEffects().notify(offer, { title: 'New offer', body: 'Order 42' }, onClick);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ title: 'New offer', options: { body: 'Order 42', tag: 'openmedia-offer-offer "1"' } });
    made[0]?.onclick?.();
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(made[0]?.closed).toBe(true);
  });

  it('shows nothing without permission, and swallows a browser that refuses to construct one', () => {
    const denied = stubNotification('default');
    createBrowserAlertEffects().notify(offer, { title: 't', body: 'b' }, vi.fn());
    expect(denied).toHaveLength(0);
    stubNotification('granted', () => {
      throw new TypeError('Illegal constructor');
    });
    expect(() => createBrowserAlertEffects().notify(offer, { title: 't', body: 'b' }, vi.fn())).not.toThrow();
  });

  it('without a Notification API does nothing', () => {
    expect(() => createBrowserAlertEffects().notify(offer, { title: 't', body: 'b' }, vi.fn())).not.toThrow();
  });
});

describe('createBrowserAlertEffects: focus and title', () => {
  it('focuses the window and the card of the offer, quotes escaped', () => {
    const card = { focus: vi.fn() };
    const querySelector = vi.fn(() => card);
    vi.stubGlobal('document', { title: 'Desk', querySelector });
    const focus = vi.fn();
    vi.stubGlobal('focus', focus);
    const effects = createBrowserAlertEffects();
    effects.focusOffer('offer "1"');
    expect(focus).toHaveBeenCalledTimes(1);
    expect(querySelector).toHaveBeenCalledWith('[data-omw-card="offer \\"1\\""]');
    expect(card.focus).toHaveBeenCalledTimes(1);
    effects.setBadge(1);
    expect(document.title).toBe('(1) Desk');
  });

  it('uses CSS.escape where the browser has it', () => {
    const querySelector = vi.fn(() => null);
    vi.stubGlobal('document', { title: '', querySelector });
    vi.stubGlobal('CSS', { escape: (value: string) => `esc(${value})` });
    createBrowserAlertEffects().focusOffer('a b');
    expect(querySelector).toHaveBeenCalledWith('[data-omw-card="esc(a b)"]');
  });

  it('without a document or a card does nothing', () => {
    expect(() => createBrowserAlertEffects().focusOffer('x')).not.toThrow();
    vi.stubGlobal('document', { title: '', querySelector: () => null });
    expect(() => createBrowserAlertEffects().focusOffer('x')).not.toThrow();
  });
});

describe('createBrowserAlertEffects: sound', () => {
  function stubAudio(state = 'running') {
    const tones: { frequency: number; type: string; start: number; stop: number; ramps: [string, number, number][] }[] = [];
    const resumes: number[] = [];
    class FakeAudioContext {
      currentTime = 10;
      state = state;
      destination = {};
      resume() {
        resumes.push(1);
        return Promise.resolve();
      }
      createOscillator() {
        const tone = { frequency: 0, type: '', start: 0, stop: 0, ramps: [] as [string, number, number][] };
        tones.push(tone);
        return {
          set type(value: string) {
            tone.type = value;
          },
          frequency: {
            set value(v: number) {
              tone.frequency = v;
            },
          },
          connect: (gain: { connect: (d: unknown) => unknown; ramps: [string, number, number][] }) => {
            tone.ramps = gain.ramps;
            return gain;
          },
          start: (at: number) => (tone.start = at),
          stop: (at: number) => (tone.stop = at),
        };
      }
      createGain() {
        const ramps: [string, number, number][] = [];
        return {
          ramps,
          gain: {
            setValueAtTime: (v: number, at: number) => ramps.push(['set', v, at]),
            exponentialRampToValueAtTime: (v: number, at: number) => ramps.push(['ramp', v, at]),
          },
          connect: (destination: unknown) => destination,
        };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    return { tones, resumes };
  }

  it('plays two short sine tones, the second higher and 160 ms later, quiet at both ends', () => {
    const { tones, resumes } = stubAudio();
    createBrowserAlertEffects().playSound();
    expect(resumes).toHaveLength(0);
    expect(tones.map((t) => [t.type, t.frequency, t.start, t.stop])).toEqual([
      ['sine', 880, 10, 10.16],
      ['sine', 1175, 10.16, 10.32],
    ]);
    const [first] = tones;
    expect(first?.ramps).toEqual([
      ['set', 0.0001, 10],
      ['ramp', 0.2, 10.02],
      ['ramp', 0.0001, 10.15],
    ]);
  });

  it('makes one audio context and reuses it', () => {
    let made = 0;
    class CountingContext {
      currentTime = 0;
      state = 'running';
      destination = {};
      constructor() {
        made += 1;
      }
      resume() {
        return Promise.resolve();
      }
      createOscillator() {
        return { type: '', frequency: { value: 0 }, connect: (g: { connect: (d: unknown) => unknown }) => g, start: () => undefined, stop: () => undefined };
      }
      createGain() {
        return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (d: unknown) => d };
      }
    }
    vi.stubGlobal('AudioContext', CountingContext);
    const effects = createBrowserAlertEffects();
    effects.primeSound();
    effects.playSound();
    effects.playSound();
    expect(made).toBe(1);
  });

  it("readied for the next gesture anywhere in the page: resumed inside it, listening on until the audio runs; one audio context for the page's widgets", async () => {
    const contexts: { state: string; resumes: number }[] = [];
    let allowed = false;
    class GestureContext {
      currentTime = 0;
      state = 'suspended';
      resumes = 0;
      destination = {};
      constructor() {
        contexts.push(this);
      }
      resume() {
        this.resumes += 1;
        // The browser starts it only from a gesture it counts (a touch's end, not its start).
        if (allowed) this.state = 'running';
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', GestureContext);
    const page = Object.assign(new EventTarget(), { title: 'Agent desktop' });
    vi.stubGlobal('document', page);
    const first = createBrowserAlertEffects();
    const second = createBrowserAlertEffects();
    first.primeSoundOnGesture?.();
    second.primeSoundOnGesture?.();
    expect(contexts).toHaveLength(0);
    page.dispatchEvent(new Event('keydown'));
    await Promise.resolve();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.resumes).toBe(1);
    // Not started by that one: the next gesture tries again.
    allowed = true;
    page.dispatchEvent(new Event('pointerup'));
    await Promise.resolve();
    await Promise.resolve();
    expect(contexts[0]).toMatchObject({ state: 'running', resumes: 2 });
    // Running: nothing listens any more.
    page.dispatchEvent(new Event('click'));
    await Promise.resolve();
    expect(contexts[0]?.resumes).toBe(2);
    expect(contexts).toHaveLength(1);
  });

  it('resumes a suspended context before playing, and priming resumes it', () => {
    const { resumes } = stubAudio('suspended');
    const effects = createBrowserAlertEffects();
    effects.playSound();
    expect(resumes).toHaveLength(1);
    effects.primeSound();
    expect(resumes).toHaveLength(2);
  });

  it('is silent without Web Audio, or when the context cannot be made', () => {
    expect(() => createBrowserAlertEffects().playSound()).not.toThrow();
    vi.stubGlobal(
      'AudioContext',
      class {
        constructor() {
          throw new Error('too many contexts');
        }
      },
    );
    const effects = createBrowserAlertEffects();
    expect(() => effects.primeSound()).not.toThrow();
    expect(() => effects.playSound()).not.toThrow();
  });
});
