import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, resource, statusChange } from '../test-support/harness';
import { useConnectionStatus, useDiagnostics, useFocusedId, useInteraction, useInteractionIds } from './use-interaction';
import { useOpenmediaClient } from './openmedia-context';
import { useInteractionAction } from './use-interaction-action';
import { useOpenmedia, useOpenmediaChannel } from './use-openmedia';
import { advanceTimers } from '../test-support/fake-timers';

/** Lets timers, the store's frame flush, fetch promises and React Query's batching run. */
const snapshotGets = (h: ReturnType<typeof createHarness>) =>
  h.gws.requests.filter((r) => r.method === 'GET' && r.url.includes('/openmedia/')).map((r) => r.url);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hooks outside the provider', () => {
  it.each<[string, () => unknown]>([
    ['useOpenmedia', () => useOpenmedia()],
    ['useOpenmediaChannel', () => useOpenmediaChannel()],
    ['useOpenmediaClient', () => useOpenmediaClient()],
    ['useInteraction', () => useInteraction('a')],
    ['useInteractionIds', () => useInteractionIds()],
    ['useConnectionStatus', () => useConnectionStatus()],
    ['useDiagnostics', () => useDiagnostics()],
    ['useFocusedId', () => useFocusedId()],
    ['useInteractionAction', () => useInteractionAction('a')],
  ])('%s throws an error that says where it belongs', (name, hook) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(hook)).toThrow(`${name} must be used inside <OpenmediaProvider>`);
    quiet.mockRestore();
  });
});

describe('OpenmediaProvider: the shared connection', () => {
  it('subscribes when a hook mounts and unsubscribes when it unmounts', async () => {
    const h = createHarness();
    expect(h.channel.listenerCount()).toBe(0);
    const { unmount } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    expect(h.channel.listenerCount()).toBe(1);
    unmount();
    await advanceTimers();
    expect(h.channel.listenerCount()).toBe(0);
    expect(h.channel.getStatus()).toBe('disconnected');
  });

  it('holds exactly one channel listener for many hooks', async () => {
    const h = createHarness();
    function Widget() {
      useOpenmedia();
      useInteraction('a');
      useInteractionIds();
      useConnectionStatus();
      useDiagnostics();
      useFocusedId();
      useInteractionAction('a');
      return null;
    }
    const { unmount } = render(
      <>
        <Widget />
        <Widget />
      </>,
      { wrapper: h.wrapper },
    );
    expect(h.channel.listenerCount()).toBe(1);
    unmount();
    await advanceTimers();
    expect(h.channel.listenerCount()).toBe(0);
  });

  it('holds exactly one listener under StrictMode, reads the snapshot once, and leaks nothing', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    const strictWrapper = ({ children }: { children: ReactNode }) => <StrictMode>{h.wrapper({ children })}</StrictMode>;
    const { unmount } = renderHook(() => useOpenmedia(), { wrapper: strictWrapper });
    await advanceTimers();
    expect(h.channel.listenerCount()).toBe(1);
    expect(snapshotGets(h)).toHaveLength(1);
    unmount();
    await advanceTimers();
    expect(h.channel.listenerCount()).toBe(0);
  });

  it('keeps the connection through an unmount and remount in the same task', async () => {
    const h = createHarness();
    const subscribe = vi.spyOn(h.channel, 'subscribe');
    function Consumer() {
      useConnectionStatus();
      return null;
    }
    // A list re-keying its only card: the old hook unmounts and the new one mounts in one commit.
    const view = render(<Consumer key="a" />, { wrapper: h.wrapper });
    view.rerender(<Consumer key="b" />);
    await advanceTimers();
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(h.channel.listenerCount()).toBe(1);
    view.unmount();
    await advanceTimers();
    expect(h.channel.listenerCount()).toBe(0);
  });

  it('follows every channel status', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    expect(result.current.status).toBe('connected');
    for (const status of ['reconnecting', 'unauthorized', 'connecting', 'connected'] as const) {
      act(() => h.channel.setStatus(status));
      expect(result.current.status).toBe(status);
    }
  });

  it('starts from the status of a channel that is already unauthorized', () => {
    const h = createHarness();
    h.channel.setStatus('unauthorized');
    const { result } = renderHook(() => useConnectionStatus(), { wrapper: h.wrapper });
    expect(result.current).toBe('unauthorized');
  });
});

describe('OpenmediaProvider: messages into the store', () => {
  it('folds notifications into state and counts rejected messages', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    act(() => {
      h.channel.emit(statusChange(resource('a', 'Invited')));
      h.channel.emit(statusChange(resource('b', 'Processing')));
      h.channel.emit({ messageType: 'SomethingElse' });
      h.channel.emit('garbage');
    });
    await advanceTimers();
    expect(result.current.interactionIds).toEqual(['a', 'b']);
    expect(result.current.get('b')?.interaction.state).toBe('Processing');
    expect(result.current.interactions.map((e) => e.interaction.id)).toEqual(['a', 'b']);
    expect(result.current.diagnostics.rejected).toEqual({ 'unknown-message-type': 1, 'not-an-object': 1 });
  });

  it('renders a burst of 500 notifications in at most a couple of renders, losing none', async () => {
    const h = createHarness();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useOpenmedia();
      },
      { wrapper: h.wrapper },
    );
    await advanceTimers();
    const before = renders;
    for (let i = 0; i < 500; i++) h.channel.emit(statusChange(resource(`id-${i}`, i % 2 ? 'Processing' : 'Invited')));
    await advanceTimers();
    expect(renders - before).toBeLessThanOrEqual(2);
    expect(result.current.interactionIds).toHaveLength(500);
    expect(result.current.diagnostics.received).toBe(500);
  });

  it('re-renders a card only when its own interaction changes', async () => {
    const h = createHarness();
    const renders = { a: 0, b: 0 };
    function Card({ id }: { id: 'a' | 'b' }) {
      renders[id] += 1;
      const entry = useInteraction(id);
      return <p>{`${id}:${entry?.interaction.state ?? 'none'}`}</p>;
    }
    render(
      <>
        <Card id="a" />
        <Card id="b" />
      </>,
      { wrapper: h.wrapper },
    );
    act(() => {
      h.channel.emit(statusChange(resource('a')));
      h.channel.emit(statusChange(resource('b')));
    });
    await advanceTimers();
    const before = { ...renders };
    act(() => h.channel.emit(statusChange(resource('a', 'Processing'))));
    await advanceTimers();
    expect(screen.getByText('a:Processing')).toBeInTheDocument();
    expect(renders.a).toBe(before.a + 1);
    expect(renders.b).toBe(before.b);
  });

  it('evicts a completed interaction after lingerMs, on the provider clock', async () => {
    const h = createHarness({ lingerMs: 5_000 });
    const { result } = renderHook(() => useInteractionIds(), { wrapper: h.wrapper });
    act(() => h.channel.emit(statusChange(resource('a', 'Completed'))));
    await advanceTimers();
    expect(result.current).toEqual(['a']);
    await advanceTimers(3_000);
    expect(result.current).toEqual(['a']);
    await advanceTimers(3_000);
    expect(result.current).toEqual([]);
  });
});

describe('OpenmediaProvider: snapshots', () => {
  it('reads every configured media type on start', async () => {
    const h = createHarness();
    h.gws.snapshots.set('promotion', [resource('p1', 'Processing', 'promotion')]);
    h.gws.snapshots.set('workitem', [resource('w1', 'Invited')]);
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    expect(snapshotGets(h).sort()).toEqual(['/api/v2/me/openmedia/promotion?fields=*', '/api/v2/me/openmedia/workitem?fields=*']);
    expect(result.current.interactionIds).toEqual(['w1', 'p1']);
    expect(result.current.snapshotError).toBeUndefined();
  });

  it('reads again on every resync, including media types met on the channel', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    act(() => h.channel.emit(statusChange(resource('e1', 'Processing', 'email'))));
    h.gws.snapshots.set('workitem', [resource('w9', 'Processing')]);
    h.gws.snapshots.set('email', []);
    act(() => h.channel.requestResync());
    await advanceTimers();
    expect(snapshotGets(h).sort()).toEqual([
      '/api/v2/me/openmedia/email?fields=*',
      '/api/v2/me/openmedia/workitem?fields=*',
      '/api/v2/me/openmedia/workitem?fields=*',
    ]);
    // The email the snapshot no longer lists is gone (ended); the new workitem is there.
    expect(result.current.get('w9')).toBeDefined();
    expect(result.current.get('e1')?.gone).toBe(true);
  });

  it('reads again once a channel that was still connecting is subscribed', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    h.channel.setStatus('connecting');
    renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    expect(snapshotGets(h)).toHaveLength(1);
    act(() => h.channel.setStatus('connected'));
    await advanceTimers();
    expect(snapshotGets(h)).toHaveLength(2);
    act(() => h.channel.setStatus('reconnecting'));
    act(() => h.channel.setStatus('connected'));
    await advanceTimers();
    expect(snapshotGets(h)).toHaveLength(2);
  });

  it('does not let a snapshot read before a notification roll that notification back', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    let release: (() => void) | undefined;
    h.gws.snapshotAnswer = () =>
      new Promise<Response>((resolve) => {
        release = () =>
          resolve(new Response(JSON.stringify({ statusCode: 0, openmedia: [resource('a', 'Invited')] })));
      });
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    act(() => {
      h.channel.emit(statusChange(resource('a', 'Processing')));
      h.channel.emit(statusChange(resource('new', 'Invited')));
    });
    release?.();
    await advanceTimers();
    expect(result.current.get('a')?.interaction.state).toBe('Processing');
    expect(result.current.get('new')?.gone).toBe(false);
  });

  it('shows a failed read as snapshotError, and clears it when a later read succeeds', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    h.gws.snapshotAnswer = () => new Response(JSON.stringify({ statusCode: 5, statusMessage: 'No permission' }));
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    expect(result.current.snapshotError).toBe('Could not load the workitem interactions: No permission');
    // An empty list that was never read is not "no interactions".
    expect(result.current).toMatchObject({ interactionIds: [], listed: false });
    h.gws.snapshotAnswer = undefined;
    act(() => h.channel.requestResync());
    await advanceTimers();
    expect(result.current.snapshotError).toBeUndefined();
    expect(result.current.listed).toBe(true);
  });

  it('counts unreadable snapshot items in diagnostics', async () => {
    const h = createHarness({ mediaTypes: ['workitem'] });
    h.gws.snapshots.set('workitem', [resource('ok'), { id: 'bad' } as never]);
    const { result } = renderHook(() => useOpenmedia(), { wrapper: h.wrapper });
    await advanceTimers();
    expect(result.current.interactionIds).toEqual(['ok']);
    // No state: unreadable (its media type, left out, is the one the read asked for).
    expect(result.current.diagnostics.rejected['invalid-state']).toBe(1);
  });
});
