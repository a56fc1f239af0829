import type { MockStateEvent } from './mock-state-watch';

/**
 * Page → reader Worker: watch the mock's control API at `base` (an absolute URL: `/mock` or
 * `/mock/v3` on some origin) every `intervalMs`, or steer the watch. The page ends the Worker.
 */
export type MockStateRequest =
  | { readonly type: 'watch'; readonly base: string; readonly intervalMs: number }
  | { readonly type: 'readNow' | 'pause' | 'resume' };

/** Reader Worker → page: what the watch reports (only changes of what the panel shows, and failures). */
export type MockStateReply = MockStateEvent;
