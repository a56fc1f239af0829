import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { createMemoryClient } from '../test-support/memory-client';
import { json } from '../testing/fake-fetch';
import { createScriptedGws, resource, statusChange } from '../testing/scripted-gws';
import { OpenmediaWidget } from './openmedia-widget';

describe('OpenmediaWidget onFocus', () => {
  it('tells the host when the focus came from another tab of the browser', async () => {
    const gws = createScriptedGws();
    const { channel, client } = createMemoryClient(gws.fetch);
    const onFocus = vi.fn();
    render(
      <OpenmediaProvider client={client}>
        <OpenmediaWidget onFocus={onFocus} />
      </OpenmediaProvider>,
    );
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Work' }))));
    await screen.findByRole('article', { name: 'Work' });
    // What the shared connection does when another tab's SetInFocus was confirmed.
    act(() => client.store.dispatch({ type: 'focusedElsewhere', interactionId: 'w1', at: Date.now() }));
    await waitFor(() => expect(onFocus).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: 'w1' }), { fromAnotherTab: true }));
    expect(screen.getByRole('article', { name: 'Work' })).toHaveAttribute('aria-current', 'true');

    // This tab then puts the same interaction in focus itself: the host hears it is now this tab's.
    gws.operationAnswer = () => json({ statusCode: 0, referenceId: 31 });
    const focused = client.perform('w1', { operationName: 'SetInFocus' });
    await waitFor(() => expect(client.getSnapshot().state.byId.get('w1')?.pending?.referenceId).toBe(31));
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Work' }), 31)));
    await expect(focused).resolves.toEqual({ status: 'succeeded' });
    await waitFor(() => expect(onFocus).toHaveBeenCalledTimes(2));
    expect(onFocus).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'w1' }), { fromAnotherTab: false });
    // Another tab re-focusing it does not tell this tab's host again.
    act(() => client.store.dispatch({ type: 'focusedElsewhere', interactionId: 'w1', at: Date.now() }));
    act(() => client.store.flush());
    expect(onFocus).toHaveBeenCalledTimes(2);
    client.dispose();
  });
});
