import type { MockSummary } from './mock-api';

/** Page → reader: read `url` (request `id`), or give up the read `id`. */
export type MockStateRequest = { readonly type: 'read'; readonly id: number; readonly url: string } | { readonly type: 'abort'; readonly id: number };

/** Reader → page: the summary read, or why there is none (`status` 0 when no HTTP answer came). */
export type MockStateReply =
  | { readonly id: number; readonly summary: MockSummary }
  | { readonly id: number; readonly error: string; readonly status: number };
