import { act, render, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../testing/fake-fetch';
import { createHarness, errorNotification, resource, statusChange } from '../test-support/harness';
import type { Harness } from '../test-support/harness';
import { useInteraction } from './use-interaction';
import { OpenmediaActionError, SETTLED_ACTION_KEPT_MS, useInteractionAction, useInteractionCommands } from './use-interaction-action';
import { advanceTimers } from '../test-support/fake-timers';

const posts = (h: Harness) => h.gws.requests.filter((r) => r.method === 'POST');

/** A harness with interaction `a` (Invited) known to the store, and the action hook on it. */
async function withInteraction(props: Parameters<typeof createHarness>[0] = {}, state = 'Invited') {
  const h = createHarness({ mediaTypes: ['workitem'], ...props });
  const view = renderHook(() => useInteractionAction('a'), { wrapper: h.wrapper });
  act(() => h.channel.emit(statusChange(resource('a', state))));
  await advanceTimers();
  return { h, result: view.result, unmount: view.unmount };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useInteractionAction', () => {
  it('posts the operation to the interaction media type, with the CSRF header, and waits for the outcome', async () => {
    const { h, result } = await withInteraction();
    act(() => void result.current.perform({ operationName: 'Accept' }));
    expect(result.current.pending).toBeUndefined();
    await advanceTimers();
    expect(posts(h)).toHaveLength(1);
    expect(posts(h)[0]).toMatchObject({ url: '/api/v2/me/openmedia/workitem/a', body: { operationName: 'Accept' } });
    expect(posts(h)[0]?.headers.get('X-CSRF-TOKEN')).toBe('token-1');
    expect(result.current.pending).toMatchObject({ operation: 'Accept', interactionId: 'a', referenceId: 101 });

    act(() => h.channel.emit(statusChange(resource('a', 'Processing'), 101)));
    await advanceTimers();
    expect(result.current.pending).toBeUndefined();
    expect(result.current.error).toBeUndefined();
  });

  it('sends the CSRF header on every POST', async () => {
    const { h, result } = await withInteraction({}, 'Processing');
    for (const referenceId of [101, 102, 103]) {
      act(() => void result.current.perform({ operationName: 'SetInFocus' }));
      await advanceTimers();
      act(() => h.channel.emit(statusChange(resource('a', 'Processing'), referenceId)));
      await advanceTimers();
    }
    expect(posts(h)).toHaveLength(3);
    expect(posts(h).map((p) => p.headers.get('X-CSRF-TOKEN'))).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('refreshes a refused CSRF token and retries once', async () => {
    const { h, result } = await withInteraction();
    h.gws.refusedTokens.add('token-1');
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(posts(h).map((p) => p.headers.get('X-CSRF-TOKEN'))).toEqual(['token-1', 'token-2']);
    expect(result.current.pending?.referenceId).toBe(101);
    expect(result.current.error).toBeUndefined();
  });

  it('shows a statusCode refusal with the server message', async () => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => json({ statusCode: 2, statusMessage: 'Interaction is not in a valid state' });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(result.current.pending).toBeUndefined();
    expect(result.current.error).toMatchObject({
      kind: 'status-code',
      code: 2,
      operation: 'Accept',
      message: 'Interaction is not in a valid state',
    });
  });

  it.each([
    [1, 'A required parameter is missing.'],
    [3, 'This operation is forbidden.'],
    [4, 'GWS reported an internal error.'],
    [5, 'You do not have permission for this operation.'],
    [6, 'The interaction was not found.'],
  ])('explains statusCode %i when the server says nothing', async (statusCode, message) => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => json({ statusCode });
    act(() => void result.current.perform({ operationName: 'Reject' }));
    await advanceTimers();
    expect(result.current.error).toMatchObject({ kind: 'status-code', code: statusCode, message });
  });

  it('shows an HTTP failure as an http error', async () => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => new Response('', { status: 400, statusText: 'Bad Request' });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(result.current.error).toMatchObject({ kind: 'http', code: 400, message: 'GWS answered HTTP 400 Bad Request.' });
  });

  it('shows a 500 with no GWS answer in it (the server failed while handling the request) as an outcome in doubt, not as not sent', async () => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => new Response('<html>Internal error</html>', { status: 500, statusText: 'Internal Server Error', headers: { 'Content-Type': 'text/html' } });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(result.current.error).toMatchObject({ kind: 'outcome-unknown', code: 500, reason: 'server-failed' });
    expect(result.current.error?.message).toMatch(/^GWS answered HTTP 500 Internal Server Error\. The request reached GWS, which failed while handling it: it may have been done\./);
  });

  it("shows a gateway's 503 (no GWS answer in it) as an outcome in doubt, not as not sent", async () => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => new Response('', { status: 503, statusText: 'Service Unavailable' });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(result.current.error).toMatchObject({ kind: 'outcome-unknown', code: 503 });
    expect(result.current.error?.message).toMatch(/^GWS answered HTTP 503 Service Unavailable\. A gateway between the widget and GWS answered, not GWS/);
  });

  it('shows an Error notification on the interaction', async () => {
    const { h, result } = await withInteraction();
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    act(() => h.channel.emit(errorNotification(101, 'Agent is not ready')));
    await advanceTimers();
    expect(result.current.pending).toBeUndefined();
    expect(result.current.error).toMatchObject({ kind: 'error-notification', message: 'Agent is not ready', referenceId: 101 });
  });

  it('times out after actionTimeoutMs when no outcome arrives, not before', async () => {
    const { result } = await withInteraction({ actionTimeoutMs: 2_000 });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers(1_900);
    expect(result.current.pending).toBeDefined();
    expect(result.current.error).toBeUndefined();
    await advanceTimers(200);
    expect(result.current.pending).toBeUndefined();
    expect(result.current.error).toMatchObject({ kind: 'timeout', operation: 'Accept' });
  });

  it('times out a POST that never answers', async () => {
    const { h, result } = await withInteraction({ actionTimeoutMs: 2_000 });
    h.gws.operationAnswer = () => new Promise<Response>(() => undefined);
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers(2_100);
    expect(result.current.error?.kind).toBe('timeout');
  });

  it('still times out when the card that started the action has unmounted', async () => {
    const h = createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 2_000 });
    function ActionButton() {
      const { perform } = useInteractionAction('a');
      return (
        <button type="button" onClick={() => perform({ operationName: 'Accept' })}>
          Accept
        </button>
      );
    }
    function Widget() {
      const [showButton, setShowButton] = useState(true);
      const entry = useInteraction('a');
      return (
        <>
          {showButton && <ActionButton />}
          <button type="button" onClick={() => setShowButton(false)}>
            Hide
          </button>
          <p>{entry?.error?.kind ?? 'no error'}</p>
        </>
      );
    }
    render(<Widget />, { wrapper: h.wrapper });
    act(() => h.channel.emit(statusChange(resource('a'))));
    await advanceTimers();
    act(() => screen.getByRole('button', { name: 'Accept' }).click());
    await advanceTimers();
    act(() => screen.getByRole('button', { name: 'Hide' }).click());
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    await advanceTimers(2_100);
    expect(screen.getByText('timeout')).toBeInTheDocument();
  });

  it('sends one request for a double click', async () => {
    const { h, result } = await withInteraction();
    act(() => {
      result.current.perform({ operationName: 'Accept' });
    });
    await advanceTimers(0);
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(posts(h)).toHaveLength(1);
  });

  it('refuses, visibly, an operation the capabilities do not allow', async () => {
    const { h, result } = await withInteraction();
    act(() => void result.current.perform({ operationName: 'Complete' }));
    await advanceTimers();
    expect(posts(h)).toHaveLength(0);
    expect(result.current.error).toMatchObject({ kind: 'not-available', operation: 'Complete' });
  });

  it('dismisses the error', async () => {
    const { h, result } = await withInteraction();
    h.gws.operationAnswer = () => json({ statusCode: 4 });
    act(() => void result.current.perform({ operationName: 'Accept' }));
    await advanceTimers();
    expect(result.current.error).toBeDefined();
    act(() => result.current.dismissError());
    await advanceTimers();
    expect(result.current.error).toBeUndefined();
  });

  describe('the promise perform returns', () => {
    it('resolves succeeded when the notification carrying the referenceId arrives', async () => {
      const { h, result } = await withInteraction();
      let settlement: unknown;
      act(() => {
        void result.current.perform({ operationName: 'Accept' }).then((s) => (settlement = s));
      });
      await advanceTimers();
      expect(settlement).toBeUndefined();
      act(() => h.channel.emit(statusChange(resource('a', 'Processing'), 101)));
      await advanceTimers();
      expect(settlement).toEqual({ status: 'succeeded' });
    });

    it('resolves failed with the error shown on the card when an Error notification arrives', async () => {
      const { h, result } = await withInteraction();
      let settlement: unknown;
      act(() => {
        void result.current.perform({ operationName: 'Accept' }).then((s) => (settlement = s));
      });
      await advanceTimers();
      act(() => h.channel.emit(errorNotification(101, 'Media server unavailable')));
      await advanceTimers();
      expect(settlement).toMatchObject({ status: 'failed', error: { kind: 'error-notification', message: 'Media server unavailable' } });
      expect(result.current.error).toEqual((settlement as { error: unknown }).error);
    });

    it('resolves ignored for a second request while one is pending (nothing sent)', async () => {
      const { h, result } = await withInteraction();
      act(() => {
        void result.current.perform({ operationName: 'Accept' });
      });
      await advanceTimers();
      let second: unknown;
      await act(async () => {
        second = await result.current.perform({ operationName: 'Reject' });
      });
      expect(second).toEqual({ status: 'ignored' });
      expect(posts(h)).toHaveLength(1);
    });
  });

  describe('the TanStack mutation behind it (what devtools show)', () => {
    const mutations = (h: Harness) => h.queryClient.getMutationCache().getAll().map((m) => m.state);

    it('is pending until the outcome notification, not merely the REST answer, then succeeds', async () => {
      const { h, result } = await withInteraction();
      act(() => void result.current.perform({ operationName: 'Accept' }));
      await advanceTimers();
      expect(posts(h)).toHaveLength(1);
      expect(mutations(h)).toMatchObject([{ status: 'pending' }]);
      act(() => h.channel.emit(statusChange(resource('a', 'Processing'), 101)));
      await advanceTimers();
      expect(mutations(h)).toMatchObject([{ status: 'success', data: { status: 'succeeded' } }]);
    });

    it('fails when the action fails, carrying the error the card shows', async () => {
      const { h, result } = await withInteraction();
      let outcome: unknown;
      act(() => {
        void result.current.perform({ operationName: 'Accept' }).then((o) => (outcome = o));
      });
      await advanceTimers();
      act(() => h.channel.emit(errorNotification(101, 'Transfer target unknown')));
      await advanceTimers();
      const [state] = mutations(h);
      expect(state?.status).toBe('error');
      expect(state?.error).toBeInstanceOf(OpenmediaActionError);
      expect((state?.error as OpenmediaActionError).error).toEqual(result.current.error);
      expect(state?.error?.message).toBe('Transfer target unknown');
      // perform itself still resolves (never rejects), with the same error.
      expect(outcome).toEqual({ status: 'failed', error: result.current.error });
    });
  });
});

describe('useInteractionCommands (the cards: the same mutation, no observer per card)', () => {
  async function withCommands() {
    const h = createHarness({ mediaTypes: ['workitem'] });
    const view = renderHook(() => ({ commands: useInteractionCommands('a'), entry: useInteraction('a') }), { wrapper: h.wrapper });
    act(() => h.channel.emit(statusChange(resource('a', 'Invited'))));
    await advanceTimers();
    return { h, result: view.result };
  }
  const mutations = (h: Harness) => h.queryClient.getMutationCache().getAll().map((m) => ({ key: m.options.mutationKey, ...m.state }));

  it('keeps no mutation in the cache until an action is sent, then one pending until the outcome notification', async () => {
    const { h, result } = await withCommands();
    expect(mutations(h)).toEqual([]);
    let outcome: unknown;
    act(() => void result.current.commands.perform({ operationName: 'Accept' }).then((o) => (outcome = o)));
    await advanceTimers();
    expect(posts(h)).toHaveLength(1);
    expect(mutations(h)).toMatchObject([{ key: ['openmedia', 'operation', expect.any(String), 'a'], status: 'pending' }]);
    act(() => h.channel.emit(statusChange(resource('a', 'Processing'), 101)));
    await advanceTimers();
    expect(mutations(h)).toMatchObject([{ status: 'success', data: { status: 'succeeded' } }]);
    expect(outcome).toEqual({ status: 'succeeded' });
  });

  it('fails the mutation with the error the card shows, and still resolves perform with it', async () => {
    const { h, result } = await withCommands();
    let outcome: unknown;
    act(() => void result.current.commands.perform({ operationName: 'Accept' }).then((o) => (outcome = o)));
    await advanceTimers();
    act(() => h.channel.emit(errorNotification(101, 'Transfer target unknown')));
    await advanceTimers();
    const [state] = mutations(h);
    expect(state?.status).toBe('error');
    expect((state?.error as OpenmediaActionError).error).toEqual(result.current.entry?.error);
    expect(outcome).toEqual({ status: 'failed', error: result.current.entry?.error });
  });

  it('lets a settled action go from the cache a minute later, not after TanStack\'s five', async () => {
    const { h, result } = await withCommands();
    const outcomes: unknown[] = [];
    for (const [operationName, state, referenceId] of [['Accept', 'Processing', 101], ['SetInFocus', 'Processing', 102]] as const) {
      act(() => void result.current.commands.perform({ operationName }).then((o) => outcomes.push(o)));
      await advanceTimers();
      act(() => h.channel.emit(statusChange(resource('a', state), referenceId)));
      await advanceTimers();
    }
    expect(outcomes).toEqual([{ status: 'succeeded' }, { status: 'succeeded' }]);
    expect(mutations(h)).toHaveLength(2);
    await advanceTimers(SETTLED_ACTION_KEPT_MS - 1_000);
    expect(mutations(h)).toHaveLength(2);
    await advanceTimers(1_000);
    expect(mutations(h)).toEqual([]);
  });

  it("keeps a settled action as long as the host's QueryClient says, for mutations or for the widget's keys", async () => {
    for (const configure of [
      (h: Harness) => h.queryClient.setDefaultOptions({ mutations: { gcTime: Infinity } }),
      (h: Harness) => h.queryClient.setMutationDefaults(['openmedia'], { gcTime: Infinity }),
    ]) {
      const { h, result } = await withCommands();
      configure(h);
      act(() => void result.current.commands.perform({ operationName: 'Accept' }));
      await advanceTimers();
      act(() => h.channel.emit(statusChange(resource('a', 'Processing'), 101)));
      await advanceTimers();
      await advanceTimers(10 * 60_000);
      expect(mutations(h)).toMatchObject([{ status: 'success' }]);
    }
  });
});
