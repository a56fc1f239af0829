import type { MockStateEvent } from './mock-state-watch';

/** Page → reader Worker: watch `url` every `intervalMs`, or steer the watch. */
export type MockStateRequest =
  | { readonly type: 'watch'; readonly url: string; readonly intervalMs: number }
  | { readonly type: 'readNow' | 'pause' | 'resume' | 'close' };

/** Reader Worker → page: what the watch reports (only changes of what the panel shows, and failures). */
export type MockStateReply = MockStateEvent;
