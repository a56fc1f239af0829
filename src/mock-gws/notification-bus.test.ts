import { describe, expect, it } from 'vitest';
import { NotificationBus } from './notification-bus';

function bus(): { bus: NotificationBus; sent: unknown[] } {
  const sent: unknown[] = [];
  return { bus: new NotificationBus((d) => sent.push(d)), sent };
}

describe('NotificationBus', () => {
  it('passes notifications through in order and counts them', () => {
    const { bus: b, sent } = bus();
    b.publish(1);
    b.publish(2);
    expect(sent).toEqual([1, 2]);
    expect(b.published).toBe(2);
  });

  it('sends each of the next N twice', () => {
    const { bus: b, sent } = bus();
    b.duplicateNext(2);
    for (const n of [1, 2, 3]) b.publish(n);
    expect(sent).toEqual([1, 1, 2, 2, 3]);
    expect(b.published).toBe(5);
  });

  it('holds the next N and releases them newest first', () => {
    const { bus: b, sent } = bus();
    b.reorderNext(3);
    b.publish(1);
    b.publish(2);
    expect(sent).toEqual([]);
    expect(b.view()).toEqual({ duplicateNext: 0, reorderNext: 1, reorderHeld: 2 });
    b.publish(3);
    b.publish(4);
    expect(sent).toEqual([3, 2, 1, 4]);
  });

  it('releases what it holds when the reorder count is set to 0, and drops it on reset', () => {
    const { bus: b, sent } = bus();
    b.reorderNext(5);
    b.publish(1);
    b.publish(2);
    b.reorderNext(0);
    expect(sent).toEqual([2, 1]);
    b.reorderNext(5);
    b.duplicateNext(5);
    b.publish(3);
    b.reset();
    b.publish(4);
    expect(sent).toEqual([2, 1, 4]);
  });
});
