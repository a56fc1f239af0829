import type { KvPairWire } from './kv-list';

// Real captures from Genesys's agent-api-simulator (copied from ../shared/fixtures/workspace-v3/
// so the unit tests run in any clone). Loaded with import.meta.glob so a new capture is covered
// by the "every capture" tests without editing them.
const files = import.meta.glob<unknown>('./fixtures/*.json', { eager: true, import: 'default' });

/** Capture file name (without `.json`) → its JSON. */
export const CAPTURES: ReadonlyMap<string, unknown> = new Map(
  Object.entries(files).map(([path, json]) => [path.replace(/^.*\/|\.json$/g, ''), json] as const),
);

export function capture(name: string): unknown {
  if (!CAPTURES.has(name)) throw new Error(`No capture ${name}; have ${[...CAPTURES.keys()].join(', ')}`);
  return CAPTURES.get(name);
}

/** A Bayeux frame of a push capture: `[{channel, data}, {channel: '/meta/connect'}]`. */
export interface CapturedFrame {
  readonly channel: string;
  readonly data?: Record<string, unknown>;
}

export function frames(name: string): readonly CapturedFrame[] {
  return capture(name) as CapturedFrame[];
}

/** The media message of a push capture (its first non-meta frame). */
export function mediaMessage(name: string): CapturedFrame {
  const frame = frames(name).find((f) => !f.channel.startsWith('/meta/'));
  if (!frame) throw new Error(`${name} has no media message`);
  return frame;
}

/** A REST capture `{answer: {status, body}, notification}`. */
export interface AnswerCapture {
  readonly answer: { readonly status: number; readonly body: unknown };
  readonly notification: { readonly channel: string; readonly data: Record<string, unknown> & { interaction: { userData: KvPairWire[] } } };
}

export function answerCapture(name: string): AnswerCapture {
  return capture(name) as AnswerCapture;
}
