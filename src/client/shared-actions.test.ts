import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { createOpenmediaStore } from '../core/store';
import { interaction, statusChange } from '../test-support/builders';
import { createFakeSharedChannel } from '../test-support/fake-shared-channel';
import type { SharedAction } from './relay-protocol';
import { ELSEWHERE_GRACE_MS, createSharedActions } from './shared-actions';

const TIMEOUT_MS = 10_000;
const accept = (requestId: string, interactionId = 'A', referenceId?: number): SharedAction => ({ requestId, interactionId, operation: 'Accept', referenceId });

function setup() {
  const store = createOpenmediaStore({ schedule: () => undefined });
  store.dispatch(statusChange(interaction({ id: 'A', state: 'Invited' }), 1000));
  const shared = createFakeSharedChannel();
  const actions = createSharedActions(store, shared.channel, () => 2000, TIMEOUT_MS);
  const pending = (id = 'A') => store.getState().byId.get(id)?.pending;
  return { store, shared, actions, pending };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSharedActions', () => {
  it("tells the other tabs of this tab's actions and their end", () => {
    const t = setup();
    t.actions.started(accept('r1'));
    t.actions.started(accept('r1', 'A', 7));
    t.actions.ended('r1');
    // With this tab's timeout: the others wait that long (and a grace) for the end.
    expect(t.shared.announced.actions).toEqual([
      { ...accept('r1'), timeoutMs: TIMEOUT_MS },
      { ...accept('r1', 'A', 7), timeoutMs: TIMEOUT_MS },
    ]);
    expect(t.shared.announced.ended).toEqual(['r1']);
  });

  it("shows another tab's action as pending here, with no error when it ends there", () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1') });
    expect(t.pending()).toMatchObject({ requestId: 'r1', operation: 'Accept', elsewhere: true, referenceId: undefined });
    t.shared.hearActions({ kind: 'ended', from: 'tab-2', requestId: 'r1' });
    expect(t.pending()).toBeUndefined();
    expect(t.store.getState().byId.get('A')?.error).toBeUndefined();
    expect(t.store.getState().diagnostics.log.map((line) => line.detail)).toContain('Accept ended in another tab');
  });

  it("shows another widget of this page's action as such, and logs where it came from", () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1'), onThisPage: true });
    expect(t.pending()).toMatchObject({ requestId: 'r1', elsewhere: true, onThisPage: true });
    expect(t.store.getState().diagnostics.log.map((line) => line.detail)).toContain('Accept (in another widget of this page)');
    t.shared.hearActions({ kind: 'ended', from: 'tab-2', requestId: 'r1' });
    t.shared.hearActions({ kind: 'started', from: 'tab-3', action: accept('r2') });
    expect(t.pending()).toMatchObject({ requestId: 'r2', elsewhere: true });
    expect(t.pending()?.onThisPage).toBeUndefined();
  });

  it('settles it on its own notification once told the referenceId', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1') });
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1', 'A', 42) });
    expect(t.pending()?.referenceId).toBe(42);
    t.store.dispatch(statusChange(interaction({ id: 'A', state: 'Processing' }), 2100, 42));
    expect(t.pending()).toBeUndefined();
  });

  it('drops the actions of a tab that went, and those whose end never comes after the timeout and a grace', () => {
    const t = setup();
    t.store.dispatch(statusChange(interaction({ id: 'B', state: 'Invited' }), 1000));
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1') });
    t.shared.hearActions({ kind: 'started', from: 'tab-3', action: accept('r2', 'B') });
    t.shared.hearActions({ kind: 'tab-gone', from: 'tab-2' });
    expect(t.pending('A')).toBeUndefined();
    expect(t.pending('B')?.requestId).toBe('r2');
    // tab-3 crashed: it says nothing.
    vi.advanceTimersByTime(TIMEOUT_MS + ELSEWHERE_GRACE_MS - 1);
    expect(t.pending('B')?.requestId).toBe('r2');
    vi.advanceTimersByTime(1);
    expect(t.pending('B')).toBeUndefined();
  });

  it("waits as long as the sending tab's own timeout says, not this tab's", () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: { ...accept('r1'), timeoutMs: 60_000 } });
    vi.advanceTimersByTime(TIMEOUT_MS + ELSEWHERE_GRACE_MS);
    expect(t.pending()?.requestId).toBe('r1');
    vi.advanceTimersByTime(60_000 - TIMEOUT_MS - 1);
    expect(t.pending()?.requestId).toBe('r1');
    vi.advanceTimersByTime(1);
    expect(t.pending()).toBeUndefined();
  });

  it('keeps showing an action GWS accepted when its tab goes, until its notification settles it here', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1', 'A', 42) });
    t.shared.hearActions({ kind: 'tab-gone', from: 'tab-2' });
    expect(t.pending()).toMatchObject({ requestId: 'r1', elsewhere: true, referenceId: 42 });
    t.store.dispatch(statusChange(interaction({ id: 'A', state: 'Processing' }), 2100, 42));
    expect(t.pending()).toBeUndefined();
    expect(t.store.getState().byId.get('A')?.interaction.state).toBe('Processing');
  });

  it('waits for an interaction this tab has not read yet, and shows the action once it has', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1', 'LATER', 9) });
    expect(t.store.getState().pending.size).toBe(0);
    t.store.dispatch(statusChange(interaction({ id: 'LATER', state: 'Invited' }), 1500));
    expect(t.pending('LATER')).toMatchObject({ requestId: 'r1', elsewhere: true, referenceId: 9 });
    // One that ends before it is read is never shown.
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r2', 'NEVER') });
    t.shared.hearActions({ kind: 'ended', from: 'tab-2', requestId: 'r2' });
    t.store.dispatch(statusChange(interaction({ id: 'NEVER', state: 'Invited' }), 1600));
    expect(t.pending('NEVER')).toBeUndefined();
  });

  it("keeps this tab's own pending action, and an end heard for the other one leaves it alone", () => {
    const t = setup();
    t.store.dispatch({ type: 'actionRequested', requestId: 'mine', interactionId: 'A', operation: 'Reject', at: 1900 });
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('theirs') });
    t.shared.hearActions({ kind: 'ended', from: 'tab-2', requestId: 'theirs' });
    expect(t.pending()).toMatchObject({ requestId: 'mine', operation: 'Reject' });
    expect(t.pending()?.elsewhere).toBeUndefined();
  });

  it("shows another tab's action sent at the same moment as this tab's once this tab's ends, if it is still in flight", () => {
    const t = setup();
    t.store.dispatch({ type: 'actionRequested', requestId: 'mine', interactionId: 'A', operation: 'Reject', at: 1900 });
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('theirs') });
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('theirs', 'A', 11) });
    expect(t.pending()?.requestId).toBe('mine');
    t.store.dispatch({ type: 'actionFailed', requestId: 'mine', kind: 'status-code', code: 2, message: 'Reject refused', at: 1950 });
    expect(t.pending()).toMatchObject({ requestId: 'theirs', elsewhere: true, referenceId: 11 });
    // And it settles here on its notification, not counted as a stranger's referenceId.
    t.store.dispatch(statusChange(interaction({ id: 'A', state: 'Processing' }), 2100, 11));
    expect(t.pending()).toBeUndefined();
    expect(t.store.getState().diagnostics.unmatchedReferenceIds).toBe(0);
  });

  it('forgets what it heard when this tab stops listening (their end would go unheard)', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1') });
    t.shared.hearActions({ kind: 'deaf' });
    expect(t.pending()).toBeUndefined();
    expect(t.store.getState().byId.get('A')?.error).toBeUndefined();
  });

  it('ends what it shows when disposed, and shares nothing on a channel that is not shared', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1') });
    t.actions.dispose();
    expect(t.pending()).toBeUndefined();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r2') });
    expect(t.pending()).toBeUndefined();

    const alone = createSharedActions(t.store, createMemoryChannel(), Date.now, TIMEOUT_MS);
    expect(() => {
      alone.started(accept('r3'));
      alone.ended('r3');
      alone.dispose();
    }).not.toThrow();
  });
});

describe("another tab's action that fails here too", () => {
  it('ends without an error on this card when its Error notification arrives (the sending tab shows it)', () => {
    const t = setup();
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('r1', 'A', 42) });
    t.store.dispatch({
      type: 'notificationReceived',
      at: 2100,
      notification: { notificationType: 'Error', referenceId: 42, errorMessage: 'Not allowed', errorCode: undefined, openmedia: interaction({ id: 'A', state: 'Invited' }) },
    });
    expect(t.pending()).toBeUndefined();
    expect(t.store.getState().byId.get('A')?.error).toBeUndefined();
    expect(t.store.getState().diagnostics.log.map((line) => line.detail)).toContain('Accept (in another tab): Not allowed');
  });
});

describe("another tab's action and this tab's own state", () => {
  it("leaves this tab's error on the card", () => {
    const t = setup();
    t.store.dispatch({ type: 'actionRequested', requestId: 'mine', interactionId: 'A', operation: 'Reject', at: 1900 });
    t.store.dispatch({ type: 'actionFailed', requestId: 'mine', kind: 'status-code', code: 2, message: 'Reject refused', at: 1950 });
    t.shared.hearActions({ kind: 'started', from: 'tab-2', action: accept('theirs') });
    expect(t.store.getState().byId.get('A')?.error?.message).toBe('Reject refused');
  });
});
