import { describe, expect, it } from 'vitest';
import { mediaMessage } from '../protocol/workspace-v3/fixtures';
import { keepUnchanged, mockControlBase, onlyTrafficMoved, readMockState } from './mock-api';
import type { MockSummary } from './mock-api';
import { panelDialect } from './mock-dialect';

describe('the mock panel in either dialect', () => {
  it('drives /mock for GWS v2 and /mock/v3 for the Workspace API v3, on any base', () => {
    expect(mockControlBase('', 'gws-v2')).toBe('/mock');
    expect(mockControlBase('', 'workspace-v3')).toBe('/mock/v3');
    expect(mockControlBase('http://127.0.0.1:8090', 'workspace-v3')).toBe('http://127.0.0.1:8090/mock/v3');
  });

  it('reads the subject of a v2 resource and of a v3 interaction (its subject, else the last Subject pair)', () => {
    const v3 = mediaMessage('01-workitem-invited').data?.interaction as Record<string, unknown>;
    const summary = readMockState(
      {
        interactions: [
          { id: 'A', state: 'Invited', userData: { Subject: 'v2 offer' } },
          v3,
          { id: 'B', state: 'Processing', userData: [{ key: 'Subject', type: 'str', value: 'old' }, { key: 'Subject', type: 'str', value: 'new' }] },
        ],
      },
      0,
    );
    expect(summary?.interactions.map((i) => i.subject)).toEqual(['v2 offer', 'Capture workitem 1', 'new']);
  });

  it('offers in each dialect’s field names and knows which states are over', () => {
    expect(panelDialect('gws-v2').offerOverrides('promotion', 'Inbound', 'Hi')).toEqual({ mediaType: 'promotion', openmediaType: 'Inbound', userData: { Subject: 'Hi' } });
    expect(panelDialect('workspace-v3').offerOverrides('email', 'Inbound', 'Hi')).toEqual({ mediatype: 'email', interactionType: 'Inbound', subject: 'Hi' });
    expect(panelDialect('workspace-v3').offerOverrides('email', 'Inbound', '')).not.toHaveProperty('subject');
    expect(['Processing', 'InWorkbin', 'Queued'].map(panelDialect('workspace-v3').isLive)).toEqual([true, false, false]);
    expect(panelDialect('gws-v2').isLive('InWorkbin')).toBe(true);
  });
});

describe('keepUnchanged: a poll that changes nothing shown keeps the summary', () => {
  const read = (body: Record<string, unknown>, at: number) => readMockState({ interactions: [{ id: 'A', state: 'Invited', userData: { Subject: 'Hi' } }], published: 3, ...body }, at) as MockSummary;

  it('keeps the previous summary when only the time of the read differs', () => {
    const first = read({}, 1_000);
    expect(keepUnchanged(first, read({}, 2_500))).toBe(first);
  });

  it('takes the new summary when a counter changed, keeping the unchanged interaction list', () => {
    const first = read({}, 1_000);
    const next = keepUnchanged(first, read({ published: 4 }, 2_500));
    expect(next).not.toBe(first);
    expect(next.published).toBe(4);
    expect(next.readAt).toBe(2_500);
    expect(next.interactions).toBe(first.interactions);
  });

  it('takes a new interaction list when an interaction changed state', () => {
    const first = read({}, 1_000);
    const next = keepUnchanged(first, readMockState({ interactions: [{ id: 'A', state: 'Processing', userData: { Subject: 'Hi' } }], published: 3 }, 2_500) as MockSummary);
    expect(next.interactions.map((i) => i.state)).toEqual(['Processing']);
  });

  it('a network cut counts down from the time of the read, so that time counts while one is on', () => {
    const first = read({ faults: { networkCutUntil: 10_000 } }, 1_000);
    const next = keepUnchanged(first, read({ faults: { networkCutUntil: 10_000 } }, 2_500));
    expect(next).not.toBe(first);
    expect(next.readAt).toBe(2_500);
  });
});

describe('onlyTrafficMoved: which changes may wait for the page’s own news', () => {
  const read = (body: Record<string, unknown>, at = 1_000) =>
    readMockState({ interactions: [{ id: 'A', state: 'Invited' }], published: 3, sessions: 1, handshakes: 1, ...body }, at) as MockSummary;

  it('the published counter, the interactions, sessions and handshakes move with traffic', () => {
    expect(onlyTrafficMoved(read({}), read({ published: 9, sessions: 2, handshakes: 4, interactions: [{ id: 'A', state: 'Processing' }, { id: 'B', state: 'Invited' }] }, 2_000))).toBe(true);
  });

  it('a fault armed or traffic started or stopped is not traffic moving', () => {
    expect(onlyTrafficMoved(read({}), read({ faults: { duplicateNext: 1 } }))).toBe(false);
    expect(onlyTrafficMoved(read({}), read({ faults: { failNext: { remaining: 1, mode: 'http-500' } } }))).toBe(false);
    expect(onlyTrafficMoved(read({}), read({ traffic: { running: true, rate: 2 } }))).toBe(false);
    expect(onlyTrafficMoved(read({}), read({ faults: { refuseSubscriptions: true } }))).toBe(false);
    expect(read({ faults: { refuseSubscriptions: true } }).refuseSubscriptions).toBe(true);
    expect(read({ faults: { refuseSubscriptions: 'yes' } }).refuseSubscriptions).toBe(false);
  });

  it('nothing waits while a network cut counts down', () => {
    const cut = { faults: { networkCutUntil: 10_000 } };
    expect(onlyTrafficMoved(read(cut), read({ ...cut, published: 4 }, 2_000))).toBe(false);
    expect(onlyTrafficMoved(read({}), read({ ...cut, published: 4 }))).toBe(false);
  });
});
