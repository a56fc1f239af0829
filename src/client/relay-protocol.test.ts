import { describe, expect, it } from 'vitest';
import { readRelayMessage } from './relay-protocol';

describe('readRelayMessage', () => {
  it.each([
    [{ kind: 'message', data: { a: 1 } }, { kind: 'message', data: { a: 1 } }],
    [{ kind: 'message', data: undefined }, { kind: 'message', data: undefined }],
    [{ kind: 'status', status: 'connecting' }, { kind: 'status', status: 'connecting' }],
    [{ kind: 'status', status: 'connected' }, { kind: 'status', status: 'connected' }],
    [{ kind: 'status', status: 'reconnecting' }, { kind: 'status', status: 'reconnecting' }],
    [{ kind: 'status', status: 'unauthorized' }, { kind: 'status', status: 'unauthorized' }],
    [{ kind: 'status', status: 'disconnected' }, { kind: 'status', status: 'disconnected' }],
    [{ kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' }, { kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' }],
    [{ kind: 'status', status: 'reconnecting', refusal: 403 }, { kind: 'status', status: 'reconnecting' }],
    [{ kind: 'status', status: 'reconnecting', refusal: '  ' }, { kind: 'status', status: 'reconnecting' }],
    [{ kind: 'status', status: 'reconnecting', refusal: 'x'.repeat(300) }, { kind: 'status', status: 'reconnecting', refusal: `${'x'.repeat(199)}…` }],
    [{ kind: 'resync', extra: 1 }, { kind: 'resync' }],
    [{ kind: 'reconnect' }, { kind: 'reconnect' }],
    [{ kind: 'session-ended' }, { kind: 'session-ended' }],
    [{ kind: 'hello', from: 'tab-1' }, { kind: 'hello', from: 'tab-1' }],
    [{ kind: 'leader', from: 'tab-2' }, { kind: 'leader', from: 'tab-2' }],
    [{ kind: 'bye', from: 'tab-1', leader: true }, { kind: 'bye', from: 'tab-1', leader: true }],
    [{ kind: 'bye', from: 'tab-1', leader: 'yes' }, { kind: 'bye', from: 'tab-1', leader: false }],
    [{ kind: 'alerted', ids: ['a', 7, 'b', null] }, { kind: 'alerted', ids: ['a', 'b'] }],
    [{ kind: 'focused', id: 'W1', extra: 1 }, { kind: 'focused', id: 'W1' }],
    [
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', extra: 1 },
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', referenceId: undefined },
    ],
    [
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'UpdateUserData', referenceId: 12 },
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'UpdateUserData', referenceId: 12 },
    ],
    [
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Complete', referenceId: '12' },
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Complete', referenceId: undefined },
    ],
    [
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', timeoutMs: 60_000 },
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', referenceId: undefined, timeoutMs: 60_000 },
    ],
    // A sender's timeout that is not a sane duration is left out (the receiver's own applies).
    ...[0, -5, '60000', Number.NaN, 3_600_000].map(
      (timeoutMs): [unknown, unknown] => [
        { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', timeoutMs },
        { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', referenceId: undefined },
      ],
    ),
    // The sender's page id is kept; one that is not a non-empty string is left out.
    [
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', page: 'p-1' },
      { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', referenceId: undefined, page: 'p-1' },
    ],
    ...['', 7, null].map(
      (page): [unknown, unknown] => [
        { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', page },
        { kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Accept', referenceId: undefined },
      ],
    ),
    [{ kind: 'action-ended', from: 't', requestId: 'r' }, { kind: 'action-ended', from: 't', requestId: 'r' }],
    // The error of an action whose widget is gone, read field by field, with the request it ended.
    [
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: 'Accept', message: 'No', code: 2, kind: 'status-code', referenceId: 7, at: 5, requestId: 'x', extra: 1 } },
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: 'Accept', message: 'No', code: 2, kind: 'status-code', referenceId: 7, at: 5, requestId: 'r' } },
    ],
    [
      { kind: 'action-ended', from: 't', requestId: 'r', error: { message: 'No', code: { a: 1 }, kind: 'timeout', referenceId: '7', at: 5 } },
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: undefined, message: 'No', code: undefined, kind: 'timeout', referenceId: undefined, at: 5, requestId: 'r' } },
    ],
    // The widget's own explanation travels, so the other tab says it in its language; an unknown one does not.
    [
      { kind: 'action-ended', from: 't', requestId: 'r', error: { message: 'No answer', kind: 'timeout', at: 5, reason: 'no-outcome', heard: 'Agent is not ready' } },
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: undefined, message: 'No answer', code: undefined, kind: 'timeout', referenceId: undefined, at: 5, requestId: 'r', reason: 'no-outcome', heard: 'Agent is not ready' } },
    ],
    [
      { kind: 'action-ended', from: 't', requestId: 'r', error: { message: 'No answer', kind: 'timeout', at: 5, reason: 'toString', heard: 7 } },
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: undefined, message: 'No answer', code: undefined, kind: 'timeout', referenceId: undefined, at: 5, requestId: 'r' } },
    ],
    // A quiet failure (its interaction had ended) stays quiet in the other tabs.
    [
      { kind: 'action-ended', from: 't', requestId: 'r', error: { message: 'No answer', kind: 'timeout', at: 5, quiet: true } },
      { kind: 'action-ended', from: 't', requestId: 'r', error: { operation: undefined, message: 'No answer', code: undefined, kind: 'timeout', referenceId: undefined, at: 5, requestId: 'r', quiet: true } },
    ],
    // An error that cannot be read is none: the action still ends.
    ...[
      'No',
      { message: 'No', kind: 'explosion', at: 5 },
      { message: 7, kind: 'timeout', at: 5 },
      { message: 'No', kind: 'timeout' },
      { message: 'No', kind: 'timeout', at: 5, operation: 'Explode' },
    ].map((error): [unknown, unknown] => [{ kind: 'action-ended', from: 't', requestId: 'r', error }, { kind: 'action-ended', from: 't', requestId: 'r' }]),
  ])('reads %j', (value, expected) => {
    expect(readRelayMessage(value)).toEqual(expected);
  });

  it.each([
    [null],
    ['message'],
    [42],
    [{}],
    [{ kind: 'message' }],
    [{ kind: 'status', status: 'online' }],
    [{ kind: 'status', status: 3 }],
    [{ kind: 'hello' }],
    [{ kind: 'leader', from: 5 }],
    [{ kind: 'bye', leader: true }],
    [{ kind: 'alerted', ids: 'a' }],
    [{ kind: 'focused' }],
    [{ kind: 'focused', id: 7 }],
    [{ kind: 'action', from: 't', requestId: 'r', interactionId: 'W1', operation: 'Explode' }],
    [{ kind: 'action', from: 't', requestId: 'r', operation: 'Accept' }],
    [{ kind: 'action', requestId: 'r', interactionId: 'W1', operation: 'Accept' }],
    [{ kind: 'action-ended', from: 't' }],
    [{ kind: 'unknown' }],
  ])('ignores %j', (value) => {
    expect(readRelayMessage(value)).toBeUndefined();
  });
});
